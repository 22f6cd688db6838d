import { Card } from "@/components/ui/card";
import type { ProjectDetail } from "@/db/queries/project-detail";
import type { Locale } from "@/lib/i18n/locale";
import type { Translate } from "@/lib/i18n/translate";
import { formatChinaDateTime } from "@/lib/format/dates";
import { historySentences } from "@/lib/format/history";

/** Who changed what and when, old → new: the audit trail of this project. */
export function HistorySection({ detail, locale, t }: { detail: ProjectDetail; locale: Locale; t: Translate }) {
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
              {detail.audit.map((a) => ({ a, text: historySentences(a, locale, t) })).map(({ a, text }) => (
                <tr key={a.id} data-testid="audit-row">
                  <td className="py-2 pr-3 whitespace-nowrap tabular-nums text-slate-600">
                    {formatChinaDateTime(a.at)}
                  </td>
                  <td className="py-2 pr-3">{a.actorName ?? t("audit.system")}</td>
                  <td className="py-2 pr-3">{text.title}</td>
                  <td className="py-2">
                    <ul>
                      {text.sentences.map((sentence, i) => (
                        <li key={i} className="[overflow-wrap:anywhere]">
                          {sentence}
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
