import { Card } from "@/components/ui/card";
import type { ProjectDetail } from "@/db/queries/project-detail";
import type { Translate } from "@/lib/i18n/translate";

/** Where the figures came from (demo data and imports keep their source), estimates marked. */
export function SourcesSection({ detail, t }: { detail: ProjectDetail; t: Translate }) {
  // One figure often cites the same sentence as another (four lines, one article): list each once.
  const unique = [...new Map(detail.provenance.map((s) => [`${s.title}|${s.quote}`, s])).values()];
  if (unique.length === 0 && !detail.park.isDemo) return null;
  return (
    <Card aria-labelledby="sources-title" className="space-y-3 p-5">
      <h2 id="sources-title" className="text-lg font-semibold">
        {t("project.sources")}
      </h2>
      {detail.park.isDemo ? <p className="text-sm text-slate-700">{t("demo.explain")}</p> : null}
      <ul className="space-y-2 text-sm">
        {unique.map((s, i) => (
          <li key={i} className="border-l-2 border-slate-200 pl-3">
            <p className="text-slate-800">{s.quote}</p>
            <p className="text-xs text-slate-600">
              {s.publisher}, {s.title}, {s.publishedOn}
              {s.dateEstimated || s.estimated ? ` · ${t("project.sourceEstimated")}` : ""}
            </p>
          </li>
        ))}
      </ul>
    </Card>
  );
}
