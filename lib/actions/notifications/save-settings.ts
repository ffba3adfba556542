"use server";

import { revalidatePath } from "next/cache";
import { saveNotificationSettings } from "@/lib/notify/preferences";
import { notificationSettingsSchema } from "@/lib/schemas/notification-settings";
import { authedAction, fail, ok, type ActionResult } from "../safe-action";

// "Notificaties" (seed 002 §7.3): the signed-in user's own switches per event and quiet hours, for
// parents and staff alike. Only the events the user's role is notified about can be set; anything else
// refuses the whole save. An upsert per event: a double click stores the same state once.
const run = authedAction(notificationSettingsSchema, async (data, user): Promise<ActionResult<{ saved: true }>> => {
  const result = await saveNotificationSettings(user, data);
  if (!result.ok) return fail(result.code);
  revalidatePath(user.role === "PARENT" ? "/[locale]/(parent)/more/notifications" : "/[locale]/staff/settings/notifications", "page");
  return ok({ saved: true });
});

export async function saveNotificationSettingsAction(input: unknown): Promise<ActionResult<{ saved: true }>> {
  return run(input);
}
