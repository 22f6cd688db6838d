import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/db/seed/accounts";
import { Card } from "@/components/ui/card";
import { LanguageSwitch } from "@/components/language-switch";
import { setLocaleAction } from "@/app/_lib/actions/session";
import { getViewer } from "@/app/_lib/auth/viewer";
import { getTranslator } from "@/app/_lib/request-locale";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("signin.submit") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  if (await getViewer()) redirect("/");
  const { t } = await getTranslator();
  const raw = (await searchParams).callbackUrl;
  const callbackUrl = safeCallbackPath(Array.isArray(raw) ? raw[0] : raw, "") || undefined;
  const showDemo = process.env.NODE_ENV === "development";
  return (
    <main className="grid min-h-dvh place-items-center px-4 py-10">
      <div className="w-full max-w-sm space-y-6">
        <div className="flex items-center justify-between">
          <span className="flex items-center gap-2 text-lg font-semibold">
            <span aria-hidden className="grid size-8 place-items-center rounded-md bg-brand-700 text-white">
              P
            </span>
            {t("app.name")}
          </span>
          <LanguageSwitch setLocale={setLocaleAction} />
        </div>
        <Card className="space-y-5 p-6">
          <div>
            <h1 className="text-xl font-semibold">{t("signin.title")}</h1>
            <p className="mt-1 text-sm text-slate-600">{t("signin.subtitle")}</p>
          </div>
          <SignInForm callbackUrl={callbackUrl} />
          <Link href="/forgot" className="block text-sm font-medium text-brand-700 hover:underline">
            {t("forgot.link")}
          </Link>
        </Card>
        {showDemo ? (
          <Card className="space-y-2 p-4 text-sm" aria-labelledby="demo-accounts">
            <h2 id="demo-accounts" className="font-medium">
              {t("signin.demoTitle")}
            </h2>
            <p className="text-slate-600">{t("signin.demoHint", { password: DEMO_PASSWORD })}</p>
            <ul className="space-y-1">
              {DEMO_ACCOUNTS.map((a) => (
                <li key={a.email} className="flex flex-wrap justify-between gap-2">
                  <code className="text-slate-800">{a.email}</code>
                  <span className="text-slate-600">
                    {[
                      ...a.memberships.map((m) => `${m.parkSlug} · ${t(`role.${m.role}`)}`),
                      ...(a.platformAdmin ? [t("nav.admin")] : []),
                      ...(a.regionReads ?? []).map((r) => `${r} · ${t("role.viewer")}`),
                    ].join(", ")}
                  </span>
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
      </div>
    </main>
  );
}
