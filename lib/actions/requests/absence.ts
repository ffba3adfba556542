"use server";

import { revalidatePath } from "next/cache";
import { submitAbsence, type AbsenceSubmitted } from "@/lib/db/requests/absence";
import { absenceSchema } from "@/lib/schemas/absence";
import { authedAction, fail, ok, type ActionResult } from "../safe-action";

// "Afwezigheid doorgeven": the form sends absenceSchema's input with a fresh idempotencyKey per report
// (a double click returns the first report). Only parents; the service checks the children are theirs.
const run = authedAction(
  absenceSchema,
  async (data, user): Promise<ActionResult<AbsenceSubmitted>> => {
    const result = await submitAbsence(user, data);
    // The refusal names the child and date it is about (detail), so the form can say which one.
    if (!result.ok) return result.detail ? { ...fail(result.code), detail: result.detail } : fail(result.code);
    // The agenda and the overview (and every page under /agenda) show the new absence.
    revalidatePath("/[locale]/(parent)/agenda", "layout");
    return ok(result.data);
  },
  { roles: ["PARENT"] },
);

export async function submitAbsenceAction(input: unknown): Promise<ActionResult<AbsenceSubmitted>> {
  return run(input);
}
