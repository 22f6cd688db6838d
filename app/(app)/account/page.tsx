import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { requireViewer } from "@/app/_lib/auth/viewer";
import { getTranslator } from "@/app/_lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("account.title") };
}

export default async function AccountPage() {
  const viewer = await requireViewer();
  const { t } = await getTranslator();
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">{t("account.title")}</h1>
      <p className="text-sm text-slate-600">{viewer.email}</p>
      <Card className="p-5" aria-labelledby="change-password-title">
        <h2 id="change-password-title" className="mb-4 text-lg font-semibold">
          {t("account.changePassword")}
        </h2>
        <ChangePasswordForm />
      </Card>
    </div>
  );
}
