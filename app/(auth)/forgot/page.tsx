import type { Metadata } from "next";
import Link from "next/link";
import { getTranslator } from "@/app/_lib/request-locale";
import { AuthFrame } from "../auth-frame";
import { ForgotPasswordForm } from "./forgot-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("forgot.title") };
}

export default async function ForgotPage() {
  const { t } = await getTranslator();
  return (
    <AuthFrame appName={t("app.name")} title={t("forgot.title")}>
      <p className="text-sm text-slate-600">{t("forgot.intro")}</p>
      <ForgotPasswordForm />
      <Link href="/signin" className="block text-sm font-medium text-brand-700 hover:underline">
        {t("forgot.back")}
      </Link>
    </AuthFrame>
  );
}
