// Messages against a real PostgreSQL (issue 5 §1): who reads and writes which thread (parents: their
// family's threads, both guardians; staff: the threads of their groups by membership, planners too),
// unread counts per thread, per group and for the menu including the rule that a message arriving
// between showing and marking stays unread, double submits with the same client key (one after the
// other and at the same moment), a message to all families of a group (one thread per family), and the
// NEW_MESSAGE notifications (everyone on the thread but the author; colleagues not for each other).
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createAuthedAction } from "@/lib/actions/safe-action";
import { STAFF_ROLES, type SessionUser } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import {
  countUnreadFamilyThreads,
  countUnreadStaffThreads,
  countUnreadStaffThreadsByGroup,
  countUnreadThreads,
  getThread,
  listFamilyThreads,
  listParentMessageChildren,
  listStaffMessageGroups,
  listStaffThreads,
  markThreadRead,
  sendReply,
  startFamilyThread,
  startStaffThreads,
} from "@/lib/db/messages";
import { addDays } from "@/lib/domain/dates";
import { amsterdamIsoDate, parseIsoDate } from "@/lib/format/date";
import { replySchema, startStaffThreadSchema, startThreadSchema } from "@/lib/schemas/messages";

const TODAY = amsterdamIsoDate(new Date());
const day = (offset: number) => parseIsoDate(addDays(TODAY, offset));
// Message times: a fixed past hour plus a step per message, so their order never depends on the clock.
const BASE = Date.now() - 6 * 3_600_000;
let tick = 0;
const next = () => new Date(BASE + ++tick * 60_000);

let n = 0;
async function user(orgId: string, role: SessionUser["role"], name: string, family: { id: string; rank: 1 | 2 } | null, groupIds: string[] = []) {
  const email = `m${++n}-${randomUUID().slice(0, 6)}@example.test`;
  const row = await db.user.create({ data: { organisationId: orgId, email, name, role } });
  if (family) await db.guardian.create({ data: { familyId: family.id, userId: row.id, rank: family.rank } });
  for (const groupId of groupIds) await db.staffMembership.create({ data: { userId: row.id, groupId } });
  return {
    id: row.id,
    email,
    name,
    role,
    organisationId: orgId,
    locale: "nl",
    familyId: family?.id ?? null,
    guardianRank: family?.rank ?? null,
    groupIds,
  } satisfies SessionUser;
}

async function child(familyId: string, firstName: string, placements: { groupId: string; start: number; end: number | null }[]) {
  const c = await db.child.create({ data: { familyId, firstName, lastName: "Test", birthDate: parseIsoDate("2023-03-01") } });
  for (const p of placements) {
    await db.placement.create({
      data: { childId: c.id, groupId: p.groupId, startDate: day(p.start), endDate: p.end === null ? null : day(p.end), contractType: "FIXED", hourlyRateCents: 1000 },
    });
  }
  return c.id;
}

interface World {
  x: string; // Dolfijnen
  y: string; // Zeesterren
  familyA: string;
  familyB: string;
  laura: SessionUser; // A, guardian 1
  thomas: SessionUser; // A, guardian 2
  jeroen: SessionUser; // B
  elif: SessionUser; // C
  anouk: SessionUser; // D
  noor: string; // A, in X
  sem: string; // A, in X and Y
  tess: string; // B, in X
  zeynep: string; // C, in Y
  mila: string; // D, X placement ended
  sanne: SessionUser; // staff of X
  fatima: SessionUser; // staff of Y
  joyce: SessionUser; // staff of X and Y
  planner: SessionUser; // planner, no group
  plannerX: SessionUser; // planner and member of X
  outsider: SessionUser; // staff of another organisation's group
  milaThread: string;
}

let w: World;

beforeAll(async () => {
  const org = await db.organisation.create({ data: { name: "Opvang", slug: `opvang-${randomUUID().slice(0, 8)}` } });
  const location = await db.location.create({ data: { organisationId: org.id, name: "Centrum" } });
  const x = (await db.group.create({ data: { locationId: location.id, name: "Dolfijnen", type: "KDV" } })).id;
  const y = (await db.group.create({ data: { locationId: location.id, name: "Zeesterren", type: "KDV" } })).id;
  const family = async (name: string) => (await db.family.create({ data: { organisationId: org.id, name } })).id;
  const [familyA, familyB, familyC, familyD] = [await family("De Boer"), await family("Bos"), await family("Kaya"), await family("Meijer")];

  const otherOrg = await db.organisation.create({ data: { name: "Elders", slug: `elders-${randomUUID().slice(0, 8)}` } });
  const otherLocation = await db.location.create({ data: { organisationId: otherOrg.id, name: "Elders" } });
  const otherGroup = (await db.group.create({ data: { locationId: otherLocation.id, name: "Elders", type: "KDV" } })).id;

  w = {
    x,
    y,
    familyA,
    familyB,
    laura: await user(org.id, "PARENT", "Laura de Boer", { id: familyA, rank: 1 }),
    thomas: await user(org.id, "PARENT", "Thomas de Boer", { id: familyA, rank: 2 }),
    jeroen: await user(org.id, "PARENT", "Jeroen Bos", { id: familyB, rank: 1 }),
    elif: await user(org.id, "PARENT", "Elif Kaya", { id: familyC, rank: 1 }),
    anouk: await user(org.id, "PARENT", "Anouk Meijer", { id: familyD, rank: 1 }),
    noor: await child(familyA, "Noor", [{ groupId: x, start: -60, end: null }]),
    sem: await child(familyA, "Sem", [
      { groupId: x, start: -60, end: null },
      { groupId: y, start: -30, end: 90 },
    ]),
    tess: await child(familyB, "Tess", [{ groupId: x, start: -10, end: null }]),
    zeynep: await child(familyC, "Zeynep", [{ groupId: y, start: -100, end: null }]),
    mila: await child(familyD, "Mila", [{ groupId: x, start: -300, end: -3 }]),
    sanne: await user(org.id, "STAFF", "Sanne", null, [x]),
    fatima: await user(org.id, "STAFF", "Fatima", null, [y]),
    joyce: await user(org.id, "STAFF", "Joyce", null, [x, y]),
    planner: await user(org.id, "PLANNER", "Peter Planner", null),
    plannerX: await user(org.id, "ADMIN", "Anna Admin", null, [x]),
    outsider: await user(otherOrg.id, "STAFF", "Buiten", null, [otherGroup]),
    milaThread: "",
  };
  // A thread from before Mila's placement ended: it stays readable, but is closed for answers.
  const at = next();
  w.milaThread = (
    await db.messageThread.create({
      data: {
        familyId: familyD,
        groupId: x,
        childId: w.mila,
        subject: "Nieuwe slaapzak",
        startedById: w.sanne.id,
        createdAt: at,
        lastMessageAt: at,
        messages: { create: { authorId: w.sanne.id, body: "Kun je een nieuwe slaapzak meegeven?", createdAt: at } },
        reads: { create: [{ userId: w.sanne.id, lastReadAt: at }, { userId: w.anouk.id, lastReadAt: at }] },
      },
    })
  ).id;
});

const key = () => randomUUID();

async function newFamilyThread(by: SessionUser, childId: string, groupId: string, subject = "Slaapje van Noor", body = "Noor heeft slecht geslapen.") {
  const result = await startFamilyThread(by, { childId, groupId, subject, body, clientKey: key() }, next());
  if (!result.ok) throw new Error(result.code);
  return result.data.threadId!;
}

async function reply(by: SessionUser, threadId: string, body = "Dank je wel!", at = next()) {
  const result = await sendReply(by, { threadId, body, clientKey: key() }, at);
  if (!result.ok) throw new Error(result.code);
  return result.data.messageId;
}

async function notificationsOf(threadId: string) {
  return db.notification.findMany({ where: { event: "NEW_MESSAGE", data: { path: ["threadId"], equals: threadId } }, orderBy: { createdAt: "asc" } });
}

describe("choices for a new message", () => {
  it("a parent can write about children placed today, with their current groups", async () => {
    const children = await listParentMessageChildren(w.laura);
    expect(children.map((c) => [c.firstName, c.groups.map((g) => g.name).sort()])).toEqual([
      ["Noor", ["Dolfijnen"]],
      ["Sem", ["Dolfijnen", "Zeesterren"]],
    ]);
    expect(await listParentMessageChildren(w.anouk)).toEqual([]);
    expect(await listParentMessageChildren(w.sanne)).toEqual([]);
  });

  it("staff choose among their own groups and the children placed in them today", async () => {
    const groups = await listStaffMessageGroups(w.joyce);
    expect(groups.map((g) => [g.name, g.children.map((c) => c.firstName), g.familyCount])).toEqual([
      ["Dolfijnen", ["Noor", "Sem", "Tess"], 2],
      ["Zeesterren", ["Sem", "Zeynep"], 2],
    ]);
    expect((await listStaffMessageGroups(w.sanne)).map((g) => g.name)).toEqual(["Dolfijnen"]);
    expect(await listStaffMessageGroups(w.planner)).toEqual([]);
    expect(await listStaffMessageGroups(w.laura)).toEqual([]);
  });
});

describe("a parent starts a thread", () => {
  it("writes the thread and its first message, read by the author, and tells the others", async () => {
    const at = next();
    const result = await startFamilyThread(w.laura, { childId: w.noor, groupId: w.x, subject: "Slaapje", body: "Noor sliep slecht.", clientKey: key() }, at);
    expect(result.ok).toBe(true);
    const threadId = result.ok ? result.data.threadId! : "";
    const thread = await db.messageThread.findUniqueOrThrow({ where: { id: threadId }, include: { messages: true, reads: true } });
    expect(thread).toMatchObject({ familyId: w.familyA, groupId: w.x, childId: w.noor, subject: "Slaapje", startedById: w.laura.id, broadcastId: null });
    expect(thread.lastMessageAt).toEqual(at);
    expect(thread.messages.map((m) => [m.authorId, m.body])).toEqual([[w.laura.id, "Noor sliep slecht."]]);
    expect(thread.reads.map((r) => [r.userId, r.lastReadAt])).toEqual([[w.laura.id, at]]);

    const notes = await notificationsOf(threadId);
    const byUser = new Map(notes.map((note) => [note.userId, note]));
    // The group's staff (planner-admin included, as a member) and the other guardian; not the author,
    // not staff of another group, not a planner without the group.
    expect([...byUser.keys()].sort()).toEqual([w.sanne.id, w.joyce.id, w.plannerX.id, w.thomas.id].sort());
    expect(notes).toHaveLength(4);
    expect(byUser.get(w.thomas.id)!.url).toBe(`/messages/${threadId}`);
    expect(byUser.get(w.sanne.id)!.url).toBe(`/staff/messages/${threadId}`);
    expect(byUser.get(w.sanne.id)!.data).toEqual({
      threadId,
      subject: "Slaapje",
      childFirstName: "Noor",
      groupName: "Dolfijnen",
      authorName: "Laura de Boer",
      preview: "Noor sliep slecht.",
    });
  });

  it("only about an own child placed in that group today", async () => {
    const attempt = (by: SessionUser, childId: string, groupId: string) =>
      startFamilyThread(by, { childId, groupId, subject: "Vraag", body: "Een vraag.", clientKey: key() }, next());
    expect(await attempt(w.jeroen, w.noor, w.x)).toEqual({ ok: false, code: "errors.notFound", field: "childId" });
    expect(await attempt(w.laura, w.noor, w.y)).toEqual({ ok: false, code: "Messages.errors.groupNotCurrent", field: "groupId" });
    expect(await attempt(w.anouk, w.mila, w.x)).toEqual({ ok: false, code: "errors.notFound", field: "childId" });
    expect(await attempt(w.sanne, w.noor, w.x)).toEqual({ ok: false, code: "errors.forbidden" });
    const semInY = await attempt(w.laura, w.sem, w.y);
    expect(semInY.ok).toBe(true);
    const before = await db.messageThread.count();
    expect(before).toBeGreaterThan(0);
  });

  it("through the action: bad input gives translated field errors and writes nothing; staff may not use it", async () => {
    const threads = await db.messageThread.count();
    const messages = await db.message.count();
    const run = createAuthedAction(async () => w.laura)(startThreadSchema, (data, u) => startFamilyThread(u, data, next()), { roles: ["PARENT"] });
    const result = await run({ childId: w.noor, groupId: w.x, subject: "", body: "x".repeat(5001), clientKey: key() });
    expect(result).toEqual({
      ok: false,
      code: "errors.validation",
      fieldErrors: { subject: ["Messages.validation.subjectRequired"], body: ["Messages.validation.bodyTooLong"] },
    });
    const asStaff = createAuthedAction(async () => w.sanne)(startThreadSchema, (data, u) => startFamilyThread(u, data, next()), { roles: ["PARENT"] });
    expect(await asStaff({ childId: w.noor, groupId: w.x, subject: "Hoi", body: "Hoi", clientKey: key() })).toEqual({ ok: false, code: "errors.forbidden" });
    const noSession = createAuthedAction(async () => null)(startThreadSchema, (data, u) => startFamilyThread(u, data, next()));
    expect(await noSession({ childId: w.noor, groupId: w.x, subject: "Hoi", body: "Hoi", clientKey: key() })).toEqual({ ok: false, code: "errors.unauthorised" });
    expect(await db.messageThread.count()).toBe(threads);
    expect(await db.message.count()).toBe(messages);
  });
});

describe("who reads and answers a thread", () => {
  let threadId: string;
  beforeAll(async () => {
    threadId = await newFamilyThread(w.laura, w.noor, w.x, "Ophalen", "Opa haalt Noor vandaag op.");
  });

  it("both guardians of the family and the staff of the group; nobody else", async () => {
    for (const reader of [w.laura, w.thomas, w.sanne, w.joyce, w.plannerX]) {
      const thread = await getThread(reader, threadId);
      expect(thread?.id, reader.name).toBe(threadId);
      expect(thread!.messages.map((m) => m.body)).toEqual(["Opa haalt Noor vandaag op."]);
      expect(thread!.child?.firstName).toBe("Noor");
      expect(thread!.group.name).toBe("Dolfijnen");
    }
    for (const reader of [w.jeroen, w.elif, w.fatima, w.planner, w.outsider]) {
      expect(await getThread(reader, threadId), reader.name).toBeNull();
      expect(await markThreadRead(reader, threadId, new Date()), reader.name).toBeNull();
    }
    expect(await getThread(w.laura, "not-a-uuid")).toBeNull();
    expect(await getThread(w.laura, randomUUID())).toBeNull();
  });

  it("the lists show it only to those who may read it", async () => {
    const inList = async (page: Promise<{ threads: { id: string }[] } | null>) => ((await page)?.threads ?? []).some((t) => t.id === threadId);
    expect(await inList(listFamilyThreads(w.laura))).toBe(true);
    expect(await inList(listFamilyThreads(w.thomas))).toBe(true);
    expect(await inList(listFamilyThreads(w.jeroen))).toBe(false);
    expect(await inList(listStaffThreads(w.sanne))).toBe(true);
    expect(await inList(listStaffThreads(w.joyce, { groupId: w.x }))).toBe(true);
    expect(await inList(listStaffThreads(w.joyce, { groupId: w.y }))).toBe(false);
    expect(await inList(listStaffThreads(w.fatima))).toBe(false);
    expect(await inList(listStaffThreads(w.planner))).toBe(false);
    expect(await inList(listStaffThreads(w.plannerX))).toBe(true);
    // A group filter that is not one of theirs: the page answers 404.
    expect(await listStaffThreads(w.fatima, { groupId: w.x })).toBeNull();
    expect(await listStaffThreads(w.planner, { groupId: w.x })).toBeNull();
    expect(await listStaffThreads(w.laura)).toBeNull();
  });

  it("answers: the other guardian and the group's staff may, others get 'not found' and nothing is written", async () => {
    await reply(w.thomas, threadId, "Hij komt om vijf uur.");
    await reply(w.sanne, threadId, "Goed, dank voor het doorgeven.");
    const before = await db.message.count({ where: { threadId } });
    for (const by of [w.jeroen, w.fatima, w.planner, w.outsider]) {
      expect(await sendReply(by, { threadId, body: "Ik lees mee", clientKey: key() }, next()), by.name).toEqual({
        ok: false,
        code: "errors.notFound",
        field: "threadId",
      });
    }
    expect(await db.message.count({ where: { threadId } })).toBe(before);
    const thread = await getThread(w.laura, threadId);
    expect(thread!.messages.map((m) => [m.author.name, m.author.side, m.author.mine])).toEqual([
      ["Laura de Boer", "FAMILY", true],
      ["Thomas de Boer", "FAMILY", false],
      ["Sanne", "STAFF", false],
    ]);
  });

  it("a family whose child is no longer placed reads its thread but cannot answer", async () => {
    const thread = await getThread(w.anouk, w.milaThread);
    expect(thread?.canReply).toBe(false);
    expect(await sendReply(w.anouk, { threadId: w.milaThread, body: "Nog een vraag", clientKey: key() }, next())).toEqual({
      ok: false,
      code: "Messages.errors.closed",
    });
    // Staff of the group still can (e.g. to answer a last question).
    expect((await getThread(w.sanne, w.milaThread))?.canReply).toBe(true);
    expect((await getThread(w.laura, threadId))?.canReply).toBe(true);
  });

  it("the reply action validates first and answers 'not found' for a tampered thread id", async () => {
    const count = await db.message.count();
    const run = createAuthedAction(async () => w.jeroen)(replySchema, (data, u) => sendReply(u, data, next()));
    expect(await run({ threadId, body: "   ", clientKey: key() })).toEqual({
      ok: false,
      code: "errors.validation",
      fieldErrors: { body: ["Messages.validation.bodyRequired"] },
    });
    const tampered = await run({ threadId, body: "Hallo", clientKey: key() });
    expect(tampered).toEqual({ ok: false, code: "errors.notFound", field: "threadId" });
    expect(await db.message.count()).toBe(count);
  });
});

describe("unread", () => {
  let threadId: string;
  beforeAll(async () => {
    threadId = await newFamilyThread(w.laura, w.noor, w.x, "Zonnebrand", "Willen jullie Noor insmeren?");
  });

  const unreadIn = async (reader: SessionUser, id: string) => {
    const page = reader.role === "PARENT" ? await listFamilyThreads(reader) : await listStaffThreads(reader);
    return page!.threads.find((t) => t.id === id)?.unread;
  };

  it("counts what the other side wrote, per thread, per group and in the menu", async () => {
    const sanneBefore = await countUnreadStaffThreads(w.sanne);
    expect(await unreadIn(w.sanne, threadId)).toBe(1);
    expect(await unreadIn(w.laura, threadId)).toBe(0);
    // The other guardian did not write it: it is news for them.
    expect(await unreadIn(w.thomas, threadId)).toBe(1);

    await reply(w.sanne, threadId, "Doen we!");
    expect(await countUnreadStaffThreads(w.sanne)).toBe(sanneBefore - 1);
    expect(await unreadIn(w.sanne, threadId)).toBe(0);
    // A colleague's answer is not news for Joyce; Laura's message still is.
    expect(await unreadIn(w.joyce, threadId)).toBe(1);
    expect(await unreadIn(w.laura, threadId)).toBe(1);
    expect(await unreadIn(w.thomas, threadId)).toBe(2);

    const byGroup = await countUnreadStaffThreadsByGroup(w.joyce);
    const xThreads = await listStaffThreads(w.joyce, { groupId: w.x, limit: 100 });
    const yThreads = await listStaffThreads(w.joyce, { groupId: w.y, limit: 100 });
    expect(byGroup.get(w.x) ?? 0).toBe(xThreads!.threads.filter((t) => t.unread > 0).length);
    expect(byGroup.get(w.y) ?? 0).toBe(yThreads!.threads.filter((t) => t.unread > 0).length);
    expect(byGroup.get(w.y) ?? 0).toBeGreaterThan(0); // Laura's thread about Sem in Zeesterren
    expect(await countUnreadStaffThreads(w.joyce)).toBe((byGroup.get(w.x) ?? 0) + (byGroup.get(w.y) ?? 0));
    expect(await countUnreadThreads(w.joyce)).toBe(await countUnreadStaffThreads(w.joyce));

    const lauraThreads = await listFamilyThreads(w.laura, { limit: 100 });
    expect(await countUnreadFamilyThreads(w.laura)).toBe(lauraThreads.threads.filter((t) => t.unread > 0).length);
    expect(await countUnreadThreads(w.laura)).toBe(await countUnreadFamilyThreads(w.laura));
    expect(await countUnreadFamilyThreads(w.jeroen)).toBe(0);
    expect(await countUnreadStaffThreads(w.planner)).toBe(0);
  });

  it("opening marks read up to the newest message shown: one arriving meanwhile stays unread", async () => {
    const shown = await getThread(w.laura, threadId);
    expect(shown!.messages.filter((m) => m.unread).map((m) => m.body)).toEqual(["Doen we!"]);
    const menuBefore = await countUnreadFamilyThreads(w.laura);

    // Between rendering the page and marking it read, the staff write again.
    const lateAt = next();
    await reply(w.sanne, threadId, "En een petje graag.", lateAt);
    expect(await markThreadRead(w.laura, threadId, new Date(shown!.newestAt!))).toEqual({ marked: true });
    expect(await unreadIn(w.laura, threadId)).toBe(1);
    expect(await countUnreadFamilyThreads(w.laura)).toBe(menuBefore);
    const read = await db.threadRead.findUniqueOrThrow({ where: { threadId_userId: { threadId, userId: w.laura.id } } });
    expect(read.lastReadAt).toEqual(new Date(shown!.newestAt!));
    // Her notifications of the thread stay unread while something in it is.
    expect((await notificationsOf(threadId)).filter((x) => x.userId === w.laura.id && x.readAt === null)).toHaveLength(2);

    // The next visit shows the late one and marks all read: the menu drops by one.
    const again = await getThread(w.laura, threadId);
    expect(again!.messages.filter((m) => m.unread).map((m) => m.body)).toEqual(["En een petje graag."]);
    expect(await markThreadRead(w.laura, threadId, new Date(again!.newestAt!))).toEqual({ marked: true });
    expect(await unreadIn(w.laura, threadId)).toBe(0);
    expect(await countUnreadFamilyThreads(w.laura)).toBe(menuBefore - 1);
    expect((await notificationsOf(threadId)).filter((x) => x.userId === w.laura.id && x.readAt === null)).toHaveLength(0);
    // Thomas's read state is his own.
    expect(await unreadIn(w.thomas, threadId)).toBe(3);
  });

  it("a read mark is a message's time, never a later moment, and never moves back", async () => {
    const last = await db.message.findFirstOrThrow({ where: { threadId }, orderBy: { createdAt: "desc" } });
    // A client claiming to have seen the future only marks what exists.
    expect(await markThreadRead(w.thomas, threadId, new Date(Date.now() + 86_400_000))).toEqual({ marked: true });
    const read = await db.threadRead.findUniqueOrThrow({ where: { threadId_userId: { threadId, userId: w.thomas.id } } });
    expect(read.lastReadAt).toEqual(last.createdAt);
    expect(await markThreadRead(w.thomas, threadId, new Date(BASE))).toEqual({ marked: false });
    expect(await markThreadRead(w.thomas, threadId, last.createdAt)).toEqual({ marked: false });
    expect((await db.threadRead.findUniqueOrThrow({ where: { threadId_userId: { threadId, userId: w.thomas.id } } })).lastReadAt).toEqual(last.createdAt);
    expect(await unreadIn(w.thomas, threadId)).toBe(0);
    await reply(w.sanne, threadId, "Tot morgen!");
    expect(await unreadIn(w.thomas, threadId)).toBe(1);
  });

  it("lastMessageAt is the newest message's time and orders the lists", async () => {
    const threads = await db.messageThread.findMany({ include: { messages: true } });
    for (const thread of threads) {
      expect(thread.lastMessageAt.getTime()).toBe(Math.max(...thread.messages.map((m) => m.createdAt.getTime())));
    }
    const page = await listFamilyThreads(w.laura, { limit: 100 });
    const times = page.threads.map((t) => Date.parse(t.lastMessageAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(page.threads[0]!.id).toBe(threadId);
    expect(page.threads[0]!.lastMessage).toEqual({ preview: "Tot morgen!", authorName: "Sanne", mine: false });
  });

  it("pages through the list with a cursor", async () => {
    const all = (await listFamilyThreads(w.laura, { limit: 100 })).threads.map((t) => t.id);
    expect(all.length).toBeGreaterThanOrEqual(3);
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let guard = 0; guard < 20; guard++) {
      const page = await listFamilyThreads(w.laura, { cursor, limit: 2 });
      seen.push(...page.threads.map((t) => t.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(all);
  });
});

describe("double submits", () => {
  it("the same client key twice is one message, also at the same moment", async () => {
    const threadId = await newFamilyThread(w.jeroen, w.tess, w.x, "Tess", "Tess heeft een nieuwe knuffel mee.");
    const clientKey = key();
    const first = await sendReply(w.sanne, { threadId, body: "Leuk!", clientKey }, next());
    const second = await sendReply(w.sanne, { threadId, body: "Leuk!", clientKey }, next());
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(second.data).toEqual({ threadId, messageId: first.data.messageId, replayed: true });

    const concurrentKey = key();
    const at = next();
    const results = await Promise.all(Array.from({ length: 6 }, () => sendReply(w.jeroen, { threadId, body: "Dank!", clientKey: concurrentKey }, at)));
    expect(results.every((r) => r.ok)).toBe(true);
    const ids = new Set(results.map((r) => (r.ok ? r.data.messageId : "")));
    expect(ids.size).toBe(1);
    expect(await db.message.count({ where: { threadId } })).toBe(3);
    // One notification per recipient for that message, not one per click.
    const notes = (await notificationsOf(threadId)).filter((x) => (x.data as { preview?: string }).preview === "Dank!");
    expect(notes.map((x) => x.userId).sort()).toEqual([w.sanne.id, w.joyce.id, w.plannerX.id].sort());

    // The same key for another thread is a misuse, not a double submit.
    const other = await newFamilyThread(w.jeroen, w.tess, w.x, "Iets anders", "Een ander onderwerp.");
    expect(await sendReply(w.jeroen, { threadId: other, body: "Dank!", clientKey: concurrentKey }, next())).toEqual({ ok: false, code: "errors.conflict" });
  });

  it("the same client key for a new thread is one thread, also at the same moment", async () => {
    const before = await db.messageThread.count({ where: { familyId: w.familyB } });
    const clientKey = key();
    const input = { childId: w.tess, groupId: w.x, subject: "Verjaardag", body: "Tess trakteert vrijdag.", clientKey };
    const results = await Promise.all(Array.from({ length: 5 }, () => startFamilyThread(w.jeroen, input, next())));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(new Set(results.map((r) => (r.ok ? r.data.threadId : ""))).size).toBe(1);
    expect(results.filter((r) => r.ok && !r.data.replayed)).toHaveLength(1);
    expect(await db.messageThread.count({ where: { familyId: w.familyB } })).toBe(before + 1);
    const again = await startFamilyThread(w.jeroen, input, next());
    expect(again.ok && again.data.replayed).toBe(true);
  });
});

describe("staff start threads", () => {
  it("with one family, about a child placed in their group today", async () => {
    const result = await startStaffThreads(w.fatima, { groupId: w.y, audience: "FAMILY", childId: w.zeynep, subject: "Laarzen", body: "Wil je laarzen meegeven?", clientKey: key() }, next());
    expect(result.ok).toBe(true);
    const threadId = result.ok ? result.data.threadId! : "";
    expect((await getThread(w.elif, threadId))?.subject).toBe("Laarzen");
    expect(await getThread(w.laura, threadId)).toBeNull();
    const notes = await notificationsOf(threadId);
    expect(notes.map((x) => [x.userId, x.url])).toEqual([[w.elif.id, `/messages/${threadId}`]]);
    expect(await countUnreadFamilyThreads(w.elif)).toBe(1);
    // Not the author's or a colleague's unread.
    expect((await listStaffThreads(w.joyce, { groupId: w.y }))!.threads.find((t) => t.id === threadId)?.unread).toBe(0);
  });

  it("never for a child or group that is not theirs", async () => {
    const attempt = (by: SessionUser, groupId: string, childId: string) =>
      startStaffThreads(by, { groupId, audience: "FAMILY", childId, subject: "Hoi", body: "Hoi", clientKey: key() }, next());
    expect(await attempt(w.fatima, w.y, w.noor)).toEqual({ ok: false, code: "errors.notFound", field: "childId" });
    expect(await attempt(w.fatima, w.x, w.noor)).toEqual({ ok: false, code: "errors.notFound", field: "groupId" });
    expect(await attempt(w.planner, w.x, w.noor)).toEqual({ ok: false, code: "errors.notFound", field: "groupId" });
    expect(await attempt(w.outsider, w.x, w.noor)).toEqual({ ok: false, code: "errors.notFound", field: "groupId" });
    expect(await attempt(w.sanne, w.x, w.mila)).toEqual({ ok: false, code: "errors.notFound", field: "childId" });
    expect(await attempt(w.laura, w.x, w.noor)).toEqual({ ok: false, code: "errors.forbidden" });
    const asParent = createAuthedAction(async () => w.laura)(startStaffThreadSchema, (data, u) => startStaffThreads(u, data, next()), { roles: STAFF_ROLES });
    expect(await asParent({ groupId: w.x, audience: "GROUP", subject: "Hoi", body: "Hoi", clientKey: key() })).toEqual({ ok: false, code: "errors.forbidden" });
  });

  it("to all families of a group: one private thread per family with a child placed there today", async () => {
    const clientKey = key();
    const input = { groupId: w.x, audience: "GROUP" as const, childId: null, subject: "Uitje naar de kinderboerderij", body: "Geef laarsjes mee.", clientKey };
    const results = await Promise.all(Array.from({ length: 3 }, () => startStaffThreads(w.sanne, input, next())));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.map((r) => (r.ok ? r.data.threads : 0))).toEqual([2, 2, 2]);
    expect(results.filter((r) => r.ok && !r.data.replayed)).toHaveLength(1);

    const threads = await db.messageThread.findMany({ where: { subject: "Uitje naar de kinderboerderij" }, include: { messages: true, reads: true } });
    // Families A (Noor, Sem) and B (Tess); not D (Mila's placement ended) nor C (another group).
    expect(threads.map((t) => t.familyId).sort()).toEqual([w.familyA, w.familyB].sort());
    expect(new Set(threads.map((t) => t.broadcastId)).size).toBe(1);
    expect(threads[0]!.broadcastId).not.toBeNull();
    for (const t of threads) {
      expect(t).toMatchObject({ groupId: w.x, childId: null, startedById: w.sanne.id });
      expect(t.messages.map((m) => [m.authorId, m.body])).toEqual([[w.sanne.id, "Geef laarsjes mee."]]);
      expect(t.reads.map((r) => r.userId)).toEqual([w.sanne.id]);
    }
    const threadOf = (familyId: string) => threads.find((t) => t.familyId === familyId)!.id;

    // Guardians of each family are told, with their own thread's link; no staff.
    const notes = await db.notification.findMany({ where: { event: "NEW_MESSAGE", data: { path: ["subject"], equals: "Uitje naar de kinderboerderij" } } });
    expect(notes.map((x) => [x.userId, x.url]).sort()).toEqual(
      [
        [w.laura.id, `/messages/${threadOf(w.familyA)}`],
        [w.thomas.id, `/messages/${threadOf(w.familyA)}`],
        [w.jeroen.id, `/messages/${threadOf(w.familyB)}`],
      ].sort(),
    );

    // Answers stay private: Jeroen's reply is in his family's thread only.
    await reply(w.jeroen, threadOf(w.familyB), "Tess heeft er zin in!");
    expect(await getThread(w.jeroen, threadOf(w.familyA))).toBeNull();
    expect((await getThread(w.laura, threadOf(w.familyA)))!.messages.map((m) => m.body)).toEqual(["Geef laarsjes mee."]);
    expect((await getThread(w.sanne, threadOf(w.familyB)))!.messages.map((m) => m.body)).toEqual(["Geef laarsjes mee.", "Tess heeft er zin in!"]);
    expect((await listStaffThreads(w.sanne))!.threads.find((t) => t.id === threadOf(w.familyB))).toMatchObject({ broadcast: true, unread: 1 });
  });

  it("to a group without placed children says so", async () => {
    const location = await db.location.findFirstOrThrow({ where: { groups: { some: { id: w.x } } } });
    const empty = (await db.group.create({ data: { locationId: location.id, name: "Leeg", type: "KDV" } })).id;
    await db.staffMembership.create({ data: { userId: w.sanne.id, groupId: empty } });
    expect(await startStaffThreads(w.sanne, { groupId: empty, audience: "GROUP", childId: null, subject: "Hoi", body: "Hoi", clientKey: key() }, next())).toEqual({
      ok: false,
      code: "StaffMessages.errors.noFamilies",
      field: "groupId",
    });
  });
});
