import "server-only";
import { listMilestoneTimeline } from "@/db/queries/park-dashboard";
import { getHealthRule, getRollup, listLateMilestones, listOpenProblems } from "@/db/queries/rollups";
import { healthRuleOf } from "@/lib/domain/pace-health";
import type { Executor } from "@/db/types";
import type { MilestoneType } from "@/lib/domain/values";
import type { SheetTable } from "@/lib/format/spreadsheet";
import { periodLabel, unitLabel, type CapacityPeriod } from "@/lib/format/units";
import type { Locale } from "@/lib/i18n/locale";
import { pickName } from "@/lib/i18n/pick";
import type { Translate } from "@/lib/i18n/translate";
import { progressLedgerTable, projectsLedgerTable } from "../ledger/ledger-tables";
import { loadCapacityRamp, MONTH_WINDOW } from "./data";
import { cumulativeThisYear, monthlyPoints, monthWindow } from "@/lib/domain/series";

/** The dashboard's tables: each also has a page of its own (/parks/<slug>/tables/<table>). */
export const DASHBOARD_TABLES = ["stages", "monthly", "pace", "capacity", "late", "problems", "timeline", "ramp"] as const;
export type DashboardTable = (typeof DASHBOARD_TABLES)[number];

/** The tables a park member can download (CSV or .xlsx): the dashboard's, and the two ledgers. */
export const EXPORT_TABLES = [...DASHBOARD_TABLES, "projects", "progress"] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];

/** The most rows a list table holds (a park has a few hundred projects). */
const ALL_ROWS = 5000;

/** "50000.0000" → "50000": quantities keep their exact digits without padding. */
const plain = (v: string) => (v.includes(".") ? v.replace(/\.?0+$/, "") : v);

/** A ratio as a plain percentage with one decimal ("15.4"), or empty when there is no comparison. */
const pct = (ratio: number | null) => (ratio === null || !Number.isFinite(ratio) ? null : (ratio * 100).toFixed(1));

/**
 * One table: localized headers, exact amounts in yuan (not 亿/万 or bn), ISO dates, so a
 * spreadsheet can sum them. Scoped to the one park the caller was checked against.
 */
export async function buildExportTable(
  db: Executor,
  { parkId, table, today, locale, t }: { parkId: string; table: ExportTable; today: string; locale: Locale; t: Translate },
): Promise<SheetTable> {
  if (table === "projects") return projectsLedgerTable(db, { parkId, today, t });
  if (table === "progress") return progressLedgerTable(db, { parkId, t });
  const { header, rows } = await buildDashboardTable(db, { parkId, table, today, locale, t });
  // Project codes stay text in a workbook even when they look like numbers.
  return { name: table, header, rows, textColumns: ["late", "problems", "timeline"].includes(table) ? [0] : [] };
}

async function buildDashboardTable(
  db: Executor,
  { parkId, table, today, locale, t }: { parkId: string; table: Exclude<ExportTable, "projects" | "progress">; today: string; locale: Locale; t: Translate },
): Promise<Pick<SheetTable, "header" | "rows">> {
  const name = (zh: string, en: string | null) => pickName(locale, zh, en);
  const per = (period: CapacityPeriod) => periodLabel(period, locale).replace("/", "");
  const milestoneLabel = (type: MilestoneType, custom: string | null) => (type === "custom" ? (custom ?? "") : t(`milestone.type.${type}`));
  switch (table) {
    case "stages": {
      const rollup = (await getRollup(db, { parkIds: [parkId], today }))!;
      const order = ["signed", "construction", "production", "full_capacity"] as const;
      return {
        header: [t("csv.stage"), t("csv.current"), t("csv.reached")],
        rows: order.map((s, i) => [t(`stage.${s}`), rollup.stages[s], order.slice(i).reduce((n, later) => n + rollup.stages[later], 0)]),
      };
    }
    case "monthly": {
      const rollup = (await getRollup(db, { parkIds: [parkId], today }))!;
      const periods = monthWindow(today, MONTH_WINDOW);
      const investment = monthlyPoints(rollup.monthly.map((m) => ({ period: m.period, value: m.investment })), periods);
      const output = monthlyPoints(rollup.monthly.map((m) => ({ period: m.period, value: m.output })), periods);
      return {
        header: [t("csv.month"), t("csv.investmentYuan"), t("csv.yoyPct"), t("csv.outputYuan")],
        rows: investment.map((p, i) => [p.period.slice(0, 7), p.value, pct(p.yoy), output[i]!.value]),
      };
    }
    case "pace": {
      const rollup = (await getRollup(db, { parkIds: [parkId], today }))!;
      const year = today.slice(0, 4);
      const months = cumulativeThisYear(rollup.monthly.map((m) => ({ period: m.period, value: m.investment })), today, rollup.annualPlan);
      return {
        header: [t("csv.month"), t("csv.actualCumulativeYuan"), t("csv.planCumulativeYuan")],
        rows: months.map((m) => [`${year}-${String(m.month).padStart(2, "0")}`, m.actual, m.plan === null ? null : Math.round(m.plan)]),
      };
    }
    case "capacity": {
      const rollup = (await getRollup(db, { parkIds: [parkId], today }))!;
      return {
        header: [t("csv.cluster"), t("csv.unit"), t("csv.period"), t("csv.designed"), t("csv.online"), t("csv.onlinePct")],
        rows: rollup.capacityByCluster.map((c) => [
          name(c.cluster, c.clusterEn), unitLabel(c.unit, locale), per(c.period), plain(c.designed), plain(c.online),
          Number(c.designed) > 0 ? pct(Number(c.online) / Number(c.designed)) : null,
        ]),
      };
    }
    case "late": {
      const baseline = healthRuleOf(await getHealthRule(db, { parkId })).slipBaseline;
      const rows = await listLateMilestones(db, { parkIds: [parkId], today, limit: ALL_ROWS, baseline });
      return {
        header: [
          t("csv.code"), t("csv.project"), t("csv.milestone"), t("csv.planned"), t("csv.forecast"), t("csv.daysLate"), t("csv.originalPlanned"), t("csv.daysLateOriginal"),
        ],
        rows: rows.map((r) => [
          r.code, name(r.name, r.nameEn), milestoneLabel(r.type, r.customLabel), r.plannedDate, r.forecastDate, r.daysLate, r.originalPlannedDate, r.daysLateOriginal,
        ]),
      };
    }
    case "problems": {
      const rows = await listOpenProblems(db, { parkIds: [parkId], limit: ALL_ROWS });
      return {
        header: [t("csv.code"), t("csv.project"), t("csv.problem"), t("csv.owner"), t("csv.due")],
        rows: rows.map((r) => [r.code, name(r.name, r.nameEn), r.description, r.owner, r.dueDate]),
      };
    }
    case "timeline": {
      const projects = await listMilestoneTimeline(db, { parkId, limit: ALL_ROWS });
      return {
        header: [t("csv.code"), t("csv.project"), t("csv.milestone"), t("csv.planned"), t("csv.forecast"), t("csv.actual")],
        rows: projects.flatMap((p) => p.milestones.map((m) => [p.code, name(p.name, p.nameEn), milestoneLabel(m.type, m.customLabel), m.plannedDate, m.forecastDate, m.actualDate])),
      };
    }
    case "ramp": {
      const periods = monthWindow(today, MONTH_WINDOW);
      const series = await loadCapacityRamp(db, { parkId, periods });
      return {
        header: [t("csv.cluster"), t("csv.unit"), t("csv.period"), t("csv.month"), t("csv.online")],
        rows: series.flatMap((s) => periods.map((p, i) => [name(s.cluster, s.clusterEn), unitLabel(s.unit, locale), per(s.period), p.slice(0, 7), s.values[i]!])),
      };
    }
  }
}
