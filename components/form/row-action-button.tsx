"use client";

import { useActionState } from "react";
import type { FormAction } from "@/lib/form-result";
import { Button } from "../ui/button";

/**
 * One click on a row (revoke a link or token, remove a member or reader): the row's ids as hidden
 * fields, a button named for the row, and the refusal beside it. The page passes the action in.
 */
export function RowActionButton<D>({ action, fields, label, ariaLabel }: { action: FormAction<D>; fields: Record<string, string>; label: string; ariaLabel: string }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button type="submit" variant="secondary" disabled={pending} aria-label={ariaLabel} className="min-h-9 px-3">
        {label}
      </Button>
      {state && !state.ok ? (
        <p role="alert" className="mt-1 text-sm text-rose-700">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
