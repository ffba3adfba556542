// The result of every server action (house-style.md): data on success, otherwise a message key the
// form translates, plus per-field message keys for validation errors. Type-only, so client forms
// import it freely.

export type FieldErrors = Partial<Record<string, string[]>>;

export type ActionFailure = { ok: false; code: string; fieldErrors?: FieldErrors };
export type ActionResult<T> = { ok: true; data: T } | ActionFailure;
