import { PROJECT_STAGES } from "../domain/values";
import { formatGrowth, formatMoney, formatPercent, formatPlanningMoney, formatQuantity } from "../format/numbers";
import type { Locale } from "../i18n/locale";
import { pickName } from "../i18n/pick";
import type { Translate } from "../i18n/translate";
import type { ReportFigures } from "./figures";
import { monthName, summaryParagraph } from "./summary";

/**
 * A monthly report as a document in one language: a cover and blocks of headings, paragraphs and
 * tables. Both renderers (app/_lib/report/docx.ts and pdf.ts) draw exactly this, so the Word file and
 * the PDF say the same thing.
 */
export interface ReportTable {
  header: string[];
  rows: string[][];
  /** Relative column widths. */
  widths: number[];
  /** Columns of figures, set flush right. */
  numeric?: number[];
  /** A last row set in bold (a total). */
  totalRow?: boolean;
}

/** `landscape`: set on a page turned sideways (the wide projects table, with its heading). */
export type ReportBlock = (
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; text: string; note?: boolean }
  | { kind: "table"; table: ReportTable }
) & { landscape?: boolean };

export interface ReportDocument {
  locale: Locale;
  title: string;
  cover: { label: string; value: string }[];
  coverNote: string | null;
  blocks: ReportBlock[];
  /** The footer's page label around the page number and the page count: "Page {page} of {pages}". */
  pageLabel: { before: string; between: string; after: string };
  fileBaseName: string;
}

function pageLabel(t: Translate): ReportDocument["pageLabel"] {
  const text = t("report.page", { page: "\u0000", pages: "\u0001" });
  const [before = "", rest = ""] = text.split("\u0000");
  const [between = "", after = ""] = rest.split("\u0001");
  return { before, between, after };
}

export function buildReportDocument(f: ReportFigures, { locale, t }: { locale: Locale; t: Translate }): ReportDocument {
  const year = Number(f.month.slice(0, 4));
  const monthNo = Number(f.month.slice(5, 7));
  const mName = monthName(monthNo, locale);
  const monthLabel = t("report.monthLabel", { year, monthName: mName });
  const name = pickName(locale, f.name, f.nameEn);
  const money = (v: string) => formatMoney(v, locale);
  const planning = (v: string) => formatPlanningMoney(v, locale, "—");
  const region = f.kind === "region";
  const title = t(region ? "report.regionTitle" : "report.title", { name, month: monthLabel });
  const { growth, pace } = f.headline;
  const withPark = region && f.parks.length > 1;
  const parkName = new Map(f.parks.map((p) => [p.id, pickName(locale, p.name, p.nameEn)]));

  const blocks: ReportBlock[] = [];
  let landscape = false;
  const heading = (text: string) => blocks.push({ kind: "heading", text, landscape });
  const paragraph = (text: string, note = false) => blocks.push({ kind: "paragraph", text, note, landscape });
  const table = (tbl: ReportTable) => blocks.push({ kind: "table", table: tbl, landscape });

  heading(t("report.section.summary"));
  paragraph(summaryParagraph(f, { locale, t }));
  const pp = pace.aheadPp === null ? "—" : t("report.fig.ppValue", { pp: `${pace.aheadPp >= 0 ? "+" : "−"}${Math.abs(pace.aheadPp).toFixed(1)}` });
  table({
    header: [t("report.figure"), t("report.value")],
    widths: [3, 2],
    numeric: [1],
    rows: [
      [t("report.fig.ytd", { monthName: mName }), money(growth.ytd)],
      [t("report.fig.ytdGrowth"), formatGrowth(growth.ytdGrowth, locale)],
      [t("report.fig.month", { monthName: mName }), money(growth.month)],
      [t("report.fig.yoy"), formatGrowth(growth.yoy, locale)],
      [t("report.fig.mom"), formatGrowth(growth.mom, locale)],
      [t("report.fig.plan", { year }), f.rollup.annualPlan ? money(f.rollup.annualPlan) : "—"],
      [t("report.fig.rate"), pace.completionRate === null ? "—" : formatPercent(pace.completionRate, locale)],
      [t("report.fig.elapsed"), formatPercent(pace.timeElapsed, locale)],
      [t("report.fig.pace"), pp],
      [t("report.fig.planned"), planning(f.rollup.totals.planned)],
    ],
  });

  heading(t("report.section.stages"));
  table({
    header: [t("report.col.stage"), t("report.col.projects")],
    widths: [3, 2],
    numeric: [1],
    totalRow: true,
    rows: [...PROJECT_STAGES.map((s) => [t(`stage.${s}`), String(f.rollup.stages[s])]), [t("report.total"), String(f.rollup.totals.projects)]],
  });

  landscape = true;
  heading(t("report.section.projects"));
  const scopeText =
    f.scope.kind === "key"
      ? t("report.scope.key", { count: f.projects.length, total: f.rollup.totals.projects })
      : f.scope.kind === "all"
        ? t("report.scope.all", { total: f.projects.length })
        : t("report.scope.cluster", { count: f.projects.length, cluster: clusterLabel(f, f.scope.cluster, locale) });
  paragraph(scopeText, true);
  if (f.projects.length === 0) paragraph(t("report.none"));
  else
    table(
      {
        header: [
          t("report.col.no"),
          ...(withPark ? [t("report.col.park")] : []),
          t("report.col.project"),
          t("report.col.company"),
          t("report.col.total"),
          t("report.col.month", { monthName: mName }),
          t("report.col.ytd", { year }),
          t("report.col.stage"),
          t("report.col.progress"),
          t("report.col.problems"),
        ],
        widths: [1.4, ...(withPark ? [3] : []), 4, 4, 2.5, 2.5, 2.5, 2.8, 6.2, 5],
        numeric: withPark ? [4, 5, 6] : [3, 4, 5],
        rows: f.projects.map((p, i) => [
          String(i + 1),
          ...(withPark ? [parkName.get(p.parkId) ?? ""] : []),
          pickName(locale, p.name, p.nameEn),
          pickName(locale, p.company, p.companyEn),
          planning(p.plannedInvestment),
          money(p.completedMonth),
          money(p.completedYtd),
          t(`stage.${p.stage}`),
          (locale === "en" ? (p.narrativeEn ?? p.narrative) : p.narrative) ?? t("report.noEntry"),
          p.openProblems.length ? p.openProblems.map((d, n) => `${n + 1}. ${d}`).join("\n") : "—",
        ]),
      },
    );
  landscape = false;

  heading(t("report.section.problems"));
  if (f.problems.items.length === 0) paragraph(t("report.none"));
  else {
    table({
      header: [t("report.col.no"), t("report.col.project"), t("report.col.problem"), t("report.col.owner"), t("report.col.due")],
      widths: [1, 4, 8, 3, 2.5],
      rows: f.problems.items.map((p, i) => [String(i + 1), pickName(locale, p.name, p.nameEn), p.description, p.owner, p.dueDate ?? "—"]),
    });
    if (f.problems.total > f.problems.items.length) paragraph(t("report.shown", { shown: f.problems.items.length, total: f.problems.total }), true);
  }

  heading(t("report.section.late"));
  if (f.late.items.length === 0) paragraph(t("report.none"));
  else {
    table({
      header: [t("report.col.no"), t("report.col.project"), t("report.col.milestone"), t("report.col.planDate"), t("report.col.forecast"), t("report.col.daysLate")],
      widths: [1, 5, 4, 2.5, 2.5, 2],
      numeric: [5],
      rows: f.late.items.map((m, i) => [
        String(i + 1),
        pickName(locale, m.name, m.nameEn),
        m.type === "custom" && m.customLabel ? m.customLabel : t(`milestone.type.${m.type}`),
        m.plannedDate ?? "—",
        m.forecastDate ?? "—",
        m.daysLate === null ? "—" : String(m.daysLate),
      ]),
    });
    if (f.late.total > f.late.items.length) paragraph(t("report.shown", { shown: f.late.items.length, total: f.late.total }), true);
  }

  heading(t("report.section.capacity"));
  if (f.rollup.capacityByCluster.length === 0) paragraph(t("report.none"));
  else
    table({
      header: [t("report.col.cluster"), t("report.col.designed"), t("report.col.online"), t("report.col.share")],
      widths: [3, 3, 3, 2],
      numeric: [1, 2, 3],
      rows: f.rollup.capacityByCluster.map((c) => [
        pickName(locale, c.cluster, c.clusterEn),
        formatQuantity(c.designed, c.unit, c.period, locale),
        formatQuantity(c.online, c.unit, c.period, locale),
        Number(c.designed) > 0 ? formatPercent(Number(c.online) / Number(c.designed), locale) : "—",
      ]),
    });

  heading(t("report.section.definitions"));
  for (const key of ["report.def.source", "report.def.completed", "report.def.growth", "report.def.plan", "report.def.key", "report.def.state", "report.def.capacity", "report.def.photos"] as const) {
    paragraph(t(key, { asOf: f.asOf }), true);
  }

  const cover = [
    { label: t(region ? "report.cover.region" : "report.cover.park"), value: name },
    ...(region ? [{ label: t("report.cover.parks"), value: f.parks.map((p) => pickName(locale, p.name, p.nameEn)).join(locale === "zh" ? "、" : ", ") }] : []),
    { label: t("report.cover.month"), value: monthLabel },
    { label: t("report.cover.asOf"), value: f.asOf },
    { label: t("report.cover.preparedBy"), value: f.preparedBy },
    { label: t("report.cover.date"), value: f.generatedOn },
  ];
  return {
    locale,
    title,
    cover,
    coverNote: f.isDemo ? t("report.cover.demo") : null,
    blocks,
    pageLabel: pageLabel(t),
    fileBaseName: `${title}`.replace(/[\\/:*?"<>|\u0000-\u001f]/g, " ").trim(),
  };
}

function clusterLabel(f: ReportFigures, cluster: string, locale: Locale): string {
  const en = f.projects.find((p) => p.cluster === cluster)?.clusterEn ?? null;
  return pickName(locale, cluster, en);
}

