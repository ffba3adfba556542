"use client";

import type { InputHTMLAttributes, Ref } from "react";
import { cn } from "@/components/ui/cn";

/**
 * A labelled text input with an optional hint and a visible error. Both are linked to the input with
 * aria-describedby, and the input is marked aria-invalid while it has an error.
 */
export function TextField({
  id,
  label,
  hint,
  error,
  describedBy,
  className,
  ref,
  ...inputProps
}: InputHTMLAttributes<HTMLInputElement> & {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  /** Extra ids that describe the input, e.g. a form-level error. */
  describedBy?: string;
  ref?: Ref<HTMLInputElement>;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedByIds = [hintId, errorId, describedBy].filter(Boolean).join(" ");
  return (
    <div className={cn("flex flex-col gap-1.5", className)}>
      <label htmlFor={id} className="font-medium text-ink">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        ref={ref}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedByIds || undefined}
        className={cn(
          "min-h-11 w-full rounded-lg border bg-surface px-3 py-2 text-base text-ink shadow-xs",
          error ? "border-danger-700" : "border-line hover:border-brand-600",
        )}
        {...inputProps}
      />
      {error ? (
        <p id={errorId} className="flex items-start gap-1.5 text-sm font-medium text-danger-700">
          <svg aria-hidden="true" viewBox="0 0 20 20" className="mt-0.5 size-4 shrink-0" fill="currentColor">
            <path d="M10 2a8 8 0 1 0 0 16 8 8 0 0 0 0-16zm-.9 4h1.8v5.5H9.1zm0 7h1.8v1.8H9.1z" />
          </svg>
          <span>{error}</span>
        </p>
      ) : null}
    </div>
  );
}
