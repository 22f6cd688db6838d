"use client";

import { createContext, useActionState, useContext, useEffect, useState, type FormEvent, type ReactNode } from "react";
import type { z } from "zod";
import type { FormResult } from "@/lib/form-result";
import { isMessageKey } from "@/lib/domain/fields";
import { Button } from "../ui/button";
import { cn } from "../ui/cn";
import { useI18n } from "../i18n-provider";
import { ConflictNotice } from "./conflict-notice";

/** Announced when a form saves, so the other forms on the page take down their own "saved". */
const SAVED_EVENT = "parkline:form-saved";

interface FormState {
  formId: string;
  errors: Record<string, string>;
  values: Record<string, string> | null;
}

const FormContext = createContext<FormState>({ formId: "form", errors: {}, values: null });

/**
 * The element id, the error and the value to show again (after a refused submit) for one field.
 * Ids carry the form's id: a page holds several forms with fields of the same name.
 */
export function useFormField(name: string) {
  const { formId, errors, values } = useContext(FormContext);
  return { id: `${formId}-${name}`, error: errors[name], value: values?.[name] };
}

type Action<D> = (previous: FormResult<D> | null, formData: FormData) => Promise<FormResult<D>>;

/**
 * A form posting to a guarded server action. The same zod schema the server uses runs first in the
 * browser, so most mistakes show next to their field without a round trip; the server checks again.
 */
export function ActionForm<D>({
  action,
  schema,
  fromForm,
  submitLabel,
  children,
  className,
  hidden,
  id,
}: {
  id: string;
  action: Action<D>;
  schema?: z.ZodType;
  fromForm?: (formData: FormData) => unknown;
  submitLabel: string;
  children: ReactNode;
  className?: string;
  hidden?: Record<string, string | number>;
}) {
  const { t } = useI18n();
  const [state, formAction, pending] = useActionState(action, null);
  const [clientErrors, setClientErrors] = useState<Record<string, string> | null>(null);
  // A page holds many forms (one per milestone): only the latest "saved" stays, so they do not stack.
  const [dismissed, setDismissed] = useState<unknown>(null);
  useEffect(() => {
    if (!state?.ok) return;
    window.dispatchEvent(new CustomEvent(SAVED_EVENT, { detail: id }));
    const onSaved = (event: Event) => {
      if ((event as CustomEvent<string>).detail !== id) setDismissed(state);
    };
    window.addEventListener(SAVED_EVENT, onSaved);
    return () => window.removeEventListener(SAVED_EVENT, onSaved);
  }, [state, id]);

  function validate(event: FormEvent<HTMLFormElement>) {
    if (!schema) return;
    const formData = new FormData(event.currentTarget);
    const parsed = schema.safeParse(fromForm ? fromForm(formData) : Object.fromEntries(formData.entries()));
    if (parsed.success) {
      setClientErrors(null);
      return;
    }
    event.preventDefault();
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path.join(".") || "_form";
      if (!errors[field]) errors[field] = t(isMessageKey(issue.message) ? issue.message : "validation.invalid", { max: "" });
    }
    setClientErrors(errors);
  }

  const failed = state && !state.ok ? state : null;
  const errors = clientErrors ?? failed?.fieldErrors ?? {};
  const message = clientErrors ? t("error.fixFields") : state && state === dismissed ? undefined : state?.message;
  return (
    <form id={id} action={formAction} onSubmit={validate} noValidate className={cn("space-y-4", className)}>
      {hidden ? Object.entries(hidden).map(([name, value]) => <input key={name} type="hidden" name={name} value={String(value)} />) : null}
      {message ? (
        <div
          role={state?.ok && !clientErrors ? "status" : "alert"}
          className={cn(
            "rounded-md border px-3 py-2 text-sm",
            state?.ok && !clientErrors ? "border-emerald-200 bg-emerald-50 text-emerald-900" : "border-rose-200 bg-rose-50 text-rose-900",
          )}
        >
          <p>{message}</p>
          {failed?.link && failed.link.href.startsWith("/") && !failed.link.href.startsWith("//") ? (
            <p className="mt-1">
              <a href={failed.link.href} className="font-medium underline">
                {failed.link.label}
              </a>
            </p>
          ) : null}
          {state?.ok && state.warnings?.length ? (
            <ul className="mt-1 list-disc pl-5 text-amber-900">
              {state.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {failed?.conflict ? <ConflictNotice changes={failed.conflict} /> : null}
      <FormContext.Provider value={{ formId: id, errors, values: failed?.values ?? null }}>{children}</FormContext.Provider>
      <Button type="submit" disabled={pending}>
        {submitLabel}
      </Button>
    </form>
  );
}
