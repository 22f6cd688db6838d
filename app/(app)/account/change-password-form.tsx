"use client";

import { changePasswordAction } from "@/app/_lib/actions/account";
import { changePasswordSchema } from "@/lib/domain/account-schemas";
import { ActionForm } from "@/components/form/action-form";
import { TextField } from "@/components/form/fields";
import { useI18n } from "@/components/i18n-provider";

export function ChangePasswordForm() {
  const { t } = useI18n();
  return (
    <ActionForm id="change-password" action={changePasswordAction} schema={changePasswordSchema} submitLabel={t("account.save")}>
      <TextField name="currentPassword" type="password" autoComplete="current-password" label={t("account.currentPassword")} required />
      <TextField name="newPassword" type="password" autoComplete="new-password" label={t("account.newPassword")} hint={t("account.newPasswordHint")} required />
      <TextField name="confirmPassword" type="password" autoComplete="new-password" label={t("account.confirmPassword")} required />
    </ActionForm>
  );
}
