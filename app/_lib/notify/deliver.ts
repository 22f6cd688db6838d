import "server-only";
import { claimDueDeliveries, getRobot, markDelivered, markFailed, type ClaimedDelivery } from "@/db/queries/outbox";
import type { Db } from "@/db/types";
import { createTranslator } from "@/lib/i18n/translate";
import { mailSettings } from "../mail/send";
import { createSmtpMailer } from "../mail/smtp";
import { localeOr, renderNotice, unsubscribeToken } from "./render";
import { dingTalkRequest, postRobot, weComRequest } from "./robots";

export interface DeliveryRun {
  sent: number;
  retried: number;
  dead: number;
}

/**
 * One pass of the worker: claims due deliveries in batches and sends each through its channel, until
 * none is due. Claim-then-send (db/queries/outbox.ts): several workers on one database never send a
 * row twice. A failure is retried with backoff, and after MAX_ATTEMPTS the row is dead.
 */
export async function deliverDue(db: Db, { workerId, batch = 20, baseBackoffMs, env = process.env }: { workerId: string; batch?: number; baseBackoffMs?: number; env?: NodeJS.ProcessEnv }): Promise<DeliveryRun> {
  const run: DeliveryRun = { sent: 0, retried: 0, dead: 0 };
  const mail = mailSettings(env);
  const mailer = mail ? createSmtpMailer(mail.smtpUrl) : null;
  try {
    for (;;) {
      const claimed = await claimDueDeliveries(db, { limit: batch, workerId });
      if (claimed.length === 0) return run;
      // The whole claimed batch at once: the pooled SMTP transport spreads it over its connections.
      const sent: string[] = [];
      await Promise.all(
        claimed.map(async (delivery) => {
          try {
            await sendOne(db, delivery, mail && mailer ? { ...mail, mailer } : null);
            sent.push(delivery.id);
          } catch (error) {
            const outcome = await markFailed(db, { id: delivery.id, attempts: delivery.attempts, error: error instanceof Error ? error.message : String(error), baseBackoffMs });
            run[outcome === "dead" ? "dead" : "retried"] += 1;
          }
        }),
      );
      await markDelivered(db, { ids: sent });
      run.sent += sent.length;
    }
  } finally {
    mailer?.close();
  }
}

type Mail = { from: string; baseUrl: string; mailer: ReturnType<typeof createSmtpMailer> };

async function sendOne(db: Db, d: ClaimedDelivery, mail: Mail | null): Promise<void> {
  if (d.channel === "email") {
    if (!mail) throw new Error("mail is not configured (SMTP_URL, MAIL_FROM, PARKLINE_BASE_URL)");
    if (!d.email || !d.recipientId) throw new Error("the recipient has no address");
    const locale = localeOr(d.locale);
    const t = createTranslator(locale);
    const { subject, body } = renderNotice(d.kind, d.params, locale);
    const unsubscribe = `${mail.baseUrl}/unsubscribe/${unsubscribeToken(d.recipientId, d.kind)}`;
    const text = [body, "", `${t("notify.mail.open")} ${mail.baseUrl}${d.link}`, "", `${t("notify.mail.unsubscribe")} ${unsubscribe}`, `${t("notify.mail.settings")} ${mail.baseUrl}/notifications/settings`].join("\n");
    await mail.mailer.send({ from: mail.from, to: d.email, subject, text, headers: { "List-Unsubscribe": `<${unsubscribe}>` } });
    return;
  }
  if (!d.parkId) throw new Error("a robot post without a park");
  const robot = await getRobot(db, { parkId: d.parkId, kind: d.channel });
  if (!robot || !robot.enabled) throw new Error(`the park's ${d.channel} robot is not set up or is turned off`);
  // Group robots speak Chinese: the park's working language.
  const { subject, body } = renderNotice(d.kind, d.params, "zh");
  const base = mailSettings()?.baseUrl ?? process.env.PARKLINE_BASE_URL?.trim().replace(/\/+$/, "") ?? "";
  const link = base ? `${base}${d.link}` : d.link;
  const markdown = `### ${subject}\n\n${body}\n\n[${createTranslator("zh")("notify.mail.open")}](${link})`;
  await postRobot(d.channel === "dingtalk" ? dingTalkRequest(robot.webhookUrl, robot.secret, { title: subject, text: markdown }) : weComRequest(robot.webhookUrl, { content: markdown }));
}
