"use server";

import { revalidatePath } from "next/cache";
import { cancelRequestItems } from "@/lib/db/requests/cancel";
import { cancelRequestSchema } from "@/lib/schemas/cancel";
import { authedAction, fail, ok, type ActionResult } from "../safe-action";

type Cancelled = { requestId: string; childId: string; booking: number; cancelled: number; kept: number };

// Cancels one child's part of a request — for an extra day one booking of it — after the confirmation
// dialog ("Weet je zeker dat je deze aanvraag wilt annuleren?"). A refusal comes back as
// "Cancel.reasons.<REASON>"; a booking that is not the child's as errors.notFound.
const run = authedAction(
  cancelRequestSchema,
  async (data, user): Promise<ActionResult<Cancelled>> => {
    const result = await cancelRequestItems(user, data);
    if (!result.ok) return fail(result.code);
    revalidatePath("/[locale]/(parent)/agenda", "layout");
    const { requestId, childId, booking, cancelled, kept } = result.data;
    return ok({ requestId, childId, booking, cancelled, kept });
  },
  { roles: ["PARENT"] },
);

export async function cancelRequestAction(input: unknown): Promise<ActionResult<Cancelled>> {
  return run(input);
}
