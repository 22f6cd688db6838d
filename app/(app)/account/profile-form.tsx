"use client";

import { updateProfileAction } from "@/app/_lib/actions/account";
import { profileSchema } from "@/lib/domain/people-schemas";
import { ActionForm } from "@/components/form/action-form";
import { SelectField, TextField } from "@/components/form/fields";
import { useI18n } from "@/components/i18n-provider";

export function ProfileForm({ name, locale }: { name: string; locale: string }) {
  const { t } = useI18n();
  return (
    <ActionForm id="profile" action={updateProfileAction} schema={profileSchema} submitLabel={t("people.saveProfile")}>
      <TextField name="name" autoComplete="name" label={t("invite.name")} defaultValue={name} required maxLength={120} />
      <SelectField name="locale" label={t("nav.language")} defaultValue={locale} options={[{ value: "zh", label: t("lang.zh") }, { value: "en", label: t("lang.en") }]} />
    </ActionForm>
  );
}
