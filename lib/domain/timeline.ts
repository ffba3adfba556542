// The "Mijn kind" timeline as one stream (domain.md "Timeline, diary, photos", seed 002 §3): diary
// entries and photos, newest first, ordered by (createdAt, id) descending across both tables.
//
// Keyset pagination: a page is the rows strictly older than the cursor, the cursor being the key of the
// last row the previous page used. Rows written later are newer than any cursor, so paging on never
// shows a row twice or skips one, whatever is added meanwhile (no OFFSET).
//
// Photos that are not part of a diary entry are shown as series: the photos of one group uploaded on
// one day (in Amsterdam) form one item, placed at its newest photo. A series can be longer than a page
// allows; the next page then carries its older photos under the same series key and
// appendTimelinePage() adds them to the item already shown, so paging gives exactly the list that one
// long page would have given.
//
// Plain TypeScript, no Prisma or Next: lib/db/timeline.ts loads the rows, the client appends pages.

import type { IsoDate } from "./types";

export interface TimelineKey {
  /** ISO instant with milliseconds (PostgreSQL timestamp(3)). */
  createdAt: string;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Newer first: negative when `a` comes before `b` in the timeline. */
export function compareTimelineKeys(a: TimelineKey, b: TimelineKey): number {
  const ta = Date.parse(a.createdAt);
  const tb = Date.parse(b.createdAt);
  if (ta !== tb) return tb - ta;
  return a.id === b.id ? 0 : a.id < b.id ? 1 : -1;
}

/** The cursor as an opaque URL-safe string ("<epoch ms>.<uuid>"), for a query parameter or an action. */
export function encodeTimelineCursor(key: TimelineKey): string {
  return `${Date.parse(key.createdAt)}.${key.id.toLowerCase()}`;
}

/** The key in a cursor, or null when it is not one (tampered, truncated). */
export function decodeTimelineCursor(cursor: unknown): TimelineKey | null {
  if (typeof cursor !== "string" || cursor.length > 64) return null;
  const m = /^(\d{1,15})\.([0-9a-f-]{36})$/i.exec(cursor);
  if (!m || !UUID.test(m[2]!)) return null;
  const ms = Number(m[1]);
  const date = new Date(ms);
  if (!Number.isSafeInteger(ms) || Number.isNaN(date.getTime())) return null;
  return { createdAt: date.toISOString(), id: m[2]!.toLowerCase() };
}

/** The series a loose photo belongs to: its group and the Amsterdam day it was uploaded. */
export function photoSeriesKey(groupId: string, uploadDay: IsoDate): string {
  return `${groupId}:${uploadDay}`;
}

export interface EntryRow<E> extends TimelineKey {
  entry: E;
}

export interface PhotoRow<P> extends TimelineKey {
  seriesKey: string;
  photo: P;
}

export type AssembledItem<E, P> =
  | { kind: "DIARY"; key: TimelineKey; entry: E }
  /** `key` is the newest photo's; photos newest first. */
  | { kind: "PHOTOS"; key: TimelineKey; seriesKey: string; photos: P[] };

export interface AssembledPage<E, P> {
  items: AssembledItem<E, P>[];
  /** Key of the last row used; null when the stream ended on this page. */
  next: TimelineKey | null;
}

/**
 * Builds one page from the newest rows of both streams, each sorted newest first and fetched with
 * `take` = limit + 1 (entries) and maxPhotos + 1 (photos), so running out of fetched rows of a stream
 * means the stream really ended. A page holds at most `limit` items and `maxPhotos` photos; a series
 * collects every photo of its group and day on this page, also after an entry in between.
 */
export function assembleTimelinePage<E, P>(
  entries: readonly EntryRow<E>[],
  photos: readonly PhotoRow<P>[],
  limit: number,
  maxPhotos: number,
): AssembledPage<E, P> {
  const items: AssembledItem<E, P>[] = [];
  const series = new Map<string, Extract<AssembledItem<E, P>, { kind: "PHOTOS" }>>();
  let e = 0;
  let p = 0;
  let photosUsed = 0;
  let last: TimelineKey | null = null;
  while (e < entries.length || p < photos.length) {
    const entry = entries[e];
    const photo = photos[p];
    const takeEntry = entry !== undefined && (photo === undefined || compareTimelineKeys(entry, photo) < 0);
    if (takeEntry) {
      if (items.length >= limit) return { items, next: last };
      items.push({ kind: "DIARY", key: { createdAt: entry.createdAt, id: entry.id }, entry: entry.entry });
      last = { createdAt: entry.createdAt, id: entry.id };
      e++;
    } else {
      const row = photo!;
      if (photosUsed >= maxPhotos) return { items, next: last };
      const open = series.get(row.seriesKey);
      if (open) {
        open.photos.push(row.photo);
      } else {
        if (items.length >= limit) return { items, next: last };
        const item = { kind: "PHOTOS" as const, key: { createdAt: row.createdAt, id: row.id }, seriesKey: row.seriesKey, photos: [row.photo] };
        series.set(row.seriesKey, item);
        items.push(item);
      }
      photosUsed++;
      last = { createdAt: row.createdAt, id: row.id };
      p++;
    }
  }
  return { items, next: null };
}

/** What appendTimelinePage() needs to know of an item. */
export type AppendableItem<P> = { kind: "DIARY" } | { kind: "PHOTOS"; seriesKey: string; photos: P[] };

/**
 * The list shown so far plus the next page: a series that continues on the next page gets its older
 * photos added to the item already shown (see the top of this file); everything else is appended.
 */
export function appendTimelinePage<T extends AppendableItem<unknown>>(shown: readonly T[], next: readonly T[]): T[] {
  const result = [...shown];
  const seriesIndex = new Map<string, number>();
  result.forEach((item, i) => {
    if (item.kind === "PHOTOS") seriesIndex.set(item.seriesKey, i);
  });
  for (const item of next) {
    if (item.kind === "PHOTOS") {
      const at = seriesIndex.get(item.seriesKey);
      if (at !== undefined) {
        const existing = result[at] as Extract<T, { kind: "PHOTOS" }>;
        result[at] = { ...existing, photos: [...existing.photos, ...item.photos] };
        continue;
      }
      seriesIndex.set(item.seriesKey, result.length);
    }
    result.push(item);
  }
  return result;
}
