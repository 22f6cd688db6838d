import { Download } from "lucide-react";
import type { Translate } from "@/app/_lib/i18n/translate";

/** Download links for a park's ledgers: .xlsx, CSV in UTF-8 (with BOM) and CSV in GB18030. */
export function ExportLinks({ slug, t }: { slug: string; t: Translate }) {
  const tables = [
    ["projects", t("ledger.exportProjects")],
    ["progress", t("ledger.exportProgress")],
  ] as const;
  const formats = [
    ["?format=xlsx", t("ledger.exportXlsx")],
    ["", t("ledger.exportCsv")],
    ["?encoding=gb18030", t("ledger.exportCsvGb")],
  ] as const;
  return (
    <div className="space-y-2 text-sm">
      <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[auto_1fr]">
        {tables.map(([table, label]) => (
          <div key={table} className="contents">
            <dt className="font-medium text-slate-800">{label}</dt>
            <dd className="flex flex-wrap gap-x-4 gap-y-1">
              {formats.map(([query, format]) => (
                <a key={format} href={`/api/parks/${slug}/export/${table}${query}`} download className="inline-flex items-center gap-1 font-medium text-brand-700 hover:underline">
                  <Download aria-hidden className="size-4" />
                  <span>
                    {format}
                    <span className="sr-only"> · {label}</span>
                  </span>
                </a>
              ))}
            </dd>
          </div>
        ))}
      </dl>
      <p className="text-xs text-slate-600">{t("ledger.exportHint")}</p>
    </div>
  );
}
