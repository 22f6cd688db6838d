import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { findOpenReset } from "@/db/queries/password-resets";
import { getTranslator } from "@/app/_lib/request-locale";
import { tokenAttemptAllowed } from "@/app/_lib/token-limits";
import { tokenSchema } from "@/lib/domain/people-schemas";
import { AuthFrame } from "../../auth-frame";
import { ResetPasswordForm } from "./reset-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("reset.title"), robots: { index: false } };
}

/** A password link: unknown, used and expired links (and deactivated accounts) get one answer. */
export default async function ResetPage({ params }: { params: Promise<{ token: string }> }) {
  const { t } = await getTranslator();
  const { token } = await params;
  const db = await getDb();
  const allowed = await tokenAttemptAllowed(db, "reset");
  const reset = allowed && tokenSchema.safeParse(token).success ? await findOpenReset(db, { token }) : null;
  return (
    <AuthFrame appName={t("app.name")} title={t("reset.title")}>
      {reset ? (
        <>
          <p className="text-sm break-all text-slate-700">{t("reset.for", { email: reset.email })}</p>
          <ResetPasswordForm token={token} />
        </>
      ) : (
        <p role="alert" className="text-sm text-slate-700">
          {t(allowed ? "reset.invalid" : "invite.tooMany")}
        </p>
      )}
    </AuthFrame>
  );
}
