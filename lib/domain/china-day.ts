// Parks, officers and leaders are in China: "today", a date typed in a form and the day of an instant
// all mean the day in China Standard Time (UTC+8, no daylight saving), whatever the server's zone.
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** Today's date in China, YYYY-MM-DD. On a server in UTC the day would start 8 hours late. */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The last instant of a date in China: a link expiring on a date works through that whole day. */
export function endOfChinaDay(date: string): Date {
  return new Date(`${date}T23:59:59.999+08:00`);
}

/** The date (in China) of an instant, e.g. of an expiry or snapshot stored by `endOfChinaDay`. */
export function chinaDateOf(instant: Date): string {
  return chinaToday(instant);
}
