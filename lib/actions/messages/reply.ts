"use server";

import { revalidatePath } from "next/cache";
import { sendReply, type MessageSent } from "@/lib/db/messages";
import { replySchema } from "@/lib/schemas/messages";
import { authedAction, fail, ok, type ActionResult } from "../safe-action";

// "Reageren" (seed 003): an answer in a thread, by a guardian of the thread's family or by staff of its
// group (lib/db/messages.ts checks the very thread; any other id is "not found" and nothing is written).
// The reply box sends a fresh clientKey per message, so a double click is one message.
const run = authedAction(replySchema, async (data, user): Promise<ActionResult<MessageSent>> => {
  const result = await sendReply(user, data);
  if (!result.ok) return fail(result.code, result.field ? { [result.field]: [result.code] } : undefined);
  // The thread page, the lists and the menu's unread numbers.
  revalidatePath("/[locale]", "layout");
  return ok(result.data);
});

export async function replyAction(input: unknown): Promise<ActionResult<MessageSent>> {
  return run(input);
}
