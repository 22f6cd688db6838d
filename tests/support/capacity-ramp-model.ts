import { addDecimal, type CapacityPeriod, type CapacityUnit } from "@/lib/format/units";

/** A capacity level reported in a progress entry that nobody superseded, oldest first. */
export interface CapacityReportRow {
  capacityId: string;
  cluster: string;
  unit: CapacityUnit;
  period: CapacityPeriod;
  month: string;
  online: string;
}

/**
 * The capacity ramp computed the slow, obvious way from raw reports — the reference the summary
 * table (park_capacity_ramp) is checked against: at the end of each month every capacity stands at
 * its last report so far, and only like units are added. Returns "cluster|unit|period" → levels.
 */
export function capacityRampFromReports(reports: readonly CapacityReportRow[], periods: readonly string[]): Map<string, string[]> {
  const keys = new Map<string, Set<string>>();
  for (const r of reports) {
    const key = `${r.cluster}|${r.unit}|${r.period}`;
    keys.set(key, (keys.get(key) ?? new Set()).add(r.capacityId));
  }
  const out = new Map<string, string[]>();
  for (const [key, capacityIds] of keys) {
    const mine = reports.filter((r) => capacityIds.has(r.capacityId));
    out.set(
      key,
      periods.map((period) => {
        const level = new Map<string, string>();
        for (const r of mine) if (r.month <= period) level.set(r.capacityId, r.online);
        return [...level.values()].reduce((sum, v) => addDecimal(sum, v), "0");
      }),
    );
  }
  return out;
}
