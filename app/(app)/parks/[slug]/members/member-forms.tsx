"use client";

import { useActionState, useState } from "react";
import { changeRoleAction, inviteMemberAction, issuePasswordResetAction, removeMemberAction, revokeInvitationAction, type IssuedLink } from "@/app/_lib/actions/people";
import type { FormResult } from "@/app/_lib/guard";
import type { FormAction } from "@/lib/form-result";
import { inviteSchema } from "@/lib/domain/people-schemas";
import { MEMBERSHIP_ROLES } from "@/lib/domain/values";
import { ActionForm } from "@/components/form/action-form";
import { RowActionButton } from "@/components/form/row-action-button";
import { SelectField, TextField } from "@/components/form/fields";
import { useI18n } from "@/components/i18n-provider";
import { Button } from "@/components/ui/button";

type Issued = FormResult<IssuedLink>;

/** A one-time link, shown once to copy: only its SHA-256 is stored. */
export function OneTimeLink({ path, testId }: { path: string; testId: string }) {
  const { t } = useI18n();
  const url = `${window.location.origin}${path}`;
  return (
    <div role="status" className="space-y-2 rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-950">
      <label htmlFor={`${testId}-url`} className="block font-medium">
        {t("people.linkOnce")}
      </label>
      <input
        id={`${testId}-url`}
        readOnly
        value={url}
        onFocus={(e) => e.currentTarget.select()}
        className="min-h-10 w-full rounded-md border border-emerald-300 bg-white px-3 font-mono text-xs text-slate-900"
        data-testid={testId}
      />
    </div>
  );
}

/** The park admin's invitation form; a platform admin's park page passes its own action in. */
export function InviteForm({ parkId, action = inviteMemberAction }: { parkId: string; action?: FormAction<IssuedLink> }) {
  const { t } = useI18n();
  const [path, setPath] = useState<string | null>(null);
  async function invite(previous: Issued | null, formData: FormData): Promise<Issued> {
    const result = await action(previous, formData);
    setPath(result.ok && result.data ? result.data.path : null);
    return result;
  }
  const roles = MEMBERSHIP_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }));
  return (
    <div className="space-y-4">
      {path ? <OneTimeLink path={path} testId="invite-url" /> : null}
      <ActionForm id="invite" action={invite} schema={inviteSchema} hidden={{ parkId }} submitLabel={t("people.invite")}>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField name="email" type="email" autoComplete="off" label={t("people.email")} required maxLength={320} />
          <SelectField name="role" label={t("people.role")} options={roles} defaultValue="editor" hint={t("people.roleHint")} />
        </div>
      </ActionForm>
    </div>
  );
}

function ErrorLine({ state }: { state: FormResult<unknown> | null }) {
  return state && !state.ok ? (
    <p role="alert" className="mt-1 text-sm text-rose-700">
      {state.message}
    </p>
  ) : null;
}

/** Role select and save for one member; refused changes (last admin, oneself) say why under it. */
export function RoleForm({ parkId, userId, role, name }: { parkId: string; userId: string; role: string; name: string }) {
  const { t } = useI18n();
  const [state, action, pending] = useActionState(changeRoleAction, null);
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="parkId" value={parkId} />
      <input type="hidden" name="userId" value={userId} />
      <select name="role" defaultValue={role} aria-label={t("people.roleOf", { name })} className="min-h-9 rounded-md border border-slate-300 bg-white px-2 text-sm">
        {MEMBERSHIP_ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`role.${r}`)}
          </option>
        ))}
      </select>
      <Button type="submit" variant="secondary" disabled={pending} className="min-h-9 px-3">
        {t("people.saveRole")}
      </Button>
      {state?.ok ? <span role="status" className="text-sm text-emerald-800">{state.message}</span> : null}
      <ErrorLine state={state} />
    </form>
  );
}

/** Removes a member; a platform admin's park page passes its own action in. */
export function RemoveMemberButton({ parkId, userId, name, action = removeMemberAction }: { parkId: string; userId: string; name: string; action?: FormAction<{ id: string }> }) {
  const { t } = useI18n();
  return <RowActionButton action={action} fields={{ parkId, userId }} label={t("people.remove")} ariaLabel={t("people.removeLabel", { name })} />;
}

export function ResetLinkButton({ parkId, userId, name }: { parkId: string; userId: string; name: string }) {
  const { t } = useI18n();
  const [state, action, pending] = useActionState(issuePasswordResetAction, null);
  return (
    <form action={action} className="space-y-1">
      <input type="hidden" name="parkId" value={parkId} />
      <input type="hidden" name="userId" value={userId} />
      <Button type="submit" variant="secondary" disabled={pending} aria-label={t("people.resetLabel", { name })} className="min-h-9 px-3">
        {t("people.resetLink")}
      </Button>
      {state?.ok && state.data ? <OneTimeLink path={state.data.path} testId="reset-url" /> : null}
      <ErrorLine state={state} />
    </form>
  );
}

export function RevokeInvitationButton({ parkId, invitationId, email }: { parkId: string; invitationId: string; email: string }) {
  const { t } = useI18n();
  return <RowActionButton action={revokeInvitationAction} fields={{ parkId, invitationId }} label={t("people.revoke")} ariaLabel={t("people.revokeLabel", { email })} />;
}
