import type { Metadata } from "next";
import { getTranslator } from "@/app/_lib/request-locale";
import { readUnsubscribeToken } from "@/app/_lib/notify/render";
import { AuthFrame } from "../../auth-frame";
import { UnsubscribeForm } from "./unsubscribe-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("inbox.unsubscribeTitle"), robots: { index: false } };
}

/**
 * An email's unsubscribe link. Opening it changes nothing (mail scanners open links): the button
 * does, through unsubscribeAction, with the signed token as the credential.
 */
export default async function UnsubscribePage({ params }: { params: Promise<{ token: string }> }) {
  const { t } = await getTranslator();
  const { token } = await params;
  const target = readUnsubscribeToken(decodeURIComponent(token));
  return (
    <AuthFrame appName={t("app.name")} title={t("inbox.unsubscribeTitle")}>
      {target ? (
        <>
          <p className="text-sm text-slate-700">
            <strong>{t(`notify.${target.kind}.name`)}</strong> — {t("inbox.unsubscribeExplain")}
          </p>
          <UnsubscribeForm token={decodeURIComponent(token)} />
        </>
      ) : (
        <p role="alert" className="text-sm text-slate-700">{t("inbox.unsubscribeInvalid")}</p>
      )}
    </AuthFrame>
  );
}
