"use client";

import { forgotPasswordAction } from "@/app/_lib/actions/password-reset";
import { forgotPasswordSchema } from "@/lib/domain/people-schemas";
import { ActionForm } from "@/components/form/action-form";
import { TextField } from "@/components/form/fields";
import { useI18n } from "@/components/i18n-provider";

export function ForgotPasswordForm() {
  const { t } = useI18n();
  return (
    <ActionForm id="forgot" action={forgotPasswordAction} schema={forgotPasswordSchema} submitLabel={t("forgot.submit")}>
      <TextField name="email" type="email" autoComplete="email" label={t("people.email")} required maxLength={320} />
    </ActionForm>
  );
}
