import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { bodyKey, paramsFor, subjectKey, type NotificationParams } from "@/lib/domain/notifications";
import { isLocale, type Locale } from "@/lib/i18n/locale";
import { createTranslator } from "@/lib/i18n/translate";
import { NOTIFICATION_KINDS, type NotificationKind } from "@/lib/domain/values";
import { getAuthSecret } from "../auth/secret";

/** A notice's subject and text in one language, from the catalogs. */
export function renderNotice(kind: NotificationKind, params: NotificationParams, locale: Locale): { subject: string; body: string } {
  const t = createTranslator(locale);
  const p = paramsFor(params, locale);
  return { subject: t(subjectKey(kind), p), body: t(bodyKey(kind), p) };
}

export const localeOr = (value: string | null | undefined): Locale => (isLocale(value) ? value : "zh");

const mac = (userId: string, kind: string) => createHmac("sha256", getAuthSecret()).update(`unsubscribe:${userId}:${kind}`).digest("base64url");

/** The unsubscribe link's token: who and which kind, signed with AUTH_SECRET (no row to look up, nothing to expire). */
export function unsubscribeToken(userId: string, kind: NotificationKind): string {
  return `${userId}.${kind}.${mac(userId, kind)}`;
}

export function readUnsubscribeToken(token: string): { userId: string; kind: NotificationKind } | null {
  const [userId, kind, signature, ...rest] = token.split(".");
  if (rest.length || !userId || !kind || !signature || !/^[0-9a-f-]{36}$/.test(userId)) return null;
  if (!(NOTIFICATION_KINDS as readonly string[]).includes(kind)) return null;
  const expected = Buffer.from(mac(userId, kind));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? { userId, kind: kind as NotificationKind } : null;
}
