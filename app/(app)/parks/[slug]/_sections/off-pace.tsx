import Link from "next/link";
import { HEALTH_TONE } from "@/components/health-badge";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { ParkDashboard } from "@/app/_lib/dashboard/data";
import type { ProjectComputedHealth } from "@/lib/domain/health";
import { SLIP_RULE } from "@/lib/domain/milestones";
import { pickName } from "@/lib/i18n/pick";
import type { SectionContext } from "./context";

type OffPace = ParkDashboard["offPace"];
type Flagged = OffPace["items"][number]["project"];

/** Whole months from `from` to `to` (both ISO dates). */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = to.split("-").map(Number) as [number, number, number];
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

/**
 * Projects the park's three-colour rule puts at risk or off track, each with the reason and the
 * clause that fired, beside the health the officer reported: the two can disagree, and that is news.
 */
export function OffPaceSection({ parkId, data, ctx }: { parkId: string; data: OffPace; ctx: SectionContext }) {
  const { t, locale, today } = ctx;
  const { rule, ruleIsDefault } = data;
  const ruleText = t("dashboard.ruleText", { yellow: rule.yellowBehindPp, red: rule.redBehindPp, months: rule.redMonthsNotStarted });
  // Computed health is the worse of milestone slip and pace (lib/domain/health.ts): show what set it.
  const byPace = (h: ProjectComputedHealth) => h.pace.health === h.health;
  const reason = (p: Flagged, h: ProjectComputedHealth) =>
    !byPace(h)
      ? t("dashboard.reasonSlip", { health: t(`health.${h.slip}`) })
      : h.pace.reason === "not_started"
        ? t("dashboard.reasonNotStarted", { months: monthsBetween(p.startPlanned!, today) })
        : t("dashboard.reasonBehind", { pp: (h.pace.behindPp ?? 0).toFixed(1) });
  const fired = (h: ProjectComputedHealth) =>
    !byPace(h)
      ? t("milestone.rule", { onTrack: SLIP_RULE.onTrackMaxDays, atRisk: SLIP_RULE.atRiskMaxDays })
      : h.pace.reason === "not_started"
        ? t("dashboard.firedNotStarted", { months: rule.redMonthsNotStarted })
        : h.pace.reason === "behind_red"
          ? t("dashboard.firedRed", { red: rule.redBehindPp })
          : t("dashboard.firedYellow", { yellow: rule.yellowBehindPp, red: rule.redBehindPp });
  return (
    <Card aria-labelledby="offpace-title" className="p-5">
      <h2 id="offpace-title" className="text-lg font-semibold">
        {t("dashboard.offPaceTitle")} <span className="text-slate-500">({data.total})</span>
      </h2>
      <p className="text-xs text-slate-600">
        {ruleText} {ruleIsDefault ? t("dashboard.ruleDefault") : t("dashboard.ruleOfPark")}
      </p>
      {data.total === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{t("dashboard.offPaceNone")}</p>
      ) : (
        <ul className="mt-3 divide-y divide-slate-100 *:space-y-1 *:py-2.5" data-testid="off-pace">
          {data.items.map(({ project: p, computed: h }) => (
            <li key={p.id}>
              <div className="flex flex-wrap items-center justify-between gap-2">
                <a href={`/projects/${p.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                  {pickName(locale, p.name, p.nameEn)}
                </a>
                <span className="flex flex-wrap gap-1.5">
                  <Badge tone={HEALTH_TONE[h.health]}>{t("dashboard.computed", { health: t(`health.${h.health}`) })}</Badge>
                  <Badge tone={HEALTH_TONE[p.health]}>{t("dashboard.reported", { health: t(`health.${p.health}`) })}</Badge>
                </span>
              </div>
              <p className="text-sm text-slate-700">
                {reason(p, h)}
                <span className="block text-xs text-slate-600">{fired(h)}</span>
              </p>
            </li>
          ))}
        </ul>
      )}
      {data.total > data.items.length ? (
        <p className="mt-2 text-sm">
          <Link prefetch={false} href={`/projects?park=${parkId}`} className="font-medium text-brand-700 hover:underline">
            {t("dashboard.offPaceMore", { count: data.total - data.items.length })}
          </Link>
        </p>
      ) : null}
    </Card>
  );
}
