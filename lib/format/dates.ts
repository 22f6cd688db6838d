import { chinaDateOf } from "../domain/china-day";

// Parks, officers and leaders are in China: instants read in China time whatever the zone of the
// server (UTC in most deployments) or of the browser. A day is the China day, as for milestones and
// link expiries (lib/domain/china-day.ts). Dates read YYYY-MM-DD in both languages, as everywhere
// else in Parkline: "08/12/2026" is 8 December to some readers and 12 August to others.
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** 2026-03-01T17:30Z → "2026-03-02 01:30" in either language. */
export function formatChinaDateTime(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace("T", " ");
}

/** 2026-03-01T17:30Z → "2026-03-02": the day it was in China. */
export function formatChinaDate(at: Date): string {
  return chinaDateOf(at);
}
