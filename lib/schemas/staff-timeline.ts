import { z } from "zod";

/**
 * The next page of a staff timeline (a child of their group, or the group itself): the cursor of the
 * page shown last and the filter. lib/db/timeline.ts scopes both to what the staff member may see.
 */
export const staffTimelinePageSchema = z.object({
  cursor: z.string({ error: "errors.validation" }).min(1).max(64),
  childId: z.uuid({ error: "errors.validation" }).nullable().optional(),
  groupId: z.uuid({ error: "errors.validation" }).nullable().optional(),
});

export type StaffTimelinePageInput = z.input<typeof staffTimelinePageSchema>;
