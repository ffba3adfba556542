"use server";

import { revalidatePath } from "next/cache";
import { submitSwapDay, type SwapDayResult } from "@/lib/db/requests/swap-day";
import { swapDaySchema } from "@/lib/schemas/swap-day";
import { authedAction, type ActionResult } from "../safe-action";

// "Ruildag aanvragen": the form's submit. Thin: the session, the shared zod schema and the role come
// from authedAction; every rule and the writes live in lib/db/requests/swap-day.ts.

const run = authedAction(
  swapDaySchema,
  async (data, user) => {
    const result = await submitSwapDay(user, data);
    if (result.ok && !result.data.duplicate) {
      revalidatePath("/[locale]/(parent)/agenda", "layout");
      revalidatePath("/[locale]/(parent)", "page");
    }
    return result;
  },
  { roles: ["PARENT"] },
);

export async function submitSwapDayAction(input: unknown): Promise<ActionResult<SwapDayResult>> {
  return run(input);
}
