"use server";

import { revalidatePath } from "next/cache";
import { createDiaryEntry, type DiaryEntryWritten } from "@/lib/db/diary";
import { diaryEntrySchema } from "@/lib/schemas/diary";
import { authedAction, fail, ok, type ActionResult } from "../safe-action";

// "Dagboek schrijven" for parents (their own children) and staff (children of their groups). The form
// sends diaryEntrySchema's input with a fresh idempotencyKey per entry (a double click is one entry);
// lib/db/diary.ts checks the child on the server: another family's or group's child is not found and
// nothing is written.
const run = authedAction(diaryEntrySchema, async (data, user): Promise<ActionResult<DiaryEntryWritten>> => {
  const result = await createDiaryEntry(user, data);
  if (!result.ok) return fail(result.code, result.field ? { [result.field]: [result.code] } : undefined);
  // The timeline ("Mijn kind") and the entry pages show the new entry.
  revalidatePath("/[locale]/(parent)", "layout");
  return ok(result.data);
});

export async function createDiaryEntryAction(input: unknown): Promise<ActionResult<DiaryEntryWritten>> {
  return run(input);
}
