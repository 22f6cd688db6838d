import Link from "next/link";
import { Download } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { listLateMilestones } from "@/db/queries/rollups";
import { pickName } from "@/app/_lib/i18n/pick";
import type { SectionContext } from "./context";

type LateMilestone = Awaited<ReturnType<typeof listLateMilestones>>[number];

export function CsvLink({ href, label }: { href: string; label: string }) {
  return (
    <a href={href} download className="inline-flex items-center gap-1 text-sm font-medium text-brand-700 hover:underline">
      <Download aria-hidden className="size-4" />
      {label}
    </a>
  );
}

/** Milestones whose planned date has passed without being reached, most overdue first. */
export function LateSection({ items, ctx }: { items: LateMilestone[]; ctx: SectionContext }) {
  const { t, locale } = ctx;
  return (
    <Card aria-labelledby="late-title" className="p-5">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="late-title" className="text-lg font-semibold">
          {t("dashboard.lateTitle")} <span className="text-slate-500">({items.length})</span>
        </h2>
        {items.length ? <CsvLink href={ctx.csv("late")} label={ctx.chart.downloadCsv} /> : null}
      </div>
      {items.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{t("dashboard.lateNone")}</p>
      ) : (
        <ul className="mt-3 divide-y divide-slate-100" data-testid="late-milestones">
          {items.map((m, i) => (
            <li key={`${m.projectId}-${m.type}-${i}`} className="flex flex-wrap items-start justify-between gap-x-3 gap-y-1 py-2.5">
              <div className="min-w-0">
                <Link href={`/projects/${m.projectId}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                  {pickName(locale, m.name, m.nameEn)}
                </Link>
                <p className="text-sm text-slate-600">
                  {m.type === "custom" ? m.customLabel : t(`milestone.type.${m.type}`)} · {t("dashboard.plannedOn", { date: m.plannedDate ?? "—" })}
                  {m.forecastDate ? ` · ${t("dashboard.forecastOn", { date: m.forecastDate })}` : ""}
                </p>
              </div>
              <Badge tone={m.daysLate > 30 ? "bad" : "progress"}>{t("dashboard.daysLate", { days: m.daysLate })}</Badge>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
