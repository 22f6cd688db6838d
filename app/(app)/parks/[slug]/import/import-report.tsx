"use client";

import { LEDGER_SPECS, fieldLabelKey, type LedgerKind, type LedgerMapping } from "@/app/_lib/ledger/columns";
import type { ChangeView, ImportBody, RowProblemView } from "@/app/_lib/ledger/import-types";
import { useI18n } from "@/components/i18n-provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";

const control = "min-h-10 w-full min-w-0 rounded-md border border-slate-300 bg-white px-3 text-sm text-slate-900 shadow-sm";

/** Which column of the file holds each field; the user may change it and check again. */
export function MappingEditor({ kind, report, mapping, onChange, onRecheck, busy }: {
  kind: LedgerKind; report: ImportBody; mapping: LedgerMapping; onChange: (m: LedgerMapping) => void; onRecheck: () => void; busy: boolean;
}) {
  const { t } = useI18n();
  const headers = report.headers ?? [];
  const source = report.mappingSource === "remembered" ? t("ledger.mappingRemembered") : report.mappingSource === "detected" ? t("ledger.mappingDetected") : null;
  return (
    <fieldset className="space-y-3">
      <legend className="text-lg font-semibold">{t("ledger.mappingTitle")}</legend>
      <p className="text-sm text-slate-600">
        {source ? `${source} ` : null}
        {t("ledger.mappingHint")}
      </p>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {LEDGER_SPECS[kind].fields.map((field) => {
          const id = `map-${field}`;
          const required = LEDGER_SPECS[kind].required.includes(field);
          const missing = report.missing?.includes(field) && !mapping[field];
          return (
            <div key={field} className="flex min-w-0 flex-col gap-1">
              <label htmlFor={id} className="text-sm font-medium text-slate-800">
                {t(fieldLabelKey(field))}
                {required ? <span className="font-normal text-slate-600"> · {t("ledger.required")}</span> : null}
              </label>
              <select
                id={id}
                value={mapping[field] ?? ""}
                aria-invalid={missing ? true : undefined}
                onChange={(e) => onChange({ ...mapping, [field]: e.target.value || undefined })}
                className={control}
              >
                <option value="">{t("ledger.notMapped")}</option>
                {headers.map((h) => (
                  <option key={h} value={h}>
                    {h}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
      </div>
      <Button type="button" variant="secondary" onClick={onRecheck} disabled={busy}>
        {t("ledger.recheck")}
      </Button>
    </fieldset>
  );
}

/** A table that scrolls in its own box (keyboard-reachable) when it is long or wide. */
function ScrollTable({ label, minWidth, children }: { label: string; minWidth: string; children: React.ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className="max-h-96 overflow-auto rounded-md border border-slate-200">
      <table className={`w-full text-left text-sm ${minWidth}`}>{children}</table>
    </div>
  );
}

export function ProblemTable({ title, problems, messageHeader }: { title: string; problems: RowProblemView[]; messageHeader: string }) {
  const { t } = useI18n();
  return (
    <div className="space-y-2">
      <h3 className="font-semibold">
        {title} ({problems.length})
      </h3>
      <ScrollTable label={title} minWidth="min-w-[32rem]">
        <thead className="sticky top-0 bg-slate-50 text-xs text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">{t("ledger.col.row")}</th>
            <th scope="col" className="px-3 py-2 font-medium">{t("ledger.col.column")}</th>
            <th scope="col" className="px-3 py-2 font-medium">{messageHeader}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {problems.map((p, i) => (
            <tr key={i} data-testid="ledger-problem">
              <td className="px-3 py-1.5 tabular-nums">{p.row || "—"}</td>
              <td className="px-3 py-1.5 whitespace-nowrap">{p.column || "—"}</td>
              <td className="px-3 py-1.5">{p.message}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </div>
  );
}

export function ChangeTable({ changes, more }: { changes: ChangeView[]; more: number }) {
  const { t } = useI18n();
  const title = t("ledger.changesTitle");
  return (
    <div className="space-y-2">
      <h3 className="font-semibold">{title}</h3>
      <ScrollTable label={title} minWidth="min-w-[40rem]">
        <thead className="sticky top-0 bg-slate-50 text-xs text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">{t("ledger.col.row")}</th>
            <th scope="col" className="px-3 py-2 font-medium">{t("ledger.col.code")}</th>
            <th scope="col" className="px-3 py-2 font-medium">{t("ledger.col.name")}</th>
            <th scope="col" className="px-3 py-2 font-medium">{title}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {changes.map((c) => (
            <tr key={c.row} className="align-top">
              <td className="px-3 py-1.5 tabular-nums">{c.row}</td>
              <td className="px-3 py-1.5 whitespace-nowrap">{c.code}</td>
              <td className="px-3 py-1.5">{c.name}</td>
              <td className="px-3 py-1.5">
                {c.isNew ? <Badge tone="good">{t("ledger.change.new")}</Badge> : null}
                <ul className="space-y-0.5">
                  {c.fields.map(([label, old, next]) => (
                    <li key={label}>
                      <span className="font-medium">{label}</span>:{" "}
                      {c.isNew ? null : (
                        <>
                          <span className="break-all text-slate-600">{old || "—"}</span> →{" "}
                        </>
                      )}
                      <span className="break-all">{next || "—"}</span>
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      {more > 0 ? <p className="text-sm text-slate-600">{t("ledger.changesMore", { count: more })}</p> : null}
    </div>
  );
}

/** Every column of the file and what it is read as: an ignored column is said so, never dropped silently. */
export function ColumnReport({ columns }: { columns: NonNullable<ImportBody["columns"]> }) {
  const { t } = useI18n();
  const title = t("ledger.columnsTitle");
  return (
    <div className="space-y-2">
      <h3 className="font-semibold">{title}</h3>
      <p className="text-sm text-slate-600">{t("ledger.columnsHint")}</p>
      <ScrollTable label={title} minWidth="min-w-[24rem]">
        <thead className="sticky top-0 bg-slate-50 text-xs text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">{t("ledger.column.header")}</th>
            <th scope="col" className="px-3 py-2 font-medium">{t("ledger.column.readAs")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {columns.map((c) => (
            <tr key={c.header}>
              <td className="px-3 py-1.5 break-all">{c.header}</td>
              <td className="px-3 py-1.5">{c.ignored ? <Badge tone="neutral">{c.readAs}</Badge> : c.readAs}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </div>
  );
}
