"use client";

import { acceptInvitationAction, joinParkAction } from "@/app/_lib/actions/invitations";
import { acceptNewSchema } from "@/lib/domain/people-schemas";
import { ActionForm } from "@/components/form/action-form";
import { TextField } from "@/components/form/fields";
import { useI18n } from "@/components/i18n-provider";

export function AcceptNewForm({ token }: { token: string }) {
  const { t } = useI18n();
  return (
    <ActionForm id="accept" action={acceptInvitationAction} schema={acceptNewSchema} hidden={{ token }} submitLabel={t("invite.accept")}>
      <TextField name="name" autoComplete="name" label={t("invite.name")} required maxLength={120} />
      <TextField name="newPassword" type="password" autoComplete="new-password" label={t("account.newPassword")} hint={t("invite.passwordHint")} required />
      <TextField name="confirmPassword" type="password" autoComplete="new-password" label={t("account.confirmPassword")} required />
    </ActionForm>
  );
}

export function JoinParkForm({ token }: { token: string }) {
  const { t } = useI18n();
  return (
    <ActionForm id="join" action={joinParkAction} hidden={{ token }} submitLabel={t("invite.join")}>
      <span />
    </ActionForm>
  );
}
