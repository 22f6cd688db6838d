import type { ComponentProps } from "react";
import { cn } from "./cn";

/** A labelled input with its error right below it, wired with aria-describedby / aria-invalid. */
export function Field({
  label,
  name,
  error,
  className,
  ...input
}: ComponentProps<"input"> & { label: string; name: string; error?: string }) {
  const errorId = `${name}-error`;
  return (
    <div className={cn("flex flex-col gap-1", className)}>
      <label htmlFor={name} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        id={name}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        className={cn(
          "min-h-10 rounded-md border bg-white px-3 text-sm text-slate-900 shadow-sm placeholder:text-slate-400",
          error ? "border-rose-500" : "border-slate-300",
        )}
        {...input}
      />
      {error ? (
        <p id={errorId} className="text-sm text-rose-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
