import { formatChinaDateTime } from "@/lib/format/dates";
import type { Translate } from "@/lib/i18n/translate";

export interface HistoryEvent {
  id: number;
  at: Date;
  actorName: string | null;
  entity: string;
  action: string;
  changes: unknown;
}

const show = (v: unknown) => (v === null || v === undefined ? "—" : typeof v === "string" ? v : JSON.stringify(v));

/** The audit history of a region or park: who, when, and each field old → new. */
export function History({ events, t }: { events: HistoryEvent[]; t: Translate }) {
  if (events.length === 0) return <p className="text-sm text-slate-600">{t("admin.historyNone")}</p>;
  return (
    <ol className="space-y-3 text-sm" data-testid="admin-history">
      {events.map((e) => (
        <li key={e.id} className="rounded-md border border-slate-200 p-3">
          <p className="text-slate-600">
            <span className="font-medium text-slate-900">
              {e.entity} · {e.action}
            </span>{" "}
            {t("admin.historyBy", { actor: e.actorName ?? t("admin.historySystem"), at: formatChinaDateTime(e.at) })}
          </p>
          <ul className="mt-1 space-y-0.5 break-words">
            {Object.entries((e.changes ?? {}) as Record<string, [unknown, unknown]>).map(([field, [from, to]]) => (
              <li key={field}>
                <span className="font-mono text-xs text-slate-600">{field}</span>: {show(from)} → {show(to)}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
