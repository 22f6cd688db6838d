import "server-only";
import type { Translate } from "@/lib/i18n/translate";
import { sendSmtp } from "./smtp";

/**
 * Mail goes out when SMTP_URL and MAIL_FROM are set; links in it start with PARKLINE_BASE_URL (never
 * the request's Host header, which a client chooses). Without them the links are only shown on screen.
 */
export function mailSettings(env: NodeJS.ProcessEnv = process.env): { smtpUrl: string; from: string; baseUrl: string } | null {
  const smtpUrl = env.SMTP_URL?.trim();
  const from = env.MAIL_FROM?.trim();
  const baseUrl = env.PARKLINE_BASE_URL?.trim().replace(/\/+$/, "");
  return smtpUrl && from && baseUrl ? { smtpUrl, from, baseUrl } : null;
}

export const mailConfigured = () => mailSettings() !== null;

/** Sends a link by mail; false (and logged) when mail is not configured or the server refused it. */
export async function mailLink(
  t: Translate,
  { to, kind, path, parkName }: { to: string; kind: "invitation" | "reset"; path: string; parkName?: string },
): Promise<boolean> {
  const settings = mailSettings();
  if (!settings) return false;
  const link = `${settings.baseUrl}${path}`;
  try {
    await sendSmtp(settings.smtpUrl, {
      from: settings.from,
      to,
      subject: t(kind === "invitation" ? "mail.invitationSubject" : "mail.resetSubject", { park: parkName ?? "" }),
      text: t(kind === "invitation" ? "mail.invitationBody" : "mail.resetBody", { park: parkName ?? "", link }),
    });
    return true;
  } catch (error) {
    console.error(`mail to ${to} failed: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}
