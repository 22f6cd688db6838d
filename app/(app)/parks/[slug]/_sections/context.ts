import type { ChartLabels } from "@/components/charts/chart-frame";
import type { ExportTable } from "@/app/_lib/dashboard/export-tables";
import type { Locale } from "@/app/_lib/i18n/locale";
import type { Translate } from "@/app/_lib/i18n/translate";

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

export function monthName(locale: Locale, year: number, month: number): string {
  return new Intl.DateTimeFormat(locale === "zh" ? "zh-CN" : "en-GB", { month: "short", timeZone: "UTC" }).format(Date.UTC(year, month - 1, 1));
}
