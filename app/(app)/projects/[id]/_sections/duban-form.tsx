"use client";

import { updateProblemAction } from "@/app/_lib/actions/duban";
import { ActionForm } from "@/components/form/action-form";
import { SelectField, TextAreaField, TextField } from "@/components/form/fields";
import { useI18n } from "@/components/i18n-provider";
import { dubanSchema, type DubanStep } from "@/lib/domain/duban";
import { ESCALATION_LEVELS, type EscalationLevel } from "@/lib/domain/values";

export interface DubanProblem {
  id: string;
  owner: string;
  ownerUserId: string | null;
  dueDate: string | null;
  escalation: EscalationLevel;
}

/** The 督办 form of one problem: the steps this viewer may take, and (for editors) owner, due date and level. */
export function DubanForm({ parkId, problem, steps, members, canEditFields }: { parkId: string; problem: DubanProblem; steps: DubanStep[]; members: { value: string; label: string }[]; canEditFields: boolean }) {
  const { t } = useI18n();
  const fixed: Record<string, string> = canEditFields ? {} : { ownerUserId: problem.ownerUserId ?? "", ownerUnit: problem.ownerUserId ? "" : problem.owner, dueDate: problem.dueDate ?? "", escalation: problem.escalation };
  return (
    <ActionForm id={`duban-${problem.id}`} action={updateProblemAction} schema={dubanSchema} hidden={{ parkId, problemId: problem.id, ...fixed }} submitLabel={t("duban.save")} className="grid gap-3 sm:grid-cols-2">
      <SelectField name="step" label={t("duban.step")} options={["none" as const, ...steps].map((s) => ({ value: s, label: t(`duban.step.${s}`) }))} defaultValue="none" />
      {canEditFields ? (
        <>
          <SelectField name="escalation" label={t("duban.escalation")} options={ESCALATION_LEVELS.map((l) => ({ value: l, label: t(`duban.escalation.${l}`) }))} defaultValue={problem.escalation} />
          <SelectField name="ownerUserId" label={t("duban.ownerMember")} hint={t("duban.ownerHint")} options={[{ value: "", label: t("duban.none") }, ...members]} defaultValue={problem.ownerUserId ?? ""} />
          <TextField name="ownerUnit" label={t("duban.ownerUnit")} defaultValue={problem.ownerUserId ? "" : problem.owner} />
          <TextField name="dueDate" label={t("duban.dueDate")} type="date" defaultValue={problem.dueDate ?? ""} />
        </>
      ) : null}
      <TextAreaField name="note" label={t("duban.note")} rows={2} className="sm:col-span-2" />
    </ActionForm>
  );
}
