import { z } from "zod";
import { isIsoDate } from "@/lib/domain/dates";

// "Dagboek schrijven" (seed 002 §3.2): a child, the day the entry is about and the text. The same
// schema runs in the form (react-hook-form + zodResolver) and in the server action; messages are keys
// ("Diary.validation.*"). The server adds what needs the database and the clock (lib/db/diary.ts: the
// child is the writer's own or in their group, the placement window, the day not in the future).
// Photos and videos are uploaded to the saved entry by the same form (app/api/photos/upload).

export const MAX_DIARY_BODY_LENGTH = 5000;

export const diaryEntrySchema = z.object({
  childId: z.uuid({ error: "Diary.validation.childRequired" }),
  date: z.string({ error: "Diary.validation.dateInvalid" }).refine((v) => isIsoDate(v), { error: "Diary.validation.dateInvalid" }),
  body: z
    .string({ error: "Diary.validation.bodyRequired" })
    .trim()
    .min(1, { error: "Diary.validation.bodyRequired" })
    .max(MAX_DIARY_BODY_LENGTH, { error: "Diary.validation.bodyTooLong" }),
  idempotencyKey: z.uuid({ error: "Diary.validation.idempotencyKey" }),
});

export type DiaryEntryInput = z.input<typeof diaryEntrySchema>;
export type DiaryEntryData = z.output<typeof diaryEntrySchema>;

/** The next page of the timeline: the cursor of the page shown last and the child filter, if any. */
export const timelinePageSchema = z.object({
  cursor: z.string({ error: "errors.validation" }).min(1).max(64),
  childId: z.uuid({ error: "errors.validation" }).nullable().optional(),
});

export type TimelinePageInput = z.input<typeof timelinePageSchema>;
