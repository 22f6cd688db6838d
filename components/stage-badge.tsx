import type { ProjectStage } from "@/lib/domain/values";
import type { Translate } from "@/lib/i18n/translate";
import { Badge, type BadgeTone } from "./ui/badge";

export const STAGE_TONE: Record<ProjectStage, BadgeTone> = {
  signed: "info",
  construction: "progress",
  production: "good",
  full_capacity: "good",
};

export function StageBadge({ stage, t }: { stage: ProjectStage; t: Translate }) {
  return <Badge tone={STAGE_TONE[stage]}>{t(`stage.${stage}`)}</Badge>;
}
