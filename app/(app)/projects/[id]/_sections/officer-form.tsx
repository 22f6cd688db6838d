"use client";

import { setProjectOfficerAction } from "@/app/_lib/actions/reporting";
import { projectOfficerSchema } from "@/lib/domain/notify-schemas";
import { ActionForm } from "@/components/form/action-form";
import { SelectField } from "@/components/form/fields";
import { useI18n } from "@/components/i18n-provider";

export function OfficerForm({ parkId, projectId, officerId, options }: { parkId: string; projectId: string; officerId: string | null; options: { value: string; label: string }[] }) {
  const { t } = useI18n();
  return (
    <ActionForm id="officer" action={setProjectOfficerAction} schema={projectOfficerSchema} hidden={{ parkId, projectId }} submitLabel={t("reporting.saveOfficer")}>
      <SelectField name="officerId" label={t("reporting.officer")} options={options} defaultValue={officerId ?? ""} />
    </ActionForm>
  );
}
