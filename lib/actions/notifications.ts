"use server";

import { revalidatePath } from "next/cache";
import { markNotificationsRead } from "@/lib/db/notifications";
import { markNotificationsReadSchema } from "@/lib/schemas/notifications";
import { authedAction, ok, type ActionResult } from "./safe-action";

// The notification list marks what it showed as read once it is on screen (the bell's count drops).
// Only the signed-in user's own notifications are touched.
const run = authedAction(markNotificationsReadSchema, async (data, user): Promise<ActionResult<{ marked: number }>> => {
  const marked = await markNotificationsRead(user, new Date(data.seenUntil));
  if (marked > 0) revalidatePath("/[locale]", "layout");
  return ok({ marked });
});

export async function markNotificationsReadAction(input: unknown): Promise<ActionResult<{ marked: number }>> {
  return run(input);
}
