"use client";

import type { Ref, TextareaHTMLAttributes } from "react";
import { cn } from "@/components/ui/cn";

/** The message text: a labelled textarea with its hint and error, tied to it with aria-describedby. */
export function MessageBodyField({
  id,
  label,
  hint,
  error,
  labelClassName,
  ref,
  ...props
}: TextareaHTMLAttributes<HTMLTextAreaElement> & {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  labelClassName?: string;
  ref?: Ref<HTMLTextAreaElement>;
}) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className={cn("font-medium text-ink", labelClassName)}>
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
      <textarea
        id={id}
        ref={ref}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        className={cn(
          "min-h-28 w-full rounded-lg border bg-surface px-3 py-2 text-base text-ink shadow-xs disabled:bg-canvas",
          error ? "border-danger-700" : "border-line hover:border-brand-600",
        )}
        {...props}
      />
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-danger-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
