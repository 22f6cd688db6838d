"use client";

import { useActionState } from "react";
import { setUserActiveAction } from "@/app/_lib/actions/admin-users";
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
