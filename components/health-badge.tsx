import type { ProjectHealth } from "@/lib/domain/values";
import type { Translate } from "@/lib/i18n/translate";
import { Badge, type BadgeTone } from "./ui/badge";

/** One colour per health everywhere: green on track, amber at risk, red off track. */
export const HEALTH_TONE: Record<ProjectHealth, BadgeTone> = { on_track: "good", at_risk: "progress", off_track: "bad" };

export function HealthBadge({ health, t }: { health: ProjectHealth; t: Translate }) {
  return <Badge tone={HEALTH_TONE[health]}>{t(`health.${health}`)}</Badge>;
}
