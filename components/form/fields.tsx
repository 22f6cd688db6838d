"use client";

import type { ComponentProps, ReactNode } from "react";
import { cn } from "../ui/cn";
import { useFormField } from "./action-form";

const control = "min-h-10 w-full rounded-md border bg-white px-3 text-sm text-slate-900 shadow-sm placeholder:text-slate-500";

function Wrapper({ id, label, hint, error, children, className }: { id: string; label: string; hint?: string; error?: string; children: ReactNode; className?: string }) {
  return (
    <div className={cn("flex flex-col gap-1", className)}>
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
      {hint && !error ? (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-rose-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function describedBy(id: string, hint: string | undefined, error: string | undefined) {
  return error ? `${id}-error` : hint ? `${id}-hint` : undefined;
}

/** A text-like input bound to the enclosing ActionForm: shows its error and keeps the typed value. */
export function TextField({ name, label, hint, className, defaultValue, ...input }: ComponentProps<"input"> & { name: string; label: string; hint?: string }) {
  const { id, error, value } = useFormField(name);
  return (
    <Wrapper id={id} label={label} hint={hint} error={error} className={className}>
      <input
        id={id}
        name={name}
        defaultValue={value ?? defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={cn(control, error ? "border-rose-500" : "border-slate-300")}
        {...input}
      />
    </Wrapper>
  );
}

export function TextAreaField({ name, label, hint, className, defaultValue, ...input }: ComponentProps<"textarea"> & { name: string; label: string; hint?: string }) {
  const { id, error, value } = useFormField(name);
  return (
    <Wrapper id={id} label={label} hint={hint} error={error} className={className}>
      <textarea
        id={id}
        name={name}
        rows={4}
        defaultValue={value ?? defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={cn(control, "py-2", error ? "border-rose-500" : "border-slate-300")}
        {...input}
      />
    </Wrapper>
  );
}

export function SelectField({
  name,
  label,
  hint,
  className,
  options,
  defaultValue,
  ...select
}: ComponentProps<"select"> & { name: string; label: string; hint?: string; options: { value: string; label: string }[] }) {
  const { id, error, value } = useFormField(name);
  return (
    <Wrapper id={id} label={label} hint={hint} error={error} className={className}>
      <select
        id={id}
        name={name}
        defaultValue={value ?? defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={cn(control, error ? "border-rose-500" : "border-slate-300")}
        {...select}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Wrapper>
  );
}
