"use client";

import { useRef, useState, type FormEvent } from "react";
import type { FieldValues, Path, PathValue, UseFormReturn } from "react-hook-form";
import { FormAlert } from "@/components/auth/form-alert";
import { useMessageKey } from "@/components/auth/use-message";
import type { ActionResult } from "@/lib/actions/result";
import { useClientKey } from "./client-key";

/**
 * The submit of the message forms ("Bericht schrijven", staff "Nieuw bericht", "Reageren"): one submit
 * at a time, a client key per message text (so a double click or retry writes it once), the action's
 * answer mapped onto the form (field errors on their fields, the code in the alert), and, after a
 * success, a fresh key for the next message. `lockWhenSent` keeps the form locked after a success (it
 * navigates away); without it the form can write the next message at once.
 */
export function useMessageSubmit<TInput extends FieldValues & { clientKey: string }, TData extends FieldValues, TResult>({
  form,
  action,
  fields,
  keyOf,
  onSent,
  beforeSubmit,
  lockWhenSent = true,
}: {
  form: UseFormReturn<TInput, unknown, TData>;
  action: (data: TData) => Promise<ActionResult<TResult>>;
  /** The fields a server's field error may be shown on. */
  fields: readonly Path<TInput>[];
  /** What makes one message: the same parts keep the same client key. */
  keyOf: (values: TInput) => unknown[];
  onSent: (data: TResult) => void;
  beforeSubmit?: () => void;
  lockWhenSent?: boolean;
}) {
  const message = useMessageKey();
  const clientKey = useClientKey();
  const working = useRef(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const {
    handleSubmit,
    setError,
    setValue,
    getValues,
    formState: { errors, isSubmitting },
  } = form;

  const submit = async (data: TData) => {
    setFormError(null);
    const result = await action(data).catch(() => null);
    if (!result) {
      setFormError("errors.unexpected");
      return;
    }
    if (!result.ok) {
      for (const [field, keys] of Object.entries(result.fieldErrors ?? {})) {
        if (keys?.[0] && (fields as readonly string[]).includes(field)) setError(field as Path<TInput>, { message: keys[0] });
      }
      setFormError(result.code);
      return;
    }
    if (lockWhenSent) setDone(true);
    clientKey.forget();
    onSent(result.data);
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // A second click while the first is still on its way does nothing.
    if (working.current || done) return;
    working.current = true;
    try {
      beforeSubmit?.();
      setValue("clientKey" as Path<TInput>, clientKey.keyFor(keyOf(getValues())) as PathValue<TInput, Path<TInput>>);
      await handleSubmit(submit, () => setFormError("errors.validation"))(event);
    } finally {
      working.current = false;
    }
  };

  const fieldError = (field: Path<TInput>): string | undefined => {
    const key = (errors as Record<string, { message?: string } | undefined>)[field]?.message;
    return key ? message(key) : undefined;
  };

  return { onSubmit, formError, fieldError, locked: isSubmitting || done };
}

/** The alert above a message form with the translated code; `hideValidation` leaves field errors to their fields. */
export function MessageFormError({ id, code, hideValidation = false }: { id?: string; code: string | null; hideValidation?: boolean }) {
  const message = useMessageKey();
  if (!code || (hideValidation && code === "errors.validation")) return null;
  return (
    <FormAlert id={id} tone="error">
      {message(code)}
    </FormAlert>
  );
}
