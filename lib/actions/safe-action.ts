import "server-only";
import { getSessionUser } from "@/lib/auth/guards";
import { createAuthedAction } from "./safe-action-core";

export {
  createAuthedAction,
  fail,
  isUniqueViolation,
  ok,
  parseInput,
  publicAction,
  type ActionFailure,
  type ActionResult,
  type AuthedActionOptions,
  type FieldErrors,
} from "./safe-action-core";

/**
 * Usage in a 'use server' file:
 *   const run = authedAction(createThingSchema, async (data, user) => { …scoped to user…; return ok(dto) });
 *   export async function createThingAction(input: unknown) { return run(input); }
 */
export const authedAction = createAuthedAction(getSessionUser);
