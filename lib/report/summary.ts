import { formatGrowth, formatMoney, formatPercent } from "../format/numbers";
import type { Locale } from "../i18n/locale";
import { pickName } from "../i18n/pick";
import type { Translate } from "../i18n/translate";
import type { ReportFigures } from "./figures";

/** A month's name: "11月", "November". */
export function monthName(month: number, locale: Locale): string {
  return locale === "zh" ? `${month}月` : new Intl.DateTimeFormat("en", { month: "long", timeZone: "UTC" }).format(Date.UTC(2000, month - 1, 1));
}

/** "1–11月" / "January–November"; a single month when the span is January alone. */
function monthSpan(month: number, locale: Locale): string {
  if (month === 1) return monthName(1, locale);
  return locale === "zh" ? `1–${month}月` : `${monthName(1, locale)}–${monthName(month, locale)}`;
}

/**
 * The report's opening paragraph, written from the figures: "1–11月完成投资X亿元，同比增长Y%，完成年度
 * 计划Z%，序时进度W%，超前N个百分点" — and its English counterpart. A missing plan or a year-on-year
 * comparison without a base is said in words, never written as 0% or ∞.
 */
export function summaryParagraph(f: ReportFigures, { locale, t }: { locale: Locale; t: Translate }): string {
  const year = Number(f.month.slice(0, 4));
  const month = Number(f.month.slice(5, 7));
  const { growth, pace } = f.headline;
  const money = (v: string) => formatMoney(v, locale);
  const pct = (r: number) => formatPercent(r, locale);
  const span = t("report.summary.span", { months: monthSpan(month, locale), year });
  let text = t("report.summary.ytd", { span, name: pickName(locale, f.name, f.nameEn), ytd: money(growth.ytd) });
  if (growth.ytdGrowth === null) text += t("report.summary.ytdNoBase");
  else text += t(growth.ytdGrowth >= 0 ? "report.summary.ytdUp" : "report.summary.ytdDown", { percent: pct(Math.abs(growth.ytdGrowth)) });
  if (pace.completionRate === null || pace.aheadPp === null || !f.rollup.annualPlan) {
    text += t("report.summary.noPlan", { year, elapsed: pct(pace.timeElapsed) });
  } else {
    text += t("report.summary.plan", { rate: pct(pace.completionRate), plan: money(f.rollup.annualPlan), elapsed: pct(pace.timeElapsed) });
    text += t(pace.aheadPp >= 0 ? "report.summary.ahead" : "report.summary.behind", { pp: Math.abs(pace.aheadPp).toFixed(1) });
  }
  text += locale === "en" ? " " : "";
  text += t("report.summary.month", { monthName: monthName(month, locale), amount: money(growth.month), yoy: formatGrowth(growth.yoy, locale), mom: formatGrowth(growth.mom, locale) });
  text += locale === "en" ? " " : "";
  text += t("report.summary.counts", {
    projects: f.rollup.totals.projects,
    construction: f.rollup.stages.construction,
    production: f.rollup.stages.production,
    full: f.rollup.stages.full_capacity,
    problems: f.rollup.openProblemCount,
    late: f.late.total,
  });
  return text;
}
