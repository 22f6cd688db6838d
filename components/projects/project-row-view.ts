import type { CapacityTotal } from "@/lib/domain/rollup-shapes";
import type { ProjectHealth, ProjectStage } from "@/lib/domain/values";
import { formatPlanningMoney, formatQuantity } from "@/lib/format/numbers";
import type { Locale } from "@/lib/i18n/locale";
import { pickName } from "@/lib/i18n/pick";
import type { Translate } from "@/lib/i18n/translate";
import type { BadgeTone } from "@/components/ui/badge";
import { HEALTH_TONE } from "@/components/health-badge";
import { STAGE_TONE } from "@/components/stage-badge";

/** One project as a list shows it (components/projects/project-list-rows.tsx), every text in the reader's language. */
export interface ProjectRowView {
  id: string;
  name: string;
  /** "BP-00003 · 新材料" */
  codeAndCluster: string;
  /** Null where the source has no park (a park's own card on the overview: the park is its heading). */
  park: string | null;
  company: string;
  stage: { label: string; tone: BadgeTone };
  /** Computed health (lib/domain/health.ts) where the source has it, else the reported one. */
  health: { label: string; tone: BadgeTone };
  /** The reported health beside the computed one: "Reported: On track"; null where only one is known. */
  reported: string | null;
  /** Designed capacity, one line per unit and period (never added across units); empty when none. */
  capacity: string[];
  planned: string;
}

/** What a list query returns of a project: the project list's rows and the overview's. */
export interface ProjectRowSource {
  id: string;
  name: string;
  nameEn: string | null;
  code: string;
  cluster: string;
  clusterEn: string | null;
  company: string;
  companyEn: string | null;
  stage: ProjectStage;
  health: ProjectHealth;
  computedHealth?: ProjectHealth;
  plannedInvestment: string;
  capacity: readonly CapacityTotal[];
  parkName?: string;
  parkNameEn?: string | null;
}

/** A row in the reader's language; it names the park only when the source carries one (the project list, not a park's card). */
export function projectRowView(p: ProjectRowSource, locale: Locale, t: Translate): ProjectRowView {
  return {
    id: p.id,
    name: pickName(locale, p.name, p.nameEn),
    codeAndCluster: `${p.code} · ${pickName(locale, p.cluster, p.clusterEn)}`,
    park: p.parkName !== undefined ? pickName(locale, p.parkName, p.parkNameEn ?? null) : null,
    company: pickName(locale, p.company, p.companyEn),
    stage: { label: t(`stage.${p.stage}`), tone: STAGE_TONE[p.stage] },
    health: { label: t(`health.${p.computedHealth ?? p.health}`), tone: HEALTH_TONE[p.computedHealth ?? p.health] },
    reported: p.computedHealth ? t("dashboard.reported", { health: t(`health.${p.health}`) }) : null,
    capacity: p.capacity.map((c) => formatQuantity(c.designed, c.unit, c.period, locale)),
    planned: formatPlanningMoney(p.plannedInvestment, locale, t("projects.none")),
  };
}
