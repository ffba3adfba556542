// Who may write and read a child's diary, and for which day. domain.md "Timeline, diary, photos",
// "Privacy" and "My location, account"; seed 003 "Privacy en toestemming" and "Bewaren Dagboek".
//
// - A child's diary is visible only to its guardians (rank 1 and 2 alike: documents are the rank-1
//   thing, not the diary) and to the staff of the groups the child is placed in.
// - Writing needs a placement that has started and has not ended, or ended at most
//   `diaryWritableDaysAfterEnd` days ago ("diary and photos can still be written for 2 weeks").
// - Reading stays possible while a placement has not ended, or ended at most `downloadDaysAfterEnd`
//   days ago ("na beëindiging van het opvangcontract heb je nog 6 weken toegang"), the same window the
//   photos use (lib/domain/photo-visibility.ts).
// - An entry is about a day: not in the future, and at most DIARY_MAX_DAYS_BACK days ago (a daily
//   report is written on the day or shortly after, not months later).

import { addDays, compareIsoDates } from "./dates";
import type { IsoDate } from "./types";

/** How many days back the day an entry is about may lie. */
export const DIARY_MAX_DAYS_BACK = 14;

export interface DiaryPlacement {
  startDate: IsoDate;
  /** null = open-ended */
  endDate: IsoDate | null;
}

/** True when the placement has not ended by `today`, or ended at most `daysAfterEnd` days before it. */
function withinWindow(p: DiaryPlacement, today: IsoDate, daysAfterEnd: number): boolean {
  return p.endDate === null || compareIsoDates(today, addDays(p.endDate, Math.max(0, daysAfterEnd))) <= 0;
}

/** May a guardian or the group's staff write in the diary of a child with these placements today? */
export function canWriteDiary(placements: readonly DiaryPlacement[], today: IsoDate, writableDaysAfterEnd: number): boolean {
  return placements.some((p) => compareIsoDates(p.startDate, today) <= 0 && withinWindow(p, today, writableDaysAfterEnd));
}

/** May the child's guardians (or the group's staff) still read the diary today? */
export function canReadDiary(placements: readonly DiaryPlacement[], today: IsoDate, readableDaysAfterEnd: number): boolean {
  return placements.some((p) => withinWindow(p, today, readableDaysAfterEnd));
}

/**
 * The earliest end date a placement may have for its child's diary to be readable today: the same
 * rule as canReadDiary, as a bound for a database query (`endDate IS NULL OR endDate >= bound`).
 */
export function diaryReadableEndBound(today: IsoDate, readableDaysAfterEnd: number): IsoDate {
  return addDays(today, -Math.max(0, readableDaysAfterEnd));
}

/** Same for writing (`startDate <= today AND (endDate IS NULL OR endDate >= bound)`). */
export function diaryWritableEndBound(today: IsoDate, writableDaysAfterEnd: number): IsoDate {
  return addDays(today, -Math.max(0, writableDaysAfterEnd));
}

export type DiaryDateCheck = { ok: true } | { ok: false; code: "FUTURE" | "TOO_OLD" };

/** The day an entry is about: today or up to DIARY_MAX_DAYS_BACK days ago. */
export function checkDiaryDate(date: IsoDate, today: IsoDate): DiaryDateCheck {
  if (compareIsoDates(date, today) > 0) return { ok: false, code: "FUTURE" };
  if (compareIsoDates(date, addDays(today, -DIARY_MAX_DAYS_BACK)) < 0) return { ok: false, code: "TOO_OLD" };
  return { ok: true };
}

/** The first lines of an entry for the timeline: at most `maxLines` lines and `maxChars` characters, cut at a word, "…" when cut. */
export function diaryExcerpt(body: string, maxChars = 280, maxLines = 4): { text: string; truncated: boolean } {
  const full = body.trim().replace(/\r\n?/g, "\n");
  const lines = full.split("\n");
  let text = lines.length > maxLines ? lines.slice(0, maxLines).join("\n").trimEnd() : full;
  if (text.length > maxChars) {
    const cut = text.slice(0, maxChars);
    const lastSpace = cut.search(/\s\S*$/);
    text = lastSpace > maxChars * 0.6 ? cut.slice(0, lastSpace) : cut;
  }
  if (text === full) return { text, truncated: false };
  return { text: `${text.replace(/[\s.,;:!?-]+$/, "")}…`, truncated: true };
}
