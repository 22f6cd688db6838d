"use client";

import { resetPasswordAction } from "@/app/_lib/actions/password-reset";
import { resetPasswordSchema } from "@/lib/domain/people-schemas";
import { ActionForm } from "@/components/form/action-form";
import { TextField } from "@/components/form/fields";
import { useI18n } from "@/components/i18n-provider";

export function ResetPasswordForm({ token }: { token: string }) {
  const { t } = useI18n();
  return (
    <ActionForm id="reset" action={resetPasswordAction} schema={resetPasswordSchema} hidden={{ token }} submitLabel={t("reset.submit")}>
      <TextField name="newPassword" type="password" autoComplete="new-password" label={t("account.newPassword")} hint={t("account.newPasswordHint")} required />
      <TextField name="confirmPassword" type="password" autoComplete="new-password" label={t("account.confirmPassword")} required />
    </ActionForm>
  );
}
