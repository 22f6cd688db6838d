"use client";

import { saveHealthRuleAction } from "@/app/_lib/actions/park-settings";
import { healthRuleSchema } from "@/lib/domain/park-settings-schemas";
import { ActionForm } from "@/components/form/action-form";
import { SelectField, TextField } from "@/components/form/fields";
import { SLIP_BASELINES, type SlipBaseline } from "@/lib/domain/values";
import { useI18n } from "@/components/i18n-provider";

export interface HealthRuleValues {
  yellowBehindPp: string;
  redBehindPp: string;
  redMonthsNotStarted: number;
  slipBaseline: SlipBaseline;
  /** Absent while the park still uses the default rule (the first save creates its row). */
  version?: number;
}

export function HealthRuleForm({ parkId, rule }: { parkId: string; rule: HealthRuleValues }) {
  const { t } = useI18n();
  const trim = (pp: string) => pp.replace(/\.0$/, "");
  return (
    <ActionForm
      id="health-rule"
      action={saveHealthRuleAction}
      schema={healthRuleSchema}
      hidden={rule.version === undefined ? { parkId } : { parkId, version: rule.version }}
      submitLabel={t("settings.save")}
      className="grid gap-3 sm:grid-cols-3"
    >
      <TextField name="yellowBehindPp" label={t("healthRule.yellow")} hint={t("healthRule.ppHint")} defaultValue={trim(rule.yellowBehindPp)} inputMode="decimal" required />
      <TextField name="redBehindPp" label={t("healthRule.red")} hint={t("healthRule.ppHint")} defaultValue={trim(rule.redBehindPp)} inputMode="decimal" required />
      <TextField
        name="redMonthsNotStarted"
        label={t("healthRule.months")}
        hint={t("healthRule.monthsHint")}
        type="number"
        inputMode="numeric"
        min={1}
        max={36}
        defaultValue={rule.redMonthsNotStarted}
        required
      />
      <SelectField
        name="slipBaseline"
        label={t("healthRule.slipBaseline")}
        hint={t("healthRule.slipBaselineHint")}
        className="sm:col-span-3"
        options={SLIP_BASELINES.map((b) => ({ value: b, label: t(`healthRule.slipBaseline.${b}`) }))}
        defaultValue={rule.slipBaseline}
      />
    </ActionForm>
  );
}
