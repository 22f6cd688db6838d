import { FileText } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { Locale } from "@/lib/i18n/locale";
import type { Translate } from "@/lib/i18n/translate";
import { KEY_PROJECTS, lastClosedMonth } from "@/lib/report/figures";

const control = "min-h-10 rounded-md border border-slate-300 bg-white px-3 text-sm text-slate-900 shadow-sm";

/**
 * The monthly report's download: a plain GET form (it works without JavaScript) to the report route —
 * the month, the language, which projects the table lists — with one button per format. A wrong
 * value comes back from the route as a problem naming the field.
 */
export function ReportDownload({
  action,
  today,
  locale,
  clusters,
  hidden = {},
  t,
}: {
  action: string;
  today: string;
  locale: Locale;
  /** Suggestions for the cluster field (the names the projects carry). */
  clusters: { value: string; label: string }[];
  hidden?: Record<string, string>;
  t: Translate;
}) {
  return (
    <Card aria-labelledby="report-title" className="space-y-3 p-5">
      <h2 id="report-title" className="flex items-center gap-2 text-lg font-semibold">
        <FileText aria-hidden className="size-5" />
        {t("report.download.title")}
      </h2>
      <p className="text-sm text-slate-600">{t("report.download.hint")}</p>
      <form method="get" action={action} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" data-testid="report-form">
        {Object.entries(hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
          {t("report.download.month")}
          <input type="month" name="month" required min="2000-01" max={today.slice(0, 7)} defaultValue={lastClosedMonth(today)} pattern="\d{4}-\d{2}" placeholder="YYYY-MM" className={control} />
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
          {t("report.download.language")}
          <select name="lang" defaultValue={locale} className={control}>
            <option value="zh">{t("lang.zh")}</option>
            <option value="en">{t("lang.en")}</option>
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
          {t("report.download.scope")}
          <select name="scope" defaultValue="key" className={control}>
            <option value="key">{t("report.download.scopeKey", { count: KEY_PROJECTS })}</option>
            <option value="all">{t("report.download.scopeAll")}</option>
            <option value="cluster">{t("report.download.scopeCluster")}</option>
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
          {t("report.download.cluster")}
          <input type="text" name="cluster" maxLength={200} list="report-clusters" className={control} />
          <datalist id="report-clusters">
            {clusters.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </datalist>
        </label>
        <div className="flex flex-wrap gap-2 sm:col-span-2 lg:col-span-4">
          <Button type="submit" name="format" value="docx" variant="secondary">
            {t("report.download.word")}
          </Button>
          <Button type="submit" name="format" value="pdf" variant="secondary">
            {t("report.download.pdf")}
          </Button>
        </div>
      </form>
    </Card>
  );
}
