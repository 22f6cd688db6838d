"use client";

import { followUpProblemAction, raiseProblemAction } from "@/app/_lib/actions/progress";
import { problemCreateSchema, problemUpdateSchema } from "@/lib/domain/project-schemas";
import { ActionForm } from "@/components/form/action-form";
import { TextField } from "@/components/form/fields";
import { useI18n } from "@/components/i18n-provider";

export function FollowUpForm({ parkId, problemId }: { parkId: string; problemId: string }) {
  const { t } = useI18n();
  return (
    <ActionForm id={`problem-${problemId}`} action={followUpProblemAction} schema={problemUpdateSchema} hidden={{ parkId, problemId }} submitLabel={t("problem.followUp")}>
      <TextField name="note" label={t("problem.note")} required maxLength={2000} />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="close" className="size-4" />
        {t("problem.closeIt")}
      </label>
    </ActionForm>
  );
}

export function RaiseProblemForm({ parkId, projectId }: { parkId: string; projectId: string }) {
  const { t } = useI18n();
  return (
    <ActionForm id="problem-new" action={raiseProblemAction} schema={problemCreateSchema} hidden={{ parkId, projectId }} submitLabel={t("problem.raise")} className="grid gap-3 sm:grid-cols-3">
      <TextField name="description" label={t("problem.description")} required maxLength={2000} className="sm:col-span-3" />
      <TextField name="owner" label={t("problem.ownerField")} required maxLength={200} />
      <TextField name="dueDate" type="date" label={t("problem.dueField")} />
    </ActionForm>
  );
}
