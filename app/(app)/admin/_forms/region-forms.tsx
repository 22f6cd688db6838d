"use client";

import { RowActionButton } from "@/components/form/row-action-button";
import { addRegionReaderAction, removeRegionReaderAction, saveRegionAction } from "@/app/_lib/actions/organisation";
import { ActionForm } from "@/components/form/action-form";
import { SelectField, TextField } from "@/components/form/fields";
import { useI18n } from "@/components/i18n-provider";
import { addRegionReaderSchema, regionSchema } from "@/lib/domain/organisation-schemas";

/** A new province (no province chosen) or a new city of the chosen province. */
export function NewRegionForm({ provinces }: { provinces: { id: string; label: string }[] }) {
  const { t } = useI18n();
  return (
    <ActionForm id="new-region" action={saveRegionAction} schema={regionSchema} submitLabel={t("admin.region.create")} className="grid gap-3 sm:grid-cols-3">
      <SelectField
        name="parentId"
        label={t("admin.region.parent")}
        options={[{ value: "", label: t("admin.region.parentNone") }, ...provinces.map((p) => ({ value: p.id, label: p.label }))]}
        defaultValue=""
      />
      <TextField name="name" label={t("admin.region.name")} required maxLength={100} />
      <TextField name="nameEn" label={t("admin.region.nameEn")} maxLength={100} />
    </ActionForm>
  );
}

export function EditRegionForm({ region }: { region: { id: string; version: number; name: string; nameEn: string | null } }) {
  const { t } = useI18n();
  return (
    <ActionForm
      id="edit-region"
      action={saveRegionAction}
      schema={regionSchema}
      hidden={{ regionId: region.id, version: region.version }}
      submitLabel={t("admin.save")}
      className="grid gap-3 sm:grid-cols-2"
    >
      <TextField name="name" label={t("admin.region.name")} defaultValue={region.name} required maxLength={100} />
      <TextField name="nameEn" label={t("admin.region.nameEn")} defaultValue={region.nameEn ?? ""} maxLength={100} />
    </ActionForm>
  );
}

export function AddRegionReaderForm({ regionId }: { regionId: string }) {
  const { t } = useI18n();
  return (
    <ActionForm id="add-reader" action={addRegionReaderAction} schema={addRegionReaderSchema} hidden={{ regionId }} submitLabel={t("admin.regionRole.add")}>
      <TextField name="email" type="email" label={t("admin.regionRole.email")} autoComplete="off" required maxLength={320} />
    </ActionForm>
  );
}

export function RemoveRegionReaderButton({ regionId, userId, email }: { regionId: string; userId: string; email: string }) {
  const { t } = useI18n();
  return (
    <RowActionButton action={removeRegionReaderAction} fields={{ regionId, userId }} label={t("admin.regionRole.remove")} ariaLabel={t("admin.regionRole.removeLabel", { email })} />
  );
}
