import { describe, expect, it } from "vitest";
import {
  appendTimelinePage,
  assembleTimelinePage,
  compareTimelineKeys,
  decodeTimelineCursor,
  encodeTimelineCursor,
  photoSeriesKey,
  type AssembledPage,
  type EntryRow,
  type PhotoRow,
  type TimelineKey,
} from "./timeline";

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 8, minute)).toISOString();
const entry = (n: number, minute: number): EntryRow<string> => ({ createdAt: at(minute), id: id(n), entry: `e${n}` });
const photo = (n: number, minute: number, series: string): PhotoRow<string> => ({ createdAt: at(minute), id: id(n), seriesKey: series, photo: `p${n}` });
const byKey = <T extends TimelineKey>(rows: T[]) => [...rows].sort(compareTimelineKeys);

/** Pages through the whole stream the way lib/db/timeline.ts does: rows older than the cursor, take n+1. */
function pageAll(entries: EntryRow<string>[], photos: PhotoRow<string>[], limit: number, maxPhotos: number) {
  const older = (cursor: TimelineKey | null) => <T extends TimelineKey>(r: T) => cursor === null || compareTimelineKeys(r, cursor) > 0;
  let cursor: TimelineKey | null = null;
  const pages: AssembledPage<string, string>[] = [];
  for (let guard = 0; guard < 100; guard++) {
    const e: EntryRow<string>[] = byKey(entries).filter(older(cursor)).slice(0, limit + 1);
    const p: PhotoRow<string>[] = byKey(photos).filter(older(cursor)).slice(0, maxPhotos + 1);
    const page: AssembledPage<string, string> = assembleTimelinePage(e, p, limit, maxPhotos);
    pages.push(page);
    if (!page.next) return pages;
    cursor = page.next;
  }
  throw new Error("did not end");
}

const summary = (items: { kind: string; entry?: string; photos?: string[] }[]) =>
  items.map((i) => (i.kind === "DIARY" ? i.entry : `[${i.photos!.join(",")}]`));

describe("timeline keys and cursors", () => {
  it("orders newest first, then by id descending for equal times", () => {
    const rows = [entry(1, 5), entry(3, 10), entry(2, 10)];
    expect(byKey(rows).map((r) => r.entry)).toEqual(["e3", "e2", "e1"]);
  });

  it("round-trips a cursor and rejects tampered ones", () => {
    const key = { createdAt: "2026-11-20T08:05:00.123Z", id: id(7) };
    const cursor = encodeTimelineCursor(key);
    expect(decodeTimelineCursor(cursor)).toEqual(key);
    for (const bad of ["", "abc", `${Date.now()}.not-a-uuid`, `x.${id(1)}`, `1.${id(1)}'; drop`, 42, null, `${"9".repeat(16)}.${id(1)}`]) {
      expect(decodeTimelineCursor(bad)).toBeNull();
    }
  });
});

describe("assembleTimelinePage", () => {
  it("merges entries and photos newest first and groups loose photos per series", () => {
    const a = photoSeriesKey("group-a", "2026-11-20");
    const b = photoSeriesKey("group-b", "2026-11-20");
    const page = assembleTimelinePage(
      byKey([entry(1, 50), entry(2, 20)]),
      byKey([photo(10, 40, a), photo(11, 30, b), photo(12, 10, a), photo(13, 5, b)]),
      20,
      100,
    );
    expect(summary(page.items)).toEqual(["e1", "[p10,p12]", "[p11,p13]", "e2"]);
    expect(page.items[1]!.key).toEqual({ createdAt: at(40), id: id(10) });
    expect(page.next).toBeNull();
  });

  it("stops at the item limit and resumes after the last row used", () => {
    const entries = Array.from({ length: 7 }, (_, i) => entry(i + 1, 60 - i));
    const pages = pageAll(entries, [], 3, 10);
    expect(pages.map((p) => summary(p.items))).toEqual([["e1", "e2", "e3"], ["e4", "e5", "e6"], ["e7"]]);
  });

  it("a series cut by the photo limit continues on the next page and is merged into the item shown", () => {
    const s = photoSeriesKey("g", "2026-11-20");
    const photos = Array.from({ length: 5 }, (_, i) => photo(i + 10, 50 - i, s));
    const pages = pageAll([entry(1, 55), entry(2, 40)], photos, 20, 2);
    expect(pages.map((p) => summary(p.items))).toEqual([["e1", "[p10,p11]"], ["[p12,p13]"], ["[p14]", "e2"]]);
    const all = pages.reduce((shown, page) => appendTimelinePage(shown, page.items), [] as (typeof pages)[number]["items"]);
    const onePage = assembleTimelinePage(byKey([entry(1, 55), entry(2, 40)]), byKey(photos), 20, 100).items;
    expect(summary(all)).toEqual(summary(onePage));
    expect(summary(all)).toEqual(["e1", "[p10,p11,p12,p13,p14]", "e2"]);
  });

  it("pages of any size give exactly the one-page list: every row once, in order", () => {
    const series = ["a", "b", "c"].map((g) => photoSeriesKey(g, "2026-11-20"));
    const entries = Array.from({ length: 9 }, (_, i) => entry(i + 1, 7 * i + 3));
    const photos = Array.from({ length: 14 }, (_, i) => photo(i + 100, 5 * i + 1, series[i % 3]!));
    const onePage = summary(assembleTimelinePage(byKey(entries), byKey(photos), 1000, 1000).items);
    for (const limit of [1, 2, 3, 5, 8]) {
      for (const maxPhotos of [1, 2, 4, 50]) {
        const pages = pageAll(entries, photos, limit, maxPhotos);
        for (const page of pages) expect(page.items.length).toBeLessThanOrEqual(limit);
        const all = pages.reduce((shown, page) => appendTimelinePage(shown, page.items), [] as (typeof pages)[number]["items"]);
        expect(summary(all), `limit ${limit}, photos ${maxPhotos}`).toEqual(onePage);
      }
    }
  });

  it("an empty stream is one empty page", () => {
    expect(assembleTimelinePage([], [], 20, 100)).toEqual({ items: [], next: null });
  });
});
