"use server";

import { revalidatePath } from "next/cache";
import { submitExtraDay, type ExtraDayResult } from "@/lib/db/requests/extra-day";
import { extraDaySchema } from "@/lib/schemas/extra-day";
import { authedAction, type ActionResult } from "../safe-action";

// "Dag aanvragen": the form's submit. Thin: the session, the shared zod schema and the role come from
// authedAction; every rule, the price and the writes live in lib/db/requests/extra-day.ts.

const run = authedAction(
  extraDaySchema,
  async (data, user) => {
    const result = await submitExtraDay(user, data);
    if (result.ok && !result.data.duplicate) {
      revalidatePath("/[locale]/(parent)/agenda", "layout");
      revalidatePath("/[locale]/(parent)", "page");
    }
    return result;
  },
  { roles: ["PARENT"] },
);

export async function submitExtraDayAction(input: unknown): Promise<ActionResult<ExtraDayResult>> {
  return run(input);
}
