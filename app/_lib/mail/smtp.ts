import "server-only";
import nodemailer from "nodemailer";

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  /** Extra headers (List-Unsubscribe); their values must not carry line breaks either. */
  headers?: Record<string, string>;
}

/** Header values cannot carry line breaks: an address or subject with CR/LF would add headers. */
function headerSafe(value: string): string {
  if (/[\r\n]/.test(value)) throw new Error("mail header contains a line break");
  return value;
}

/**
 * Sends one plain-text message through the server SMTP_URL names, with nodemailer: smtp:// upgrades
 * with STARTTLS when the server offers it, smtps:// is TLS from the start, user:password@ authenticates.
 * `?tls=insecure` accepts a self-signed certificate (a test or an internal relay).
 */
export async function sendSmtp(smtpUrl: string, mail: OutgoingMail): Promise<void> {
  const mailer = createSmtpMailer(smtpUrl, { pool: false });
  try {
    await mailer.send(mail);
  } finally {
    mailer.close();
  }
}

/** One transport for many messages (the notification worker's batches): a pool of up to 5 connections. */
export function createSmtpMailer(smtpUrl: string, { pool = true }: { pool?: boolean } = {}): { send(mail: OutgoingMail): Promise<void>; close(): void } {
  const url = new URL(smtpUrl);
  if (url.protocol !== "smtp:" && url.protocol !== "smtps:") throw new Error("SMTP_URL must start with smtp:// or smtps://");
  const transport = nodemailer.createTransport({
    host: url.hostname,
    port: Number(url.port) || (url.protocol === "smtps:" ? 465 : 587),
    secure: url.protocol === "smtps:",
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    tls: { rejectUnauthorized: url.searchParams.get("tls") !== "insecure" },
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 15_000,
    ...(pool ? { pool: true, maxConnections: 5, maxMessages: 1000 } : {}),
  });
  return {
    async send(mail) {
      const headers = Object.fromEntries(Object.entries(mail.headers ?? {}).map(([k, v]) => [headerSafe(k), headerSafe(v)]));
      await transport.sendMail({ from: headerSafe(mail.from), to: headerSafe(mail.to), subject: headerSafe(mail.subject), text: mail.text, headers });
    },
    close: () => transport.close(),
  };
}
