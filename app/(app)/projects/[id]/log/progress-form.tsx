"use client";

import { logProgressAction } from "@/app/_lib/actions/progress";
import { progressFormToObject, progressSchema } from "@/lib/domain/project-schemas";
import { ActionForm } from "@/components/form/action-form";
import { TextAreaField, TextField } from "@/components/form/fields";
import { useI18n } from "@/components/i18n-provider";

export interface ProgressFormProps {
  parkId: string;
  projectId: string;
  defaultPeriod: string; // YYYY-MM
  maxPeriod: string; // YYYY-MM
  /** Milestones not reached yet: the officer fills in a date for those reached this month. */
  openMilestones: { id: string; label: string; plannedDate: string | null }[];
  capacities: { id: string; label: string; online: string; unitLabel: string }[];
  /** When correcting an entry: its id and values, prefilled. */
  correcting?: {
    id: string;
    narrative: string;
    narrativeEn: string | null;
    investmentCompleted: string | null;
    outputValue: string | null;
    sourceUrl: string | null;
    sourceRef: string | null;
  };
}

const plain = (v: string | null | undefined) => (v ? v.replace(/\.0+$/, "").replace(/(\.\d*?)0+$/, "$1") : "");

/** One form, one screen: everything a month's report holds. */
export function ProgressForm(props: ProgressFormProps) {
  const { t } = useI18n();
  const c = props.correcting;
  return (
    <ActionForm
      id="progress"
      action={logProgressAction}
      schema={progressSchema}
      fromForm={progressFormToObject}
      hidden={c ? { parkId: props.parkId, projectId: props.projectId, supersedesId: c.id } : { parkId: props.parkId, projectId: props.projectId }}
      submitLabel={t("progress.submit")}
    >
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField name="period" type="month" label={t("progress.period")} defaultValue={props.defaultPeriod} max={props.maxPeriod} required />
        <TextField name="investmentCompleted" label={t("progress.investmentCompleted")} hint={t("project.amountHint")} defaultValue={plain(c?.investmentCompleted)} />
        <TextField name="outputValue" label={t("progress.outputValue")} defaultValue={plain(c?.outputValue)} />
      </div>
      <TextAreaField name="narrative" label={t("progress.narrative")} defaultValue={c?.narrative} required maxLength={5000} />
      <TextAreaField name="narrativeEn" label={t("progress.narrativeEn")} defaultValue={c?.narrativeEn ?? ""} rows={2} maxLength={5000} />

      {props.openMilestones.length ? (
        <fieldset className="space-y-2">
          <legend className="text-base font-semibold">{t("progress.milestonesReached")}</legend>
          <p className="text-sm text-slate-600">{t("progress.milestonesReachedHint")}</p>
          <div className="grid gap-3 sm:grid-cols-2">
            {props.openMilestones.map((m) => (
              <TextField
                key={m.id}
                name={`reached.${m.id}`}
                type="date"
                label={m.plannedDate ? `${m.label} (${t("milestone.planned")} ${m.plannedDate})` : m.label}
              />
            ))}
          </div>
        </fieldset>
      ) : null}

      {props.capacities.length ? (
        <fieldset className="space-y-2">
          <legend className="text-base font-semibold">{t("progress.capacityOnline")}</legend>
          <div className="grid gap-3 sm:grid-cols-2">
            {props.capacities.map((cap) => (
              <TextField
                key={cap.id}
                name={`online.${cap.id}`}
                label={`${cap.label} (${cap.unitLabel})`}
                defaultValue={plain(cap.online) || "0"}
                inputMode="decimal"
              />
            ))}
          </div>
        </fieldset>
      ) : null}

      <fieldset className="grid gap-3 sm:grid-cols-3">
        <legend className="mb-1 text-base font-semibold">{t("progress.problem")}</legend>
        <TextField name="problemDescription" label={t("progress.problemDescription")} className="sm:col-span-3" maxLength={2000} />
        <TextField name="problemOwner" label={t("progress.problemOwner")} maxLength={200} />
        <TextField name="problemDueDate" type="date" label={t("progress.problemDueDate")} />
      </fieldset>

      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="sourceUrl" type="url" label={t("progress.sourceUrl")} defaultValue={c?.sourceUrl ?? ""} maxLength={2000} />
        <TextField name="sourceRef" label={t("progress.sourceRef")} defaultValue={c?.sourceRef ?? ""} maxLength={300} />
      </div>
    </ActionForm>
  );
}
