"use server";

import { revalidatePath } from "next/cache";
import { markThreadRead } from "@/lib/db/messages";
import { markThreadReadSchema } from "@/lib/schemas/messages";
import { authedAction, fail, ok, type ActionResult } from "../safe-action";

// The thread page marks what it showed as read once it is on screen: up to the newest message shown,
// not "now" (lib/db/messages.ts), so a message that arrived meanwhile stays unread. Only the signed-in
// user's own read mark of a thread they may read is touched.
const run = authedAction(markThreadReadSchema, async (data, user): Promise<ActionResult<{ marked: boolean }>> => {
  const result = await markThreadRead(user, data.threadId, new Date(data.seenUntil));
  if (!result) return fail("errors.notFound");
  if (result.marked) revalidatePath("/[locale]", "layout");
  return ok(result);
});

export async function markThreadReadAction(input: unknown): Promise<ActionResult<{ marked: boolean }>> {
  return run(input);
}
