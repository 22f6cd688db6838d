"use client";

import { unsubscribeAction } from "@/app/_lib/actions/notifications";
import { ActionForm } from "@/components/form/action-form";
import { useI18n } from "@/components/i18n-provider";

export function UnsubscribeForm({ token }: { token: string }) {
  const { t } = useI18n();
  return (
    <ActionForm id="unsubscribe" action={unsubscribeAction} hidden={{ token }} submitLabel={t("inbox.unsubscribeConfirm")}>
      {null}
    </ActionForm>
  );
}
