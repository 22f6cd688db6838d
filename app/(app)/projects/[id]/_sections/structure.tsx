import { Card } from "@/components/ui/card";
import { CapacityForm, LineForm, PhaseForm } from "@/app/(app)/projects/[id]/_sections/structure-forms";
import type { ProjectDetail } from "@/db/queries/project-detail";
import { formatPercent, formatQuantity } from "@/lib/format/numbers";
import { sumLikeUnits } from "@/lib/format/units";
import type { Locale } from "@/lib/i18n/locale";
import { pickName } from "@/lib/i18n/pick";
import type { Translate } from "@/lib/i18n/translate";

type Capacity = ProjectDetail["capacities"][number];

function CapacityRow({ c, locale, t, canEdit, scope, targets }: { c: Capacity; locale: Locale; t: Translate; canEdit: boolean; scope: { parkId: string; projectId: string }; targets: Parameters<typeof CapacityForm>[0]["targets"] }) {
  const share = Number(c.designed) > 0 ? Number(c.online) / Number(c.designed) : null;
  return (
    <li className="py-2">
      <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
        <span className="font-medium">{pickName(locale, c.product, c.productEn)}</span>
        <span className="tabular-nums text-slate-700">
          {formatQuantity(c.online, c.unit, c.period, locale)} / {formatQuantity(c.designed, c.unit, c.period, locale)}
          {share !== null ? <span className="ml-2 text-slate-600">({t("capacity.onlineShare", { percent: formatPercent(share, locale, 0) })})</span> : null}
        </span>
      </div>
      {canEdit ? (
        <details className="mt-1">
          <summary className="cursor-pointer text-sm text-brand-700">{t("capacity.edit")}</summary>
          <div className="mt-2 rounded-md border border-slate-200 p-3">
            <CapacityForm scope={scope} targets={targets} capacity={c} />
          </div>
        </details>
      ) : null}
    </li>
  );
}

/** Totals of a set of capacities, one per (unit, period): never across units. */
function Totals({ items, locale, label }: { items: Capacity[]; locale: Locale; label: string }) {
  const designed = sumLikeUnits(items.map((c) => ({ value: c.designed, unit: c.unit, period: c.period })));
  if (designed.length === 0) return null;
  return (
    <p className="text-sm text-slate-700">
      <span className="font-medium">{label}: </span>
      {designed.map((d) => formatQuantity(d.total, d.unit, d.period, locale)).join(" · ")}
    </p>
  );
}

export function StructureSection({ detail, canEdit, locale, t }: { detail: ProjectDetail; canEdit: boolean; locale: Locale; t: Translate }) {
  const scope = { parkId: detail.park.id, projectId: detail.project.id };
  const projectLevel = detail.capacities.filter((c) => !c.phaseId);
  const targets = [
    { phaseId: null, lineId: null, label: t("structure.projectLevel") },
    ...detail.phases.flatMap((ph) => [
      { phaseId: ph.id, lineId: null, label: pickName(locale, ph.name, ph.nameEn) },
      ...detail.lines.filter((l) => l.phaseId === ph.id).map((l) => ({ phaseId: ph.id, lineId: l.id, label: `${pickName(locale, ph.name, ph.nameEn)} › ${pickName(locale, l.name, l.nameEn)}` })),
    ]),
  ];
  const rowProps = { locale, t, canEdit, scope, targets };
  return (
    <Card aria-labelledby="structure-title" className="space-y-4 p-5">
      <div>
        <h2 id="structure-title" className="text-lg font-semibold">
          {t("structure.title")}
        </h2>
        <p className="text-xs text-slate-600">{t("structure.totalsHint")}</p>
      </div>
      <Totals items={detail.capacities} locale={locale} label={t("structure.totals")} />
      {detail.phases.length === 0 && detail.capacities.length === 0 ? <p className="text-sm text-slate-600">{t("structure.none")}</p> : null}
      {projectLevel.length ? (
        <ul className="divide-y divide-slate-100">
          {projectLevel.map((c) => (
            <CapacityRow key={c.id} c={c} {...rowProps} />
          ))}
        </ul>
      ) : null}
      {detail.phases.map((ph) => {
        const phaseCaps = detail.capacities.filter((c) => c.phaseId === ph.id);
        const lines = detail.lines.filter((l) => l.phaseId === ph.id);
        return (
          <section key={ph.id} aria-labelledby={`phase-${ph.id}`} className="rounded-md border border-slate-200 p-4" data-testid="phase">
            <h3 id={`phase-${ph.id}`} className="font-semibold">
              {pickName(locale, ph.name, ph.nameEn)}
            </h3>
            <Totals items={phaseCaps} locale={locale} label={t("structure.phaseTotals", { phase: pickName(locale, ph.name, ph.nameEn) })} />
            <ul className="divide-y divide-slate-100">
              {phaseCaps.filter((c) => !c.lineId).map((c) => (
                <CapacityRow key={c.id} c={c} {...rowProps} />
              ))}
            </ul>
            {lines.map((l) => (
              <div key={l.id} className="mt-2 border-l-2 border-brand-100 pl-3" data-testid="line">
                <h4 className="text-sm font-medium text-slate-800">{pickName(locale, l.name, l.nameEn)}</h4>
                <ul className="divide-y divide-slate-100">
                  {phaseCaps.filter((c) => c.lineId === l.id).map((c) => (
                    <CapacityRow key={c.id} c={c} {...rowProps} />
                  ))}
                </ul>
              </div>
            ))}
            {canEdit ? (
              <details className="mt-2">
                <summary className="cursor-pointer text-sm text-brand-700">{t("phase.rename")}</summary>
                <div className="mt-2">
                  <PhaseForm scope={scope} phase={ph} />
                </div>
              </details>
            ) : null}
          </section>
        );
      })}
      {canEdit ? (
        <div className="grid gap-3">
          <details className="rounded-md border border-dashed border-slate-300 p-3">
            <summary className="cursor-pointer text-sm font-medium text-brand-700">{t("phase.add")}</summary>
            <div className="mt-3">
              <PhaseForm scope={scope} />
            </div>
          </details>
          {detail.phases.length ? (
            <details className="rounded-md border border-dashed border-slate-300 p-3">
              <summary className="cursor-pointer text-sm font-medium text-brand-700">{t("line.add")}</summary>
              <div className="mt-3">
                <LineForm scope={scope} phases={detail.phases.map((p) => ({ id: p.id, label: pickName(locale, p.name, p.nameEn) }))} />
              </div>
            </details>
          ) : null}
          <details className="rounded-md border border-dashed border-slate-300 p-3">
            <summary className="cursor-pointer text-sm font-medium text-brand-700">{t("capacity.add")}</summary>
            <div className="mt-3">
              <CapacityForm scope={scope} targets={targets} />
            </div>
          </details>
        </div>
      ) : null}
    </Card>
  );
}
