"use server";

import { STAFF_ROLES } from "@/lib/auth/types";
import { getTimelinePage, type TimelinePage } from "@/lib/db/timeline";
import { staffTimelinePageSchema } from "@/lib/schemas/staff-timeline";
import { authedAction, ok, type ActionResult } from "../safe-action";

// The next page of a staff timeline (app/[locale]/staff/children/[childId], the group page) for the
// infinite scroll and "Meer laden": staff only; read-only and scoped by lib/db/timeline.ts (a child or
// group not theirs gives an empty page, as does a tampered cursor).
const run = authedAction(
  staffTimelinePageSchema,
  async (data, user): Promise<ActionResult<TimelinePage>> => {
    return ok(await getTimelinePage(user, { cursor: data.cursor, childId: data.childId ?? null, groupId: data.groupId ?? null }));
  },
  { roles: STAFF_ROLES },
);

export async function loadStaffTimelinePageAction(input: unknown): Promise<ActionResult<TimelinePage>> {
  return run(input);
}
