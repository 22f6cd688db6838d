import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { ProjectDetail } from "@/db/queries/project-detail";
import { formatMoney } from "@/app/_lib/format/numbers";
import type { Locale } from "@/app/_lib/i18n/locale";
import { pickName } from "@/app/_lib/i18n/pick";
import type { Translate } from "@/app/_lib/i18n/translate";

/** The append-only log: corrections and the entries they supersede both stay visible. */
export function ProgressLogSection({ detail, canEdit, locale, t }: { detail: ProjectDetail; canEdit: boolean; locale: Locale; t: Translate }) {
  return (
    <Card id="progress" aria-labelledby="progress-title" className="space-y-4 p-5">
      <h2 id="progress-title" className="text-lg font-semibold">
        {t("progress.title")}
      </h2>
      {detail.entries.length === 0 ? <p className="text-sm text-slate-600">{t("progress.none")}</p> : null}
      <ol className="space-y-3">
        {detail.entries.map((e) => (
          <li
            key={e.id}
            data-testid="progress-entry"
            className={cn("rounded-md border p-3", e.superseded ? "border-slate-200 bg-slate-50 text-slate-600" : "border-slate-200")}
          >
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <span className="font-semibold tabular-nums text-slate-900">{e.period.slice(0, 7)}</span>
              {e.supersedesId ? <Badge tone="info">{t("progress.correction")}</Badge> : null}
              {e.superseded ? <Badge>{t("progress.superseded")}</Badge> : null}
              {e.authorName ? <span className="text-slate-600">{t("progress.author", { name: e.authorName })}</span> : null}
            </div>
            <p className={cn("mt-1 whitespace-pre-line text-sm", e.superseded && "line-through decoration-slate-400")}>
              {pickName(locale, e.narrative, e.narrativeEn)}
            </p>
            <dl className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-sm">
              {e.investmentCompleted !== null ? (
                <div className="flex gap-1">
                  <dt className="text-slate-600">{t("progress.investmentCompleted")}:</dt>
                  <dd className="font-medium tabular-nums">{formatMoney(e.investmentCompleted, locale)}</dd>
                </div>
              ) : null}
              {e.outputValue !== null ? (
                <div className="flex gap-1">
                  <dt className="text-slate-600">{t("progress.outputValue")}:</dt>
                  <dd className="font-medium tabular-nums">{formatMoney(e.outputValue, locale)}</dd>
                </div>
              ) : null}
              {e.sourceUrl || e.sourceRef ? (
                <div className="flex gap-1">
                  <dt className="text-slate-600">{t("progress.source")}:</dt>
                  <dd>
                    {e.sourceUrl ? (
                      <a href={e.sourceUrl} rel="noopener noreferrer nofollow" target="_blank" className="text-brand-700 underline">
                        {e.sourceRef ?? e.sourceUrl}
                      </a>
                    ) : (
                      e.sourceRef
                    )}
                  </dd>
                </div>
              ) : null}
            </dl>
            {canEdit && !e.superseded ? (
              <Link href={`/projects/${detail.project.id}/log?supersedes=${e.id}`} className="mt-2 inline-block text-sm text-brand-700 hover:underline">
                {t("progress.correct")}
              </Link>
            ) : null}
          </li>
        ))}
      </ol>
    </Card>
  );
}
