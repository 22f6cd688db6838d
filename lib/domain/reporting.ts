// The monthly reporting cycle (报送): each project's progress for a month is due on the park's deadline
// day of that month. Pure rules, shared by the roll-call page, the reminders and the month-close summary.

export interface ReportingSettings {
  /** Day of the month (1–28) by which a month's report is due. */
  deadlineDay: number;
  /** Reminders go out this many days before the deadline (0: on the day). */
  remindDaysBefore: number;
}

export const DEFAULT_REPORTING: ReportingSettings = { deadlineDay: 25, remindDaysBefore: 3 };

/** on_time: first report by the deadline; late: after it; missing: none and the deadline passed; pending: none yet, not due. */
export type ReportStatus = "on_time" | "late" | "missing" | "pending";

const DAY_MS = 86_400_000;
const pad = (n: number) => String(n).padStart(2, "0");

/** The month a date falls in, as its first day (YYYY-MM-01): how progress_entries.period names months. */
export function periodOf(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

/** The deadline of a month's report, YYYY-MM-DD. */
export function deadlineOf(period: string, deadlineDay: number): string {
  return `${period.slice(0, 7)}-${pad(deadlineDay)}`;
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The month before or after: shiftMonth("2026-01-01", -1) = "2025-12-01". */
export function shiftMonth(period: string, months: number): string {
  const [y, m] = [Number(period.slice(0, 4)), Number(period.slice(5, 7))];
  const index = y * 12 + (m - 1) + months;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}-01`;
}

/** The last `n` months up to the one `today` is in, newest first. */
export function lastMonths(today: string, n: number): string[] {
  const current = periodOf(today);
  return Array.from({ length: n }, (_, i) => shiftMonth(current, -i));
}

/**
 * A project's status for a month: by the China date of its first report for that month (corrections
 * do not move it), against the deadline, as of `today`.
 */
export function reportStatus({ period, deadlineDay, firstReportedOn, today }: { period: string; deadlineDay: number; firstReportedOn: string | null; today: string }): ReportStatus {
  const deadline = deadlineOf(period, deadlineDay);
  if (firstReportedOn) return firstReportedOn <= deadline ? "on_time" : "late";
  return today > deadline ? "missing" : "pending";
}

/** A project owes a month's report only if it existed by that month's deadline and the month has begun. */
export function isExpected({ period, deadlineDay, createdOn, today }: { period: string; deadlineDay: number; createdOn: string; today: string }): boolean {
  return createdOn <= deadlineOf(period, deadlineDay) && period <= today;
}

export interface RollCallCount {
  expected: number;
  reported: number;
  late: number;
  missing: number;
}

export const emptyCount = (): RollCallCount => ({ expected: 0, reported: 0, late: 0, missing: 0 });

export function countStatus(count: RollCallCount, status: ReportStatus): void {
  count.expected += 1;
  if (status === "on_time" || status === "late") count.reported += 1;
  if (status === "late") count.late += 1;
  if (status === "missing") count.missing += 1;
}

/** 报送率 in whole percent (reported / expected), null when nothing is expected. */
export function reportingRate({ expected, reported }: Pick<RollCallCount, "expected" | "reported">): number | null {
  return expected === 0 ? null : Math.round((reported * 100) / expected);
}

/** Whether today is in the reminder window of its month: from N days before the deadline to the deadline. */
export function inReminderWindow(today: string, settings: ReportingSettings): boolean {
  const deadline = deadlineOf(periodOf(today), settings.deadlineDay);
  return today <= deadline && today >= addDays(deadline, -settings.remindDaysBefore);
}

/** Monday of the ISO week `date` is in: the weekly digest's key. */
export function weekOf(date: string): string {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((day + 6) % 7));
}

/** One project in one month, as the roll-call query reads it. */
export interface ReportingRow {
  parkId: string;
  projectId: string;
  code: string;
  name: string;
  nameEn: string | null;
  officerId: string | null;
  officerName: string | null;
  createdOn: string;
  deadlineDay: number;
  period: string;
  firstReportedOn: string | null;
}

export interface RollCallItem extends ReportingRow {
  status: ReportStatus;
}

export interface RollCall {
  currentPeriod: string;
  /** Each month, newest first, with its counts over every park asked for. */
  months: { period: string; count: RollCallCount }[];
  /** This month, per park. */
  byPark: Map<string, RollCallCount>;
  /** This month, per officer (null: projects with no officer). */
  byOfficer: { officerId: string | null; officerName: string | null; count: RollCallCount }[];
  /** This month's projects with no report yet (missing after the deadline, pending before). */
  notReported: RollCallItem[];
  /** Reports that came after their deadline, newest month first. */
  late: RollCallItem[];
}

/** The roll-call from the query's rows: what counts is decided by `reportStatus` and `isExpected` alone. */
export function buildRollCall(rows: readonly ReportingRow[], today: string): RollCall {
  const currentPeriod = periodOf(today);
  const months = new Map<string, RollCallCount>();
  const byPark = new Map<string, RollCallCount>();
  const byOfficer = new Map<string, { officerId: string | null; officerName: string | null; count: RollCallCount }>();
  const notReported: RollCallItem[] = [];
  const late: RollCallItem[] = [];
  for (const row of rows) {
    if (!isExpected({ period: row.period, deadlineDay: row.deadlineDay, createdOn: row.createdOn, today })) continue;
    const status = reportStatus({ period: row.period, deadlineDay: row.deadlineDay, firstReportedOn: row.firstReportedOn, today });
    if (!months.has(row.period)) months.set(row.period, emptyCount());
    countStatus(months.get(row.period)!, status);
    if (status === "late") late.push({ ...row, status });
    if (row.period !== currentPeriod) continue;
    if (!byPark.has(row.parkId)) byPark.set(row.parkId, emptyCount());
    countStatus(byPark.get(row.parkId)!, status);
    const key = row.officerId ?? "";
    if (!byOfficer.has(key)) byOfficer.set(key, { officerId: row.officerId, officerName: row.officerName, count: emptyCount() });
    countStatus(byOfficer.get(key)!.count, status);
    if (status === "missing" || status === "pending") notReported.push({ ...row, status });
  }
  const byName = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code);
  return {
    currentPeriod,
    months: [...months].map(([period, count]) => ({ period, count })).sort((a, b) => b.period.localeCompare(a.period)),
    byPark,
    byOfficer: [...byOfficer.values()].sort((a, b) => (a.officerName ?? "\uffff").localeCompare(b.officerName ?? "\uffff")),
    notReported: notReported.sort(byName),
    late: late.sort((a, b) => b.period.localeCompare(a.period) || byName(a, b)),
  };
}
