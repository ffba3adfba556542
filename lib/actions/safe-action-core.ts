import "server-only";
import { z } from "zod";
import type { Role, SessionUser } from "@/lib/auth/types";
import type { ActionFailure, ActionResult, FieldErrors } from "./result";

export type { ActionFailure, ActionResult, FieldErrors } from "./result";

// The one way into a server action (house-style.md, modelled on dub's safe-action): validate the input
// with the same zod schema as the form, and for authedAction() load the session first. Expected
// failures come back as values whose `code` is a message key; unexpected errors are thrown on to
// error.tsx. redirect()/notFound() inside `fn` work as usual (nothing here catches them).
// This core has no next/* imports, so a benchmark runs the very same path; safe-action.ts binds it to
// the session.

export function ok<T>(data: T): ActionResult<T> {
  return { ok: true, data };
}

export function fail(code: string, fieldErrors?: FieldErrors): ActionFailure {
  return fieldErrors ? { ok: false, code, fieldErrors } : { ok: false, code };
}

/** zod → `{ ok, data }` or code "errors.validation" with the schema's message keys per field. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
): { ok: true; data: z.output<S> } | ActionFailure {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  // Field errors by their whole path ("comment", "bookings.2.payment"), so a form can show a nested
  // error next to the very row it belongs to.
  const formErrors: string[] = [];
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.map(String).join(".");
    if (key) (fieldErrors[key] ??= []).push(issue.message);
    else formErrors.push(issue.message);
  }
  // A form-level rule (a refine without a path) becomes the code itself.
  return fail(formErrors[0] ?? "errors.validation", Object.keys(fieldErrors).length > 0 ? fieldErrors : undefined);
}

/** Prisma's unique-constraint violation: an expected conflict (double submit, taken name), not a crash. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/** For the few actions without a session (log-in help pages): validation only. */
export function publicAction<S extends z.ZodType, T>(
  schema: S,
  fn: (data: z.output<S>) => Promise<ActionResult<T>>,
): (input: unknown) => Promise<ActionResult<T>> {
  return async (input) => {
    const parsed = parseInput(schema, input);
    if (!parsed.ok) return parsed;
    return fn(parsed.data);
  };
}

export interface AuthedActionOptions {
  /** Roles allowed at all; other users get "errors.forbidden". Record-level checks stay inside `fn`. */
  roles?: readonly Role[];
}

/** authedAction() with the session source made explicit, so tests can run actions for a given user. */
export function createAuthedAction(getUser: () => Promise<SessionUser | null>) {
  return function authedAction<S extends z.ZodType, T>(
    schema: S,
    fn: (data: z.output<S>, user: SessionUser) => Promise<ActionResult<T>>,
    options: AuthedActionOptions = {},
  ): (input: unknown) => Promise<ActionResult<T>> {
    return async (input) => {
      const user = await getUser();
      if (!user) return fail("errors.unauthorised");
      if (options.roles && !options.roles.includes(user.role)) return fail("errors.forbidden");
      const parsed = parseInput(schema, input);
      if (!parsed.ok) return parsed;
      return fn(parsed.data, user);
    };
  };
}
