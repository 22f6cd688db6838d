"use client";

import { useActionState } from "react";
import { issueAccountResetAction, setUserActiveAction } from "@/app/_lib/actions/admin-users";
import { OneTimeLink } from "../../parks/[slug]/members/member-forms";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";

export function SetActiveButton({ userId, active, name }: { userId: string; active: boolean; name: string }) {
  const { t } = useI18n();
  const [state, action, pending] = useActionState(setUserActiveAction, null);
  return (
    <form action={action}>
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="active" value={active ? "false" : "true"} />
      <Button type="submit" variant="secondary" disabled={pending} aria-label={t(active ? "adminUsers.deactivateLabel" : "adminUsers.reactivateLabel", { name })} className="min-h-9 px-3">
        {t(active ? "adminUsers.deactivate" : "adminUsers.reactivate")}
      </Button>
      {state && !state.ok ? (
        <p role="alert" className="mt-1 text-sm text-rose-700">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}

/** A one-hour password link for the account, shown once to copy (and emailed when SMTP is set up). */
export function AccountResetButton({ userId, name }: { userId: string; name: string }) {
  const { t } = useI18n();
  const [state, action, pending] = useActionState(issueAccountResetAction, null);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="userId" value={userId} />
      <Button type="submit" variant="secondary" disabled={pending} aria-label={t("people.resetLabel", { name })} className="min-h-9 px-3">
        {t("people.resetLink")}
      </Button>
      {state?.ok && state.data ? <OneTimeLink path={state.data.path} testId="reset-url" /> : null}
      {state?.ok && state.message ? <p className="text-sm text-emerald-800">{state.message}</p> : null}
      {state && !state.ok ? (
        <p role="alert" className="text-sm text-rose-700">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
