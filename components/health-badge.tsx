import type { ProjectHealth } from "@/lib/domain/values";
import type { BadgeTone } from "./ui/badge";

/** One colour per health everywhere: green on track, amber at risk, red off track. */
export const HEALTH_TONE: Record<ProjectHealth, BadgeTone> = { on_track: "good", at_risk: "progress", off_track: "bad" };
