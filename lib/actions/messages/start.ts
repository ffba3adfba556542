"use server";

import { revalidatePath } from "next/cache";
import { STAFF_ROLES } from "@/lib/auth/types";
import { startFamilyThread, startStaffThreads, type ThreadsStarted } from "@/lib/db/messages";
import { startStaffThreadSchema, startThreadSchema } from "@/lib/schemas/messages";
import { authedAction, fail, ok, type ActionResult } from "../safe-action";

// "Bericht schrijven" (seed 002 §4): a parent about a child of theirs placed in the group today; staff
// to one family of their group or to all of its families (one private thread each). The forms send a
// fresh clientKey per message: a double click starts one thread (or one set of threads).

const startFamily = authedAction(
  startThreadSchema,
  async (data, user): Promise<ActionResult<ThreadsStarted>> => {
    const result = await startFamilyThread(user, data);
    if (!result.ok) return fail(result.code, result.field ? { [result.field]: [result.code] } : undefined);
    revalidatePath("/[locale]", "layout");
    return ok(result.data);
  },
  { roles: ["PARENT"] },
);

export async function startThreadAction(input: unknown): Promise<ActionResult<ThreadsStarted>> {
  return startFamily(input);
}

const startStaff = authedAction(
  startStaffThreadSchema,
  async (data, user): Promise<ActionResult<ThreadsStarted>> => {
    const result = await startStaffThreads(user, data);
    if (!result.ok) return fail(result.code, result.field ? { [result.field]: [result.code] } : undefined);
    revalidatePath("/[locale]", "layout");
    return ok(result.data);
  },
  { roles: STAFF_ROLES },
);

export async function startStaffThreadAction(input: unknown): Promise<ActionResult<ThreadsStarted>> {
  return startStaff(input);
}
