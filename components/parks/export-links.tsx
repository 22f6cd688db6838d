import type { MessageKey, Translate } from "@/lib/i18n/translate";

const LEDGERS: [string, MessageKey][] = [
  ["projects", "ledger.exportProjects"],
  ["progress", "ledger.exportProgress"],
];

const DASHBOARD_TABLES: [string, MessageKey][] = [
  ["stages", "dashboard.stagesTitle"], ["monthly", "dashboard.monthlyTitle"], ["capacity", "dashboard.capacityTitle"], ["late", "dashboard.lateTitle"],
  ["problems", "dashboard.problemsTitle"], ["timeline", "dashboard.timelineTitle"], ["ramp", "dashboard.rampTitle"],
];

function Formats({ slug, table, label, t }: { slug: string; table: string; label: string; t: Translate }) {
  const formats: [string, MessageKey][] = [
    ["?format=xlsx", "ledger.exportXlsx"],
    ["", "ledger.exportCsv"],
    ["?encoding=gb18030", "ledger.exportCsvGb"],
  ];
  return (
    <div className="contents">
      <dt className="font-medium text-slate-800">{label}</dt>
      <dd className="flex flex-wrap gap-x-4 gap-y-1">
        {formats.map(([query, format]) => (
          <a key={format} href={`/api/parks/${slug}/export/${table}${query}`} download>
            <span>
              {t(format)}
              <span className="sr-only"> · {label}</span>
            </span>
          </a>
        ))}
      </dd>
    </div>
  );
}

/**
 * Download links for a park's ledgers — .xlsx, CSV in UTF-8 (with BOM), CSV in GB18030 — and, on
 * the dashboard, for each of its tables. The links' look and their download icon come from
 * globals.css (.export-links): the dashboard has 27 of them, and an inline icon and class list on
 * each made this card a quarter of the page's HTML and payload.
 */
export function ExportLinks({ slug, t, dashboard = false }: { slug: string; t: Translate; dashboard?: boolean }) {
  const list = "grid gap-x-4 gap-y-2 sm:grid-cols-[auto_1fr]";
  return (
    <div className="export-links space-y-2 text-sm">
      <dl className={list}>
        {LEDGERS.map(([table, label]) => (
          <Formats key={table} slug={slug} table={table} label={t(label)} t={t} />
        ))}
      </dl>
      {dashboard ? (
        <details>
          <summary className="cursor-pointer font-medium text-brand-700 hover:underline">{t("ledger.exportDashboard")}</summary>
          <dl className={`${list} mt-2`}>
            {DASHBOARD_TABLES.map(([table, label]) => (
              <Formats key={table} slug={slug} table={table} label={t(label)} t={t} />
            ))}
          </dl>
        </details>
      ) : null}
      <p className="text-xs text-slate-600">{t("ledger.exportHint")}</p>
    </div>
  );
}
