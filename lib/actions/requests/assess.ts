"use server";

import { revalidatePath } from "next/cache";
import { PLANNER_ROLES } from "@/lib/auth/types";
import { assessItem } from "@/lib/db/assessment";
import { assessItemSchema } from "@/lib/schemas/assess";
import { authedAction, fail, ok, type ActionResult } from "../safe-action";

type Assessed = { updated: number; requestCompleted: boolean };

// A planner approves or rejects one item of the queue, or a whole assess-as-whole request through any
// of its items. lib/db/assessment.ts scopes the item to the planner's organisation and guards the
// capacity; its expected failures ("Assess.errors.*") come back as codes the queue translates.
const run = authedAction(
  assessItemSchema,
  async (data, user): Promise<ActionResult<Assessed>> => {
    const result = await assessItem(user, data);
    if (!result.ok) return fail(result.code);
    // The queue, and the parents' agenda and overview that show the new status.
    revalidatePath("/[locale]/staff", "layout");
    revalidatePath("/[locale]/(parent)/agenda", "layout");
    return ok(result.data);
  },
  { roles: PLANNER_ROLES },
);

export async function assessItemAction(input: unknown): Promise<ActionResult<Assessed>> {
  return run(input);
}
