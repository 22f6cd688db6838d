import type { Locale } from "../i18n/locale";

// Parks, officers and leaders are in China: instants read in China time whatever the zone of the
// server (UTC in most deployments) or of the browser. A day is the China day, as for milestones and
// link expiries (lib/domain/china-day.ts).
const ZONE = "Asia/Shanghai";
const TAG: Record<Locale, string> = { zh: "zh-CN", en: "en-GB" };
const dateTime = { zh: new Intl.DateTimeFormat(TAG.zh, { dateStyle: "short", timeStyle: "short", timeZone: ZONE }), en: new Intl.DateTimeFormat(TAG.en, { dateStyle: "short", timeStyle: "short", timeZone: ZONE }) };
const dateOnly = { zh: new Intl.DateTimeFormat(TAG.zh, { dateStyle: "short", timeZone: ZONE }), en: new Intl.DateTimeFormat(TAG.en, { dateStyle: "short", timeZone: ZONE }) };

/** 2026-03-01T17:30Z → zh "2026/3/2 01:30", en "02/03/2026, 01:30". */
export function formatChinaDateTime(at: Date, locale: Locale): string {
  return dateTime[locale].format(at);
}

/** 2026-03-01T17:30Z → zh "2026/3/2", en "02/03/2026": the day it was in China. */
export function formatChinaDate(at: Date, locale: Locale): string {
  return dateOnly[locale].format(at);
}
