import type { Metadata } from "next";
import { requireViewer } from "@/app/_lib/auth/viewer";
import { mailConfigured } from "@/app/_lib/mail/send";
import { getTranslator } from "@/app/_lib/request-locale";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { getPreferences } from "@/db/queries/notifications";
import { PreferencesForm } from "./preferences-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("inbox.settingsTitle") };
}

export default async function NotificationSettingsPage() {
  const viewer = await requireViewer();
  const { t } = await getTranslator();
  const prefs = await getPreferences(await getDb(), { userId: viewer.userId });
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">{t("inbox.settingsTitle")}</h1>
      <Card className="space-y-3 p-5">
        <p className="text-sm text-slate-600">{t("inbox.settingsExplain", { email: viewer.email })}</p>
        {mailConfigured() ? null : <p className="text-sm text-amber-800">{t("inbox.emailOff")}</p>}
        <PreferencesForm prefs={prefs} />
      </Card>
    </div>
  );
}
