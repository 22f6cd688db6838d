"use client";

import Link from "next/link";
import { useState } from "react";
import { Download } from "lucide-react";
import { LEDGER_KINDS, type LedgerKind, type LedgerMapping } from "@/app/_lib/ledger/columns";
import type { ImportBody } from "@/app/_lib/ledger/import-types";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";
import { ChangeTable, ColumnReport, MappingEditor, ProblemTable } from "./import-report";
import { sendLedger, type SendProgress } from "./send-ledger";

interface Busy {
  label: string;
  /** 0…1, or null while the server reads the file (no measure of how far along it is). */
  value: number | null;
}

/**
 * Choose a file → check it (nothing is written) → fix the columns or the file → import. Each step
 * uploads the file again: the server keeps nothing between requests, so any app instance can answer.
 */
export function LedgerImport({ parkId, maxBytes, maxRows, projectsHref, scope = "park" }: {
  parkId: string; maxBytes: number; maxRows: number; projectsHref: string;
  /** A region's ledger (projects only): rows go to the parks of the city or province by their park column. */
  scope?: "park" | "city" | "province";
}) {
  const { t } = useI18n();
  const [kind, setKind] = useState<LedgerKind>("projects");
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportBody | null>(null);
  const [mapping, setMapping] = useState<LedgerMapping>({});
  const [busy, setBusy] = useState<Busy | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [imported, setImported] = useState<ImportBody["imported"] | null>(null);
  const mb = Math.round(maxBytes / 1024 / 1024);

  const progress = (p: SendProgress) => {
    if (p.phase === "upload") setBusy({ label: t("ledger.uploading", { percent: `${Math.round((p.loaded / Math.max(1, p.total)) * 100)}%` }), value: p.loaded / Math.max(1, p.total) });
    else if (p.phase === "read") setBusy({ label: t("ledger.reading"), value: null });
    else {
      const label = p.phase === "check" ? "ledger.checking" : "ledger.writing";
      setBusy({ label: t(label, { done: p.done ?? 0, total: p.total ?? 0 }), value: (p.done ?? 0) / Math.max(1, p.total ?? 1) });
    }
  };

  async function send(mode: "preview" | "commit", chosen: LedgerMapping | null, token?: string) {
    if (!file) return null;
    if (file.size > maxBytes) {
      setError(t("ledger.file.tooBig", { mb }));
      return null;
    }
    const query = new URLSearchParams({ parkId, kind, mode, name: file.name, stream: "1", ...(scope === "park" ? {} : { scope }) });
    if (chosen) query.set("mapping", JSON.stringify(chosen));
    if (token) query.set("token", token);
    setError(null);
    setBusy({ label: t("ledger.uploading", { percent: "0%" }), value: 0 });
    try {
      return await sendLedger(`/api/import?${query}`, file, progress);
    } catch {
      setError(t("error.unavailable"));
      return null;
    } finally {
      setBusy(null);
    }
  }

  async function check(chosen: LedgerMapping | null) {
    setImported(null);
    const answer = await send("preview", chosen);
    if (!answer) return;
    if (answer.body.headers) {
      setReport(answer.body);
      setMapping(answer.body.mapping ?? {});
    } else setReport(null);
    if (answer.status !== 200) setError(answer.body.error ?? t("error.generic"));
  }

  async function commit() {
    if (!report?.token) return;
    const answer = await send("commit", report.mapping ?? null, report.token);
    if (!answer) return;
    if (answer.status === 200 && answer.body.imported) {
      setImported(answer.body.imported);
      setReport(null);
    } else {
      setError(answer.body.error ?? t("error.generic"));
      if (answer.body.problems) setReport({ ...report, ok: false, problems: answer.body.problems });
    }
  }

  const counts = report?.counts;
  const changeCount = counts ? counts.new + counts.updated : 0;
  const reset = () => {
    setReport(null);
    setError(null);
    setImported(null);
  };
  return (
    <div className="space-y-5">
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">{t("ledger.kind")}</legend>
        <div className="flex flex-wrap gap-x-6 gap-y-2">
          {(scope === "park" ? LEDGER_KINDS : (["projects"] as const)).map((k) => (
            <label key={k} className="flex min-h-10 items-center gap-2 text-sm">
              <input
                type="radio"
                name="ledger-kind"
                value={k}
                checked={kind === k}
                onChange={() => {
                  setKind(k);
                  reset();
                }}
                className="size-4"
              />
              {t(`ledger.kind.${k}`)}
            </label>
          ))}
        </div>
        {kind === "progress" ? <p className="text-sm text-slate-600">{t("ledger.subtitleProgress")}</p> : null}
      </fieldset>

      <div className="space-y-1 text-sm">
        <p className="font-medium text-slate-800">{t("ledger.template")}</p>
        <p className="text-slate-600">{t("ledger.templateHint")}</p>
        <p className="flex flex-wrap gap-x-4 gap-y-1">
          {(["xlsx", "csv"] as const).map((format) => (
            <a key={format} href={`/api/import/template?kind=${kind}&format=${format}`} download className="inline-flex items-center gap-1 font-medium text-brand-700 hover:underline">
              <Download aria-hidden className="size-4" />
              {t(format === "xlsx" ? "ledger.templateXlsx" : "ledger.templateCsv")}
            </a>
          ))}
        </p>
      </div>

      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          void check(null);
        }}
      >
        <div className="flex flex-col gap-1">
          <label htmlFor="ledger-file" className="text-sm font-medium text-slate-800">
            {t("ledger.file", { mb, rows: maxRows.toLocaleString() })}
          </label>
          <input
            id="ledger-file"
            type="file"
            accept=".xlsx,.csv,.txt,.tsv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              reset();
            }}
            className="block w-full text-sm text-slate-700 file:mr-3 file:min-h-10 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-4 file:text-sm file:font-medium file:text-slate-800 hover:file:bg-slate-100"
          />
        </div>
        <Button type="submit" disabled={!file || busy !== null}>
          {t("ledger.preview")}
        </Button>
      </form>

      <div aria-live="polite" className="space-y-1">
        {busy ? (
          <>
            <p className="text-sm text-slate-700">{busy.label}</p>
            <progress aria-label={t("ledger.progress")} max={1} value={busy.value ?? undefined} className="h-2 w-full accent-brand-700" />
          </>
        ) : null}
      </div>

      {error ? (
        <p role="alert" className="rounded-md border border-rose-300 bg-rose-50 p-3 text-sm text-rose-900">
          {error}
        </p>
      ) : null}

      {imported ? (
        <div role="status" className="space-y-2 rounded-md border border-emerald-300 bg-emerald-50 p-4 text-sm text-emerald-950">
          <p className="font-medium">{t(kind === "projects" ? "ledger.done" : "ledger.doneProgress", { new: imported.created, updated: imported.updated })}</p>
          <Link href={projectsHref} className="font-medium text-brand-700 hover:underline">
            {t("ledger.seeProjects")}
          </Link>
        </div>
      ) : null}

      {report ? (
        <div className="space-y-5">
          {counts ? (
            <div className="space-y-1 text-sm" data-testid="ledger-summary">
              <p className="font-medium">{t("ledger.summary", { rows: counts.rows, new: counts.new, updated: counts.updated, unchanged: counts.unchanged })}</p>
              {counts.errorRows > 0 ? <p className="text-rose-800">{t("ledger.summaryErrors", { count: counts.errorRows })}</p> : null}
            </div>
          ) : null}
          {report.columns?.length ? <ColumnReport columns={report.columns} /> : null}
          {report.problems?.length ? <ProblemTable title={t("ledger.problemsTitle")} problems={report.problems} messageHeader={t("ledger.col.message")} /> : null}
          {report.notes?.length ? <ProblemTable title={t("ledger.warningsTitle")} problems={report.notes} messageHeader={t("ledger.col.note")} /> : null}
          {report.changes?.length ? <ChangeTable changes={report.changes} more={report.moreChanges ?? 0} /> : null}
          {report.ok && counts ? (
            changeCount > 0 ? (
              <Button type="button" onClick={() => void commit()} disabled={busy !== null}>
                {t("ledger.commit", { count: changeCount })}
              </Button>
            ) : (
              <p className="text-sm text-slate-700">{t("ledger.nothingToImport")}</p>
            )
          ) : null}
          <MappingEditor kind={kind} report={report} mapping={mapping} onChange={setMapping} onRecheck={() => void check(mapping)} busy={busy !== null} />
        </div>
      ) : null}
    </div>
  );
}
