"use client";

import type { ReactNode, Ref, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { cn } from "./cn";

// The form controls the request forms share: a fieldset with legend, hint and error; a checkbox and a
// radio with a 44 px touch target; a labelled textarea with its hint and error. Hints and errors are
// tied to the control with aria-describedby.

export function FieldGroup({
  id,
  legend,
  hint,
  error,
  children,
  className,
}: {
  id: string;
  legend: ReactNode;
  hint?: string;
  error?: string;
  children: ReactNode;
  className?: string;
}) {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <fieldset id={id} aria-describedby={ids || undefined} className={cn("flex flex-col gap-2", className)}>
      <legend className="mb-1 text-lg font-semibold">{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-danger-700">
          {error}
        </p>
      ) : null}
      {children}
    </fieldset>
  );
}

export function CheckboxField({
  id,
  checked,
  disabled,
  onChange,
  describedBy,
  className,
  children,
}: {
  id: string;
  checked: boolean;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
  describedBy?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <label htmlFor={id} className={cn("inline-flex min-h-11 items-center gap-2", !disabled && "cursor-pointer", className)}>
      <input
        id={id}
        type="checkbox"
        className="size-5 shrink-0 accent-brand-700"
        checked={checked}
        disabled={disabled}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.checked)}
      />
      <span>{children}</span>
    </label>
  );
}

export function RadioField({
  id,
  name,
  checked,
  onChange,
  className,
  children,
}: {
  id: string;
  name: string;
  checked: boolean;
  onChange: () => void;
  className?: string;
  children: ReactNode;
}) {
  return (
    <label htmlFor={id} className={cn("inline-flex min-h-11 cursor-pointer items-center gap-2", className)}>
      <input id={id} type="radio" name={name} className="size-5 shrink-0 accent-brand-700" checked={checked} onChange={onChange} />
      <span>{children}</span>
    </label>
  );
}

/**
 * A labelled textarea with an optional hint above it and its error below (react-hook-form's register()
 * spreads in). `labelClassName` and `inputClassName` add to the label's and the textarea's classes.
 */
export function TextAreaField({
  id,
  label,
  hint,
  error,
  className,
  labelClassName,
  inputClassName,
  ref,
  ...props
}: TextareaHTMLAttributes<HTMLTextAreaElement> & {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  labelClassName?: string;
  inputClassName?: string;
  ref?: Ref<HTMLTextAreaElement>;
}) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className={cn("flex flex-col gap-1.5", className)}>
      <label htmlFor={id} className={cn("font-medium", labelClassName)}>
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
        rows={3}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        className={cn(
          "w-full rounded-lg border bg-surface px-3 py-2 text-base shadow-xs",
          inputClassName,
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

/** A labelled select with a placeholder option and its error (react-hook-form's register() spreads in). */
export function SelectField({
  id,
  label,
  error,
  placeholder,
  options,
  className,
  ref,
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & {
  id: string;
  label: string;
  error?: string;
  placeholder?: string;
  options: readonly { value: string; label: string }[];
  ref?: Ref<HTMLSelectElement>;
}) {
  return (
    <div className={cn("flex flex-col gap-1.5", className)}>
      <label htmlFor={id} className="font-medium text-ink">
        {label}
      </label>
      <select
        id={id}
        ref={ref}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={cn(
          "min-h-11 w-full rounded-lg border bg-surface px-3 py-2 text-base text-ink shadow-xs",
          error ? "border-danger-700" : "border-line hover:border-brand-600",
        )}
        {...props}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-danger-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
