// "Mijn kind" and the diary against a real PostgreSQL: the timeline's order and keyset pagination
// (also while entries and photos arrive), the child filter, who reads a child's diary (both guardians,
// the group's staff, nobody else), and writing entries: the writer's own children or group only, the
// post-contract window, the day, the notification to the guardians and one entry per double submit.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/types";
import { createAuthedAction } from "@/lib/actions/safe-action";
import { db } from "@/lib/db/client";
import { createDiaryEntry, listDiaryChildren } from "@/lib/db/diary";
import { getDiaryEntry, getTimelinePage } from "@/lib/db/timeline";
import { addDays } from "@/lib/domain/dates";
import { amsterdamIsoDate } from "@/lib/format/date";
import { diaryEntrySchema } from "@/lib/schemas/diary";
import { allPages, child, entry, ids, minutesAgo, organisation, photo, TODAY, user } from "./timeline-fixtures";

interface World {
  orgId: string;
  dolfijnen: string;
  zeesterren: string;
  /** Family De Boer: Noor (Dolfijnen), Sem (Zeesterren); guardian 1 and 2. */
  laura: SessionUser;
  thomas: SessionUser;
  noor: string;
  sem: string;
  /** Family Van den Berg: Julia (Dolfijnen). */
  mark: SessionUser;
  julia: string;
  /** Family Meijer: Mila, whose Dolfijnen placement ended 10 days ago; Finn, ended 20 days ago; Bo, 70 days ago. */
  anouk: SessionUser;
  mila: string;
  finn: string;
  bo: string;
  sanne: SessionUser; // staff Dolfijnen
  fatima: SessionUser; // staff Zeesterren
  planner: SessionUser; // no group
}

let w: World;
const noorEntries: string[] = [];
const semEntries: string[] = [];
let juliaEntry: string;
let groupPhoto: string;
let noorPhoto: string;
let semPhoto: string;
let juliaPhoto: string;
let attachedPhoto: string;

beforeAll(async () => {
  const { org, dolfijnen, zeesterren } = await organisation();
  const deBoer = (await db.family.create({ data: { organisationId: org.id, name: "De Boer" } })).id;
  const vdBerg = (await db.family.create({ data: { organisationId: org.id, name: "Van den Berg" } })).id;
  const meijer = (await db.family.create({ data: { organisationId: org.id, name: "Meijer" } })).id;
  w = {
    orgId: org.id,
    dolfijnen,
    zeesterren,
    laura: await user(org.id, "PARENT", "Laura de Boer", deBoer, 1),
    thomas: await user(org.id, "PARENT", "Thomas de Boer", deBoer, 2),
    noor: await child(deBoer, "Noor", dolfijnen, -300, null),
    sem: await child(deBoer, "Sem", zeesterren, -300, null),
    mark: await user(org.id, "PARENT", "Mark van den Berg", vdBerg, 1),
    julia: await child(vdBerg, "Julia", dolfijnen, -300, null),
    anouk: await user(org.id, "PARENT", "Anouk Meijer", meijer, 1),
    mila: await child(meijer, "Mila", dolfijnen, -300, -10),
    finn: await child(meijer, "Finn", dolfijnen, -300, -20),
    bo: await child(meijer, "Bo", dolfijnen, -400, -70),
    sanne: await user(org.id, "STAFF", "Sanne de Vries", null, null, [dolfijnen]),
    fatima: await user(org.id, "STAFF", "Fatima El Amrani", null, null, [zeesterren]),
    planner: await user(org.id, "PLANNER", "Marieke Jansen", null, null),
  };

  // 12 entries for Noor and 12 for Sem over the last hours, two pairs at the very same instant (the id
  // decides), a group-wide photo series, photos tagged per child and one attached to an entry.
  for (let i = 0; i < 12; i++) {
    const at = minutesAgo(300 - i * 20);
    noorEntries.push(await entry(w.noor, w.sanne.id, at, `Noor ${i}`));
    semEntries.push(await entry(w.sem, i % 2 ? w.fatima.id : w.laura.id, i < 2 ? at : minutesAgo(295 - i * 20), `Sem ${i}`));
  }
  juliaEntry = await entry(w.julia, w.sanne.id, minutesAgo(100), "Julia");
  await entry(w.bo, w.sanne.id, minutesAgo(90), "Bo, long ago");
  groupPhoto = await photo({ groupId: dolfijnen, by: w.sanne.id, createdAt: minutesAgo(250), tags: [], audience: "GROUP", caption: "De nieuwe speelhoek" });
  noorPhoto = await photo({ groupId: dolfijnen, by: w.sanne.id, createdAt: minutesAgo(245), tags: [w.noor] });
  juliaPhoto = await photo({ groupId: dolfijnen, by: w.sanne.id, createdAt: minutesAgo(240), tags: [w.julia] });
  semPhoto = await photo({ groupId: zeesterren, by: w.fatima.id, createdAt: minutesAgo(150), tags: [w.sem] });
  attachedPhoto = await photo({ groupId: dolfijnen, by: w.sanne.id, createdAt: minutesAgo(200), tags: [w.noor], diaryEntryId: noorEntries[5] });
});

describe("getTimelinePage", () => {
  it("lists the family's entries and visible photos newest first, photos in series and with their entry", async () => {
    const page = await getTimelinePage(w.laura, { limit: 100 });
    expect(page.nextCursor).toBeNull();
    const diary = page.items.filter((i) => i.kind === "DIARY");
    expect(diary.map((i) => i.entry.id).sort()).toEqual([...noorEntries, ...semEntries].sort());
    // Newest first by (createdAt, id), across both kinds.
    const keys = page.items.map((i) => (i.kind === "DIARY" ? i.entry.createdAt : i.photos[0]!.createdAt));
    expect([...keys].sort().reverse()).toEqual(keys);
    // The Dolfijnen photos of one day are one series; Julia's photo is not Laura's to see.
    const series = page.items.filter((i) => i.kind === "PHOTOS");
    const dolfijnen = series.find((s) => s.group.id === w.dolfijnen)!;
    expect(dolfijnen.photos.map((p) => p.id)).toEqual([noorPhoto, groupPhoto]);
    expect(dolfijnen.childNames).toEqual(["Noor"]);
    expect(dolfijnen.day).toBe(amsterdamIsoDate(new Date(dolfijnen.photos[0]!.createdAt)));
    expect(dolfijnen.photos.find((p) => p.id === groupPhoto)).toMatchObject({ alt: "De nieuwe speelhoek", width: 1600, height: 1200, canDownload: true });
    expect(series.find((s) => s.group.id === w.zeesterren)!.photos.map((p) => p.id)).toEqual([semPhoto]);
    expect(ids(page.items)).not.toContain(juliaPhoto);
    // The attached photo is shown with its entry, not in a series.
    const withPhoto = diary.find((i) => i.entry.id === noorEntries[5])!;
    expect(withPhoto.entry.photos.map((p) => p.id)).toEqual([attachedPhoto]);
    expect(ids(page.items).filter((id) => id === attachedPhoto)).toHaveLength(1);
    expect(withPhoto.entry).toMatchObject({ child: { id: w.noor, firstName: "Noor" }, author: { name: "Sanne de Vries", isStaff: true }, date: TODAY });
    const byLaura = diary.find((i) => i.entry.id === semEntries[0])!;
    expect(byLaura.entry.author).toEqual({ name: "Laura de Boer", isStaff: false });
  });

  it("pages of 5 give the same stream as one long page, with at most 5 items each", async () => {
    const whole = await getTimelinePage(w.laura, { limit: 100 });
    const pages = await allPages(w.laura, { limit: 5 });
    expect(pages.length).toBeGreaterThan(4);
    for (const page of pages) expect(page.items.length).toBeLessThanOrEqual(5);
    expect(pages.flatMap((p) => ids(p.items))).toEqual(ids(whole.items));
  });

  it("is stable while entries and photos arrive: nothing twice, nothing skipped; the new ones top the next first page", async () => {
    const before = ids((await getTimelinePage(w.laura, { limit: 100 })).items);
    const first = await getTimelinePage(w.laura, { limit: 4 });
    const seen = ids(first.items);
    // Written while the parent scrolls.
    const fresh = await entry(w.noor, w.sanne.id, new Date(), "Net geschreven");
    const freshPhoto = await photo({ groupId: w.dolfijnen, by: w.sanne.id, createdAt: new Date(), tags: [w.noor] });
    let cursor = first.nextCursor;
    while (cursor) {
      const page = await getTimelinePage(w.laura, { limit: 4, cursor });
      seen.push(...ids(page.items));
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(before);
    const top = await getTimelinePage(w.laura, { limit: 4 });
    expect(ids(top.items).slice(0, 2).sort()).toEqual([fresh, freshPhoto].sort());
    await db.photo.delete({ where: { id: freshPhoto } });
    await db.diaryEntry.delete({ where: { id: fresh } });
  });

  it("filters per child: the child's entries, photos tagged with the child and its group's group-wide photos", async () => {
    const noor = await getTimelinePage(w.laura, { childId: w.noor, limit: 100 });
    const noorIds = ids(noor.items);
    expect(noor.items.filter((i) => i.kind === "DIARY").map((i) => i.entry.id).sort()).toEqual([...noorEntries].sort());
    expect(noorIds).toEqual(expect.arrayContaining([noorPhoto, groupPhoto, attachedPhoto]));
    expect(noorIds).not.toContain(semPhoto);
    const sem = await getTimelinePage(w.laura, { childId: w.sem, limit: 100 });
    expect(sem.items.filter((i) => i.kind === "DIARY").map((i) => i.entry.id).sort()).toEqual([...semEntries].sort());
    expect(ids(sem.items).filter((id) => !semEntries.includes(id))).toEqual([semPhoto]);
    // Paging keeps the filter.
    const paged = await allPages(w.laura, { childId: w.noor, limit: 3 });
    expect(paged.flatMap((p) => ids(p.items))).toEqual(noorIds);
  });

  it("another family sees nothing of it, also not by filtering on its child or opening an entry", async () => {
    const mark = await getTimelinePage(w.mark, { limit: 100 });
    expect(ids(mark.items).sort()).toEqual([juliaEntry, juliaPhoto, groupPhoto].sort());
    expect(await getTimelinePage(w.mark, { childId: w.noor, limit: 100 })).toEqual({ items: [], nextCursor: null });
    expect(await getDiaryEntry(w.mark, noorEntries[0]!)).toBeNull();
    expect(await getDiaryEntry(w.laura, juliaEntry)).toBeNull();
    expect(await getDiaryEntry(w.laura, "not-a-uuid")).toBeNull();
    expect(await getDiaryEntry(w.laura, randomUUID())).toBeNull();
  });

  it("guardian 2 reads the diary like guardian 1 (documents are the rank-1 thing, not the diary)", async () => {
    expect(ids((await getTimelinePage(w.thomas, { limit: 100 })).items)).toEqual(ids((await getTimelinePage(w.laura, { limit: 100 })).items));
    expect((await getDiaryEntry(w.thomas, noorEntries[3]!))?.body).toBe("Noor 3");
  });

  it("staff read the entries of their group's children only; a planner outside the group reads none", async () => {
    const sanne = await getTimelinePage(w.sanne, { limit: 100 });
    const sanneEntries = sanne.items.filter((i) => i.kind === "DIARY").map((i) => i.entry.child.firstName);
    expect(new Set(sanneEntries)).toEqual(new Set(["Noor", "Julia"]));
    expect(await getDiaryEntry(w.sanne, semEntries[0]!)).toBeNull();
    expect((await getDiaryEntry(w.fatima, semEntries[0]!))?.child.firstName).toBe("Sem");
    expect(await getDiaryEntry(w.fatima, noorEntries[0]!)).toBeNull();
    const planner = await getTimelinePage(w.planner, { limit: 100 });
    expect(planner.items.filter((i) => i.kind === "DIARY")).toEqual([]);
  });

  it("a diary stays readable for the download window after the placement ends, then not", async () => {
    const anouk = await getTimelinePage(w.anouk, { limit: 100 });
    expect(anouk.items.filter((i) => i.kind === "DIARY").map((i) => i.entry.body)).toEqual([]);
    const milaEntry = await entry(w.mila, w.sanne.id, minutesAgo(1), "Afscheid van Mila");
    const shown = await getTimelinePage(w.anouk, { limit: 100 });
    expect(shown.items.filter((i) => i.kind === "DIARY").map((i) => i.entry.id)).toEqual([milaEntry]);
    // Bo's placement ended 70 days ago: beyond the 56 days.
    expect(shown.items.some((i) => i.kind === "DIARY" && i.entry.child.id === w.bo)).toBe(false);
    expect(await getTimelinePage(w.anouk, { childId: w.bo, limit: 100 })).toEqual({ items: [], nextCursor: null });
  });

  it("a tampered cursor gives an empty page", async () => {
    expect(await getTimelinePage(w.laura, { cursor: "nonsense" })).toEqual({ items: [], nextCursor: null });
  });
});

describe("createDiaryEntry", () => {
  const input = (childId: string, extra: Record<string, unknown> = {}) =>
    diaryEntrySchema.parse({ childId, date: TODAY, body: "  Vandaag een mooie toren gebouwd.  ", idempotencyKey: randomUUID(), ...extra });
  const notificationsOf = (userId: string) => db.notification.findMany({ where: { userId, event: "NEW_DIARY_ENTRY" }, orderBy: { createdAt: "asc" } });

  it("a parent writes for their own child; it tops the timeline of both guardians, without notifying them", async () => {
    const before = (await notificationsOf(w.thomas.id)).length;
    const result = await createDiaryEntry(w.laura, input(w.noor));
    expect(result).toEqual({ ok: true, data: { entryId: expect.any(String), replayed: false } });
    const id = result.ok ? result.data.entryId : "";
    const row = await db.diaryEntry.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ childId: w.noor, authorId: w.laura.id, body: "Vandaag een mooie toren gebouwd." });
    for (const guardian of [w.laura, w.thomas]) {
      const top = (await getTimelinePage(guardian, { limit: 1 })).items[0]!;
      expect(top.kind === "DIARY" && top.entry.id).toBe(id);
    }
    expect((await notificationsOf(w.thomas.id)).length).toBe(before);
  });

  it("staff write for a child of their group and both guardians are notified with a link to the entry", async () => {
    const result = await createDiaryEntry(w.fatima, input(w.sem));
    if (!result.ok) throw new Error(result.code);
    for (const guardian of [w.laura, w.thomas]) {
      const last = (await notificationsOf(guardian.id)).at(-1)!;
      expect(last).toMatchObject({ url: `/diary/${result.data.entryId}`, data: { entryId: result.data.entryId, childId: w.sem, childName: "Sem", date: TODAY, authorName: "Fatima El Amrani" } });
    }
    expect((await notificationsOf(w.mark.id)).length).toBe(0);
  });

  it("another family's child or another group's child is not found, and nothing is written", async () => {
    const count = await db.diaryEntry.count();
    const notes = await db.notification.count();
    expect(await createDiaryEntry(w.mark, input(w.noor))).toEqual({ ok: false, code: "errors.notFound", field: "childId" });
    expect(await createDiaryEntry(w.fatima, input(w.noor))).toEqual({ ok: false, code: "errors.notFound", field: "childId" });
    expect(await createDiaryEntry(w.planner, input(w.noor))).toEqual({ ok: false, code: "errors.notFound", field: "childId" });
    expect(await createDiaryEntry(w.laura, input(randomUUID()))).toEqual({ ok: false, code: "errors.notFound", field: "childId" });
    expect(await db.diaryEntry.count()).toBe(count);
    expect(await db.notification.count()).toBe(notes);
  });

  it("writing stays possible for the policy's days after the placement ended, then not", async () => {
    expect((await createDiaryEntry(w.anouk, input(w.mila))).ok).toBe(true);
    expect((await createDiaryEntry(w.sanne, input(w.mila))).ok).toBe(true);
    expect(await createDiaryEntry(w.anouk, input(w.finn))).toEqual({ ok: false, code: "Diary.errors.notWritable", field: "childId" });
    expect(await createDiaryEntry(w.sanne, input(w.finn))).toEqual({ ok: false, code: "Diary.errors.notWritable", field: "childId" });
    const writable = (await listDiaryChildren(w.anouk)).map((c) => c.firstName);
    expect(writable).toEqual(["Mila"]);
    expect((await listDiaryChildren(w.sanne)).map((c) => c.firstName)).toEqual(["Julia", "Mila", "Noor"]);
    expect((await listDiaryChildren(w.sanne, { groupId: w.zeesterren })).map((c) => c.firstName)).toEqual([]);
    expect((await listDiaryChildren(w.laura)).map((c) => [c.firstName, c.groups.map((g) => g.name)])).toEqual([
      ["Noor", ["Dolfijnen"]],
      ["Sem", ["Zeesterren"]],
    ]);
  });

  it("the day may not lie in the future or more than two weeks back", async () => {
    expect(await createDiaryEntry(w.laura, input(w.noor, { date: addDays(TODAY, 1) }))).toEqual({ ok: false, code: "Diary.errors.dateFuture", field: "date" });
    expect(await createDiaryEntry(w.laura, input(w.noor, { date: addDays(TODAY, -15) }))).toEqual({ ok: false, code: "Diary.errors.dateTooOld", field: "date" });
    expect((await createDiaryEntry(w.laura, input(w.noor, { date: addDays(TODAY, -14) }))).ok).toBe(true);
  });

  it("a double submit (the same key twice, also at once) writes one entry and notifies once", async () => {
    const data = input(w.noor);
    const notes = (await notificationsOf(w.laura.id)).length;
    const [a, b] = await Promise.all([createDiaryEntry(w.sanne, data), createDiaryEntry(w.sanne, data)]);
    const again = await createDiaryEntry(w.sanne, data);
    expect([a, b, again].every((r) => r.ok)).toBe(true);
    const idsWritten = new Set([a, b, again].map((r) => (r.ok ? r.data.entryId : "")));
    expect(idsWritten.size).toBe(1);
    expect([a, b].filter((r) => r.ok && !r.data.replayed)).toHaveLength(1);
    expect(again.ok && again.data.replayed).toBe(true);
    expect(await db.diaryEntry.count({ where: { idempotencyKey: data.idempotencyKey } })).toBe(1);
    expect((await notificationsOf(w.laura.id)).length).toBe(notes + 1);
    // The same key for another child is a conflict, not a replay.
    expect(await createDiaryEntry(w.sanne, { ...data, childId: w.julia })).toEqual({ ok: false, code: "errors.conflict" });
  });

  it("the action refuses without a session and validates the input with the form's schema", async () => {
    const anonymous = createAuthedAction(async () => null)(diaryEntrySchema, async () => ({ ok: true as const, data: null }));
    expect(await anonymous({ childId: w.noor, date: TODAY, body: "x", idempotencyKey: randomUUID() })).toEqual({ ok: false, code: "errors.unauthorised" });
    const asLaura = createAuthedAction(async () => w.laura)(diaryEntrySchema, async (data, u) => {
      const r = await createDiaryEntry(u, data);
      return r.ok ? { ok: true as const, data: r.data } : { ok: false as const, code: r.code };
    });
    const count = await db.diaryEntry.count();
    expect(await asLaura({ childId: w.noor, date: TODAY, body: "   ", idempotencyKey: randomUUID() })).toMatchObject({
      ok: false,
      code: "errors.validation",
      fieldErrors: { body: ["Diary.validation.bodyRequired"] },
    });
    expect(await asLaura({ childId: "x", date: "2026-02-30", body: "a".repeat(5001), idempotencyKey: "k" })).toMatchObject({
      ok: false,
      fieldErrors: {
        childId: ["Diary.validation.childRequired"],
        date: ["Diary.validation.dateInvalid"],
        body: ["Diary.validation.bodyTooLong"],
        idempotencyKey: ["Diary.validation.idempotencyKey"],
      },
    });
    expect(await db.diaryEntry.count()).toBe(count);
  });
});
