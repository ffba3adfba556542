// The result of every server action (house-style.md): data on success, otherwise a message key the
// form translates, plus per-field message keys for validation errors. Type-only, so client forms
// import it freely.

export type FieldErrors = Partial<Record<string, string[]>>;

/** Which child, date and day part a refusal is about, when it is about one (the form names them). */
export type FailureDetail = { childId?: string; date?: string; dayPartId?: string };

export type ActionFailure = { ok: false; code: string; fieldErrors?: FieldErrors; detail?: FailureDetail };
export type ActionResult<T> = { ok: true; data: T } | ActionFailure;
