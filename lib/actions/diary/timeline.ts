"use server";

import { getTimelinePage, type TimelinePage } from "@/lib/db/timeline";
import { timelinePageSchema } from "@/lib/schemas/diary";
import { authedAction, ok, type ActionResult } from "../safe-action";

// The next page of "Mijn kind" for the infinite scroll and the "Meer laden" button: read-only, scoped
// by lib/db/timeline.ts to what the signed-in user may see (a child filter of another family gives
// nothing, a tampered cursor an empty page).
const run = authedAction(timelinePageSchema, async (data, user): Promise<ActionResult<TimelinePage>> => {
  return ok(await getTimelinePage(user, { cursor: data.cursor, childId: data.childId ?? null }));
});

export async function loadTimelinePageAction(input: unknown): Promise<ActionResult<TimelinePage>> {
  return run(input);
}
