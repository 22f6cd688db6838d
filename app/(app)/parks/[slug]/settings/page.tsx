import type { Metadata } from "next";
import { ParkPageHeader } from "@/components/parks/park-page-header";
import { notFound } from "next/navigation";
import { HealthRuleForm } from "@/app/(app)/parks/[slug]/settings/health-rule-form";
import { DeleteTargetForm, TargetForm } from "@/app/(app)/parks/[slug]/settings/target-form";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { getHealthRule, listTargets } from "@/db/queries/rollups";
import { DEFAULT_HEALTH_RULE } from "@/lib/domain/pace-health";
import { formatMoney } from "@/lib/format/numbers";
import { getTranslator } from "@/app/_lib/request-locale";
import { loadPark } from "../load";
import { listRobotSettings } from "@/db/queries/outbox";
import { getReportingSettings } from "@/db/queries/reporting";
import { ROBOT_KINDS } from "@/lib/domain/values";
import { ReportingSettingsForm, RobotForm } from "./reporting-forms";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("settings.title") };
}

/** Park admins set the park's targets and its three-colour health rule here; others get a 404. */
export default async function ParkSettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { park, isAdmin } = await loadPark((await params).slug);
  if (!isAdmin) notFound();
  const { locale, t } = await getTranslator();
  const db = await getDb();
  const [rule, targets, reporting, robots] = await Promise.all([
    getHealthRule(db, { parkId: park.parkId }),
    listTargets(db, { parkIds: [park.parkId] }),
    getReportingSettings(db, { parkId: park.parkId }),
    listRobotSettings(db, { parkId: park.parkId }),
  ]);
  const ruleValues = rule
    ? { yellowBehindPp: rule.yellowBehindPp, redBehindPp: rule.redBehindPp, redMonthsNotStarted: rule.redMonthsNotStarted, slipBaseline: rule.slipBaseline, version: rule.version }
    : {
        yellowBehindPp: String(DEFAULT_HEALTH_RULE.yellowBehindPp), redBehindPp: String(DEFAULT_HEALTH_RULE.redBehindPp),
        redMonthsNotStarted: DEFAULT_HEALTH_RULE.redMonthsNotStarted, slipBaseline: DEFAULT_HEALTH_RULE.slipBaseline,
      };
  return (
    <div className="space-y-6">
      <ParkPageHeader park={park} locale={locale} t={t} title={t("settings.title")} />

      <Card aria-labelledby="reporting-title" className="space-y-3 p-5">
        <div>
          <h2 id="reporting-title" className="text-lg font-semibold">
            {t("reporting.settingsTitle")}
          </h2>
          <p className="text-sm text-slate-600">{t("reporting.settingsExplain")}</p>
        </div>
        <ReportingSettingsForm parkId={park.parkId} settings={reporting} />
      </Card>

      <Card aria-labelledby="robots-title" className="space-y-4 p-5">
        <div>
          <h2 id="robots-title" className="text-lg font-semibold">
            {t("robot.title")}
          </h2>
          <p className="text-sm text-slate-600">{t("robot.explain")}</p>
        </div>
        {ROBOT_KINDS.map((kind) => (
          <div key={kind} className="rounded-md border border-slate-200 p-4">
            <h3 className="mb-3 font-medium">{t(`robot.kind.${kind}`)}</h3>
            <RobotForm parkId={park.parkId} kind={kind} robot={robots.find((r) => r.kind === kind) ?? null} />
          </div>
        ))}
      </Card>

      <Card aria-labelledby="rule-title" className="space-y-3 p-5">
        <div>
          <h2 id="rule-title" className="text-lg font-semibold">
            {t("healthRule.title")}
          </h2>
          <p className="text-sm text-slate-600">{t("healthRule.explain")}</p>
          {rule ? null : <p className="mt-1 text-sm text-slate-600">{t("healthRule.usingDefault")}</p>}
        </div>
        <HealthRuleForm parkId={park.parkId} rule={ruleValues} />
      </Card>

      <Card aria-labelledby="targets-title" className="space-y-4 p-5">
        <h2 id="targets-title" className="text-lg font-semibold">
          {t("dashboard.targetsTitle")}
        </h2>
        {targets.length === 0 ? <p className="text-sm text-slate-600">{t("dashboard.targetsNone")}</p> : null}
        <ul className="space-y-4">
          {targets.map(({ id, version, metric, value, year, baseYear, baseValue, statedGrowthPct }) => ({ id, version, metric, value, year, baseYear, baseValue, statedGrowthPct })).map((target) => (
            <li key={target.id} className="rounded-md border border-slate-200 p-4">
              <h3 className="mb-3 font-medium">
                {t(`target.metric.${target.metric}`)} · {t("dashboard.target.goal", { value: formatMoney(target.value, locale), year: target.year })}
              </h3>
              <TargetForm parkId={park.parkId} target={target} />
              <details className="mt-3">
                <summary className="cursor-pointer text-sm font-medium text-rose-700">{t("settings.deleteTarget")}</summary>
                <div className="mt-2 rounded-md border border-rose-200 p-3">
                  <DeleteTargetForm parkId={park.parkId} target={target} />
                </div>
              </details>
            </li>
          ))}
        </ul>
        <details className="rounded-md border border-dashed border-slate-300 p-3" open={targets.length === 0}>
          <summary className="cursor-pointer text-sm font-medium text-brand-700">{t("settings.addTarget")}</summary>
          <div className="mt-3">
            <TargetForm parkId={park.parkId} />
          </div>
        </details>
      </Card>
    </div>
  );
}
