"use client";

import { deleteTargetAction, saveTargetAction } from "@/app/_lib/actions/park-settings";
import { deleteTargetSchema, targetSchema } from "@/lib/domain/park-settings-schemas";
import { TARGET_METRICS } from "@/lib/domain/values";
import { ActionForm } from "@/components/form/action-form";
import { SelectField, TextField } from "@/components/form/fields";
import { useI18n } from "@/components/i18n-provider";

export interface TargetFormValues {
  id: string;
  version: number;
  metric: string;
  value: string;
  year: number;
  baseYear: number;
  baseValue: string | null;
  statedGrowthPct: string | null;
}

/** Adds a target, or edits one at the version the admin opened (a newer one is shown as a conflict). */
export function TargetForm({ parkId, target }: { parkId: string; target?: TargetFormValues }) {
  const { t } = useI18n();
  const nextYear = new Date().getUTCFullYear() + 1;
  return (
    <ActionForm
      id={target ? `target-${target.id}` : "target-new"}
      action={saveTargetAction}
      schema={targetSchema}
      hidden={target ? { parkId, targetId: target.id, version: target.version } : { parkId }}
      submitLabel={target ? t("settings.save") : t("settings.addTarget")}
      className="grid gap-3 sm:grid-cols-2"
    >
      <SelectField
        name="metric"
        label={t("target.metric")}
        defaultValue={target?.metric ?? "output_value"}
        options={TARGET_METRICS.map((m) => ({ value: m, label: t(`target.metric.${m}`) }))}
      />
      <TextField name="value" label={t("target.value")} hint={t("project.amountHint")} defaultValue={target?.value ?? ""} inputMode="decimal" required />
      <TextField name="year" label={t("target.year")} type="number" inputMode="numeric" defaultValue={target?.year ?? nextYear} min={1949} max={2200} required />
      <TextField name="baseYear" label={t("target.baseYear")} type="number" inputMode="numeric" defaultValue={target?.baseYear ?? nextYear - 5} min={1949} max={2200} required />
      <TextField name="baseValue" label={t("target.baseValue")} defaultValue={target?.baseValue ?? ""} inputMode="decimal" />
      <TextField name="statedGrowthPct" label={t("target.statedGrowthPct")} hint={t("target.statedGrowthHint")} defaultValue={target?.statedGrowthPct ?? ""} inputMode="decimal" />
    </ActionForm>
  );
}

export function DeleteTargetForm({ parkId, target }: { parkId: string; target: Pick<TargetFormValues, "id" | "version"> }) {
  const { t } = useI18n();
  return (
    <ActionForm
      id={`target-delete-${target.id}`}
      action={deleteTargetAction}
      schema={deleteTargetSchema}
      hidden={{ parkId, targetId: target.id, version: target.version }}
      submitLabel={t("settings.deleteTarget")}
    >
      <p className="text-sm text-slate-700">{t("settings.deleteConfirm")}</p>
    </ActionForm>
  );
}
