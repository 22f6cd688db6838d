import { Card } from "@/components/ui/card";
import type { ProjectDetail } from "@/db/queries/project-detail";
import type { Locale } from "@/lib/i18n/locale";
import type { MessageKey, Translate } from "@/lib/i18n/translate";
import { isMessageKey } from "@/lib/domain/fields";
import { formatChinaDateTime } from "@/lib/format/dates";

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

function label(t: Translate, key: string, fallback: string) {
  return isMessageKey(key) ? t(key as MessageKey) : fallback;
}

/** Who changed what and when, old → new: the audit trail of this project. */
export function HistorySection({ detail, t }: { detail: ProjectDetail; locale: Locale; t: Translate }) {
  return (
    <Card aria-labelledby="history-title" className="space-y-3 p-5">
      <h2 id="history-title" className="text-lg font-semibold">
        {t("project.history")}
      </h2>
      {detail.audit.length === 0 ? <p className="text-sm text-slate-600">{t("project.historyNone")}</p> : null}
      {detail.audit.length ? (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="text-xs text-slate-600">
              <tr>
                <th scope="col" className="py-2 pr-3 font-medium">{t("audit.at")}</th>
                <th scope="col" className="py-2 pr-3 font-medium">{t("audit.who")}</th>
                <th scope="col" className="py-2 pr-3 font-medium">{t("audit.what")}</th>
                <th scope="col" className="py-2 font-medium">{t("audit.change")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 align-top">
              {detail.audit.map((a) => (
                <tr key={a.id} data-testid="audit-row">
                  <td className="py-2 pr-3 whitespace-nowrap tabular-nums text-slate-600">
                    {formatChinaDateTime(a.at)}
                  </td>
                  <td className="py-2 pr-3">{a.actorName ?? t("audit.system")}</td>
                  <td className="py-2 pr-3 whitespace-nowrap">
                    {label(t, `audit.entity.${a.entity}`, a.entity)} {label(t, `audit.action.${a.action}`, a.action)}
                  </td>
                  <td className="py-2">
                    <ul>
                      {Object.entries(a.changes as Record<string, [unknown, unknown]>).map(([field, [before, after]]) => (
                        <li key={field} className="break-words">
                          <code className="text-xs text-slate-600">{field}</code> {show(before)} → {show(after)}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Card>
  );
}
