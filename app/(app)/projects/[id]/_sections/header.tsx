import Link from "next/link";
import { Pencil, NotebookPen, Share2 } from "lucide-react";
import { DemoParkLabel } from "@/components/parks/demo-label";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { StageBadge } from "@/components/stage-badge";
import { HEALTH_TONE } from "@/components/health-badge";
import type { ProjectDetail } from "@/db/queries/project-detail";
import { computeHealth } from "@/lib/domain/health";
import { isoToday, SLIP_RULE } from "@/lib/domain/milestones";
import type { Locale } from "@/lib/i18n/locale";
import { pickName } from "@/lib/i18n/pick";
import type { Translate } from "@/lib/i18n/translate";

export { HEALTH_TONE };

export function ProjectHeader({ detail, canEdit, locale, t }: { detail: ProjectDetail; canEdit: boolean; locale: Locale; t: Translate }) {
  const p = detail.project;
  const computed = computeHealth({ ...p, milestones: detail.milestones }, detail.healthRule, isoToday()).health;
  const rule = t("milestone.rule", { onTrack: SLIP_RULE.onTrackMaxDays, atRisk: SLIP_RULE.atRiskMaxDays });
  const facts: [string, string][] = [
    [t("project.park"), pickName(locale, detail.park.name, detail.park.nameEn)],
    [t("project.cluster"), pickName(locale, p.cluster, p.clusterEn)],
    [t("project.responsibleUnit"), p.responsibleUnit ?? t("project.notSet")],
    [t("project.leaderInCharge"), p.leaderInCharge ?? t("project.notSet")],
  ];
  return (
    <header className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <p className="text-sm text-slate-600">
            <Link href="/projects" className="font-medium text-brand-700 hover:underline">
              {t("project.backToList")}
            </Link>{" "}
            · {p.code} <DemoParkLabel isDemo={detail.park.isDemo} t={t} />
          </p>
          <h1 className="mt-1 text-2xl font-semibold tracking-tight [overflow-wrap:anywhere]">{pickName(locale, p.name, p.nameEn)}</h1>
          <p className="mt-1 text-slate-700 [overflow-wrap:anywhere]">{pickName(locale, p.company, p.companyEn)}</p>
        </div>
        {canEdit ? (
          <div className="flex flex-wrap gap-2">
            <Button asChild variant="secondary">
              <Link href={`/parks/${detail.park.slug}/shares?project=${p.id}`}>
                <Share2 aria-hidden className="size-4" />
                {t("share.link")}
              </Link>
            </Button>
            <Button asChild variant="secondary">
              <Link href={`/projects/${p.id}/edit`}>
                <Pencil aria-hidden className="size-4" />
                {t("project.edit")}
              </Link>
            </Button>
            <Button asChild>
              <Link href={`/projects/${p.id}/log`}>
                <NotebookPen aria-hidden className="size-4" />
                {t("project.logProgress")}
              </Link>
            </Button>
          </div>
        ) : null}
      </div>
      <div className="flex flex-wrap items-center gap-x-6 gap-y-2 text-sm">
        <span className="flex items-center gap-2" data-testid="project-stage">
          {t("project.stage")}: <StageBadge stage={p.stage} t={t} />
        </span>
        <span className="flex items-center gap-2">
          {t("project.reportedHealth")}: <Badge tone={HEALTH_TONE[p.health]}>{t(`health.${p.health}`)}</Badge>
        </span>
        <span className="flex items-center gap-2" title={rule}>
          {t("project.computedHealth")}: <Badge tone={HEALTH_TONE[computed]}>{t(`health.${computed}`)}</Badge>
        </span>
      </div>
      <p className="text-xs text-slate-600">{t("project.computedHealthHint", { rule })}</p>
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2 lg:grid-cols-4">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt className="text-slate-600">{label}</dt>
            <dd className="font-medium text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
      {!canEdit ? <p className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700">{t("project.viewOnly")}</p> : null}
    </header>
  );
}
