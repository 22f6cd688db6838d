"use client";

import { signOutEverywhereAction } from "@/app/_lib/actions/account";
import { ActionForm } from "@/components/form/action-form";
import { useI18n } from "@/components/i18n-provider";
import { signOutEverywhereSchema } from "@/lib/domain/account-schemas";

/** Ends all of the user's sessions, and with the box ticked their API tokens too (SECURITY.md). */
export function SignOutEverywhereForm() {
  const { t } = useI18n();
  return (
    <ActionForm
      id="sign-out-everywhere"
      action={signOutEverywhereAction}
      schema={signOutEverywhereSchema}
      submitLabel={t("account.signOutEverywhereSubmit")}
    >
      <p className="text-sm text-slate-600">{t("account.signOutEverywhereHint")}</p>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="revokeApiTokens" className="size-4" />
        {t("account.revokeApiTokens")}
      </label>
    </ActionForm>
  );
}
