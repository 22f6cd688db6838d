import type { ChartLabels } from "@/components/charts/chart-frame";
import type { ExportTable } from "@/app/_lib/dashboard/export-tables";
import type { Locale } from "@/lib/i18n/locale";
import type { Translate } from "@/lib/i18n/translate";

/** What every dashboard section needs besides its own data. */
export interface SectionContext {
  locale: Locale;
  t: Translate;
  today: string;
  chart: ChartLabels;
  /** The table's CSV download. */
  csv: (table: ExportTable) => string;
  /** The table's own page: the accessible equivalent of a chart, and the full list behind a short one. */
  table: (table: ExportTable) => string;
}

// Made once per language: an Intl formatter costs far more to build than to use.
const MONTH_FORMAT = {
  en: new Intl.DateTimeFormat("en-GB", { month: "short", timeZone: "UTC" }),
  zh: new Intl.DateTimeFormat("zh-CN", { month: "short", timeZone: "UTC" }),
};

export function monthName(locale: Locale, year: number, month: number): string {
  return MONTH_FORMAT[locale].format(Date.UTC(year, month - 1, 1));
}
