"use client";

import { saveMilestoneAction } from "@/app/_lib/actions/projects";
import { milestoneSchema } from "@/lib/domain/project-schemas";
import { MILESTONE_TYPES } from "@/lib/domain/values";
import { ActionForm } from "@/components/form/action-form";
import { SelectField, TextField } from "@/components/form/fields";
import { useI18n } from "@/components/i18n-provider";

export interface MilestoneFormValues {
  id: string;
  version: number;
  type: string;
  customLabel: string | null;
  plannedDate: string | null;
  forecastDate: string | null;
  actualDate: string | null;
}

export function MilestoneForm({ scope, milestone }: { scope: { parkId: string; projectId: string }; milestone?: MilestoneFormValues }) {
  const { t } = useI18n();
  return (
    <ActionForm
      id={milestone ? `milestone-${milestone.id}` : "milestone-new"}
      action={saveMilestoneAction}
      schema={milestoneSchema}
      hidden={milestone ? { ...scope, milestoneId: milestone.id, version: milestone.version } : scope}
      submitLabel={milestone ? t("project.save") : t("milestone.add")}
      className="grid gap-3 sm:grid-cols-2"
    >
      <SelectField
        name="type"
        label={t("milestone.type")}
        defaultValue={milestone?.type ?? "construction_start"}
        options={MILESTONE_TYPES.map((m) => ({ value: m, label: t(`milestone.type.${m}`) }))}
      />
      <TextField name="customLabel" label={t("milestone.customLabel")} defaultValue={milestone?.customLabel ?? ""} maxLength={60} />
      <TextField name="plannedDate" type="date" label={t("milestone.planned")} defaultValue={milestone?.plannedDate ?? ""} />
      <TextField name="forecastDate" type="date" label={t("milestone.forecast")} defaultValue={milestone?.forecastDate ?? ""} />
      <TextField name="actualDate" type="date" label={t("milestone.actual")} defaultValue={milestone?.actualDate ?? ""} />
      {milestone ? <TextField name="rebaselineReason" label={t("milestone.rebaselineReason")} maxLength={500} /> : null}
    </ActionForm>
  );
}
