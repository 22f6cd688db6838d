import { Card } from "@/components/ui/card";
import { ProgressEntries, type ProgressEntryView } from "@/components/projects/progress-entries";
import type { ProjectDetail } from "@/db/queries/project-detail";
import { formatMoney } from "@/lib/format/numbers";
import type { Locale } from "@/lib/i18n/locale";
import { pickName } from "@/lib/i18n/pick";
import type { Translate } from "@/lib/i18n/translate";

type Entry = ProjectDetail["entries"][number];

function entryView(e: Entry, projectId: string, canEdit: boolean, locale: Locale, t: Translate): ProgressEntryView {
  const figures: [string, string][] = [];
  if (e.investmentCompleted !== null) figures.push([t("progress.investmentCompleted"), formatMoney(e.investmentCompleted, locale)]);
  if (e.outputValue !== null) figures.push([t("progress.outputValue"), formatMoney(e.outputValue, locale)]);
  return {
    id: e.id,
    month: e.period.slice(0, 7),
    isCorrection: e.supersedesId !== null,
    superseded: e.superseded,
    author: e.authorName ? t("progress.author", { name: e.authorName }) : null,
    narrative: pickName(locale, e.narrative, e.narrativeEn),
    figures,
    source: e.sourceUrl || e.sourceRef ? { label: t("progress.source"), text: e.sourceRef ?? e.sourceUrl!, url: e.sourceUrl } : null,
    correctHref: canEdit && !e.superseded ? `/projects/${projectId}/log?supersedes=${e.id}` : null,
  };
}

/** The append-only log: corrections and the entries they supersede both stay visible. */
export function ProgressLogSection({ detail, canEdit, locale, t }: { detail: ProjectDetail; canEdit: boolean; locale: Locale; t: Translate }) {
  return (
    <Card id="progress" aria-labelledby="progress-title" className="space-y-4 p-5">
      <h2 id="progress-title" className="text-lg font-semibold">
        {t("progress.title")}
      </h2>
      {detail.entries.length === 0 ? <p className="text-sm text-slate-600">{t("progress.none")}</p> : null}
      <ProgressEntries
        entries={detail.entries.map((e) => entryView(e, detail.project.id, canEdit, locale, t))}
        labels={{ correction: t("progress.correction"), superseded: t("progress.superseded"), correct: t("progress.correct") }}
      />
    </Card>
  );
}
