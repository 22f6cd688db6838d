import type { Locale } from "../i18n/locale";
import type { NotificationKind } from "./values";

/**
 * What a notice says, kept as data so it renders in the reader's language: a value named `xEn` is
 * the English of `x` (park and project names). The catalog's `notify.<kind>.subject` and `.body` use them.
 */
export type NotificationParams = Record<string, string | number>;

/** The params for one language: in English, `park` is replaced by `parkEn` when there is one. */
export function paramsFor(params: NotificationParams, locale: Locale): NotificationParams {
  const out: NotificationParams = {};
  for (const [key, value] of Object.entries(params)) {
    if (key.endsWith("En")) continue;
    const english = params[`${key}En`];
    out[key] = locale === "en" && english !== undefined && english !== "" ? english : value;
  }
  return out;
}

export const subjectKey = (kind: NotificationKind) => `notify.${kind}.subject` as const;
export const bodyKey = (kind: NotificationKind) => `notify.${kind}.body` as const;

/** Retries of a failed delivery: 1, 2, 4, 8 minutes…; after MAX_ATTEMPTS it is dead (the outbox shows why). */
export const MAX_ATTEMPTS = 5;
export function backoffMs(attempts: number, baseMs = 60_000): number {
  return baseMs * 2 ** Math.max(0, attempts - 1);
}

/** A delivery claimed this long ago and never finished: its worker died mid-send, so whether it went is unknown. */
export const STUCK_AFTER_MS = 10 * 60_000;
