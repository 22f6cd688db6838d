import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { findOpenInvitation } from "@/db/queries/people";
import { getViewer } from "@/app/_lib/auth/viewer";
import { getTranslator } from "@/app/_lib/request-locale";
import { tokenAttemptAllowed } from "@/app/_lib/token-limits";
import { tokenSchema } from "@/lib/domain/people-schemas";
import { pickName } from "@/lib/i18n/pick";
import { AuthFrame } from "../../auth-frame";
import { AcceptNewForm, JoinParkForm } from "./accept-forms";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("invite.title"), robots: { index: false } };
}

/**
 * An invitation link. A new address sets a name and password; an existing account signs in as that
 * address and joins. Unknown, used, expired and revoked links all get the same page.
 */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { locale, t } = await getTranslator();
  const { token } = await params;
  const db = await getDb();
  const allowed = await tokenAttemptAllowed(db, "invite");
  const invitation = allowed && tokenSchema.safeParse(token).success ? await findOpenInvitation(db, { token }) : null;
  const frame = (children: React.ReactNode) => (
    <AuthFrame appName={t("app.name")} title={t("invite.title")}>
      {children}
    </AuthFrame>
  );
  if (!invitation || invitation.existingDeactivated) {
    return frame(<p role="alert" className="text-sm text-slate-700">{t(allowed ? "invite.invalid" : "invite.tooMany")}</p>);
  }
  const viewer = await getViewer();
  const intro = (
    <p className="text-sm text-slate-700">
      {t("invite.intro", { park: pickName(locale, invitation.parkName, invitation.parkNameEn), role: t(`role.${invitation.role}`), email: invitation.email })}
    </p>
  );
  if (viewer && viewer.email !== invitation.email) {
    return frame(<>{intro}<p role="alert" className="text-sm text-rose-700">{t("invite.wrongAccount")}</p></>);
  }
  if (viewer) return frame(<>{intro}<JoinParkForm token={token} /></>);
  if (invitation.existingUserId) {
    return frame(
      <>
        {intro}
        <p className="text-sm text-slate-700">{t("invite.signInFirst")}</p>
        <Link href={`/signin?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`} className="font-medium text-brand-700 hover:underline">
          {t("invite.signInLink")}
        </Link>
      </>,
    );
  }
  return frame(<>{intro}<AcceptNewForm token={token} /></>);
}
