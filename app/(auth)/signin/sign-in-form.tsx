"use client";

import { useActionState } from "react";
import { signInAction } from "@/app/_lib/actions/session";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useI18n } from "@/components/i18n-provider";

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const { t } = useI18n();
  const [state, action, pending] = useActionState(signInAction, null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={action} className="space-y-4" noValidate>
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      {failed && Object.keys(failed.fieldErrors).length === 0 ? (
        <p role="alert" className="rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-800">
          {failed.message}
        </p>
      ) : null}
      <Field
        label={t("signin.email")}
        name="email"
        type="email"
        autoComplete="username"
        required
        defaultValue={failed?.values.email ?? ""}
        error={failed?.fieldErrors.email}
      />
      <Field
        label={t("signin.password")}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        error={failed?.fieldErrors.password}
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("signin.submitting") : t("signin.submit")}
      </Button>
    </form>
  );
}
