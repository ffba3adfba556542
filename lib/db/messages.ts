import "server-only";
import { randomUUID } from "node:crypto";
import type { SessionUser } from "@/lib/auth/types";
import { STAFF_ROLES } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import { isUuid } from "@/lib/db/shell";
import {
  decodeThreadCursor,
  encodeThreadCursor,
  messagePreview,
  messageRecipients,
  sideOfRole,
  type MessageSide,
} from "@/lib/domain/messages";
import { amsterdamToday } from "@/lib/format/date";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ReplyData, StartStaffThreadData, StartThreadData } from "@/lib/schemas/messages";
import { notify } from "@/lib/notify";

// Messages (domain.md "Messages"; seed 002 §4, seed 003 "Berichten"): threads between one family and
// the staff of one group, usually about a child. Every query is scoped to the user in its where clause,
// so a guessed thread id of another family or group finds nothing (pages: notFound(); actions:
// "errors.notFound").
//
// - Parents (guardian 1 and 2 alike) read and answer their family's threads. Starting a thread or
//   answering needs a child of the family placed in that group today (the thread's own child when it
//   has one); once the placement has ended the thread stays readable but closed.
// - Staff read and answer the threads of the groups they are a member of (StaffMembership in the
//   database, not the session's copy). Planners and admins are no exception: messages are between a
//   family and the group's team, not the organisation's (as the diary, lib/db/diary.ts).
// - Unread: lib/domain/messages.ts countsAsUnread() — what the other side wrote after the reader's
//   ThreadRead.lastReadAt. Opening a thread moves lastReadAt to the newest message shown, never to
//   "now", so a message arriving between showing and marking stays unread.
// - Sending: one transaction writes the message, moves lastMessageAt, marks the thread read for the
//   author and notifies the others (NEW_MESSAGE). A clientKey per written message makes a double submit
//   one message (Message @@unique([authorId, clientKey]); new threads MessageThread
//   @@unique([startedById, clientKey])). Messages are never edited or deleted: there is no code for it.

type Reader = Pick<SessionUser, "id" | "role" | "organisationId" | "familyId">;
type Writer = Reader & Pick<SessionUser, "name">;

/** How many threads a list page shows before "Oudere berichten". */
export const THREAD_PAGE_SIZE = 30;

const NEGATIVE_INFINITY = Prisma.sql`'-infinity'::timestamp`;

function isStaff(user: Pick<SessionUser, "role">): boolean {
  return STAFF_ROLES.includes(user.role);
}

function isParent(user: Pick<SessionUser, "role" | "familyId">): user is Pick<SessionUser, "role"> & { familyId: string } {
  return user.role === "PARENT" && typeof user.familyId === "string";
}

/** Placements running on `today` (a `@db.Date` value). */
function runningOn(today: Date): Prisma.PlacementWhereInput {
  return { startDate: { lte: today }, OR: [{ endDate: null }, { endDate: { gte: today } }] };
}

/** The threads `user` may read, as a where clause; null when they may read none. */
function visibleThreadsWhere(user: Reader): Prisma.MessageThreadWhereInput | null {
  if (isParent(user)) return { familyId: user.familyId, family: { organisationId: user.organisationId } };
  if (isStaff(user)) return { group: { location: { organisationId: user.organisationId }, staff: { some: { userId: user.id } } } };
  return null;
}

/** The url of a thread for each side (issue 5 contract: parents /messages/…, staff /staff/messages/…). */
export function threadUrl(side: MessageSide, threadId: string): string {
  return side === "FAMILY" ? `/messages/${threadId}` : `/staff/messages/${threadId}`;
}

// ─── Lists ──────────────────────────────────────────────────────────────────────────────────────

/** What a thread's row in the inbox and its own page both say about it. */
export interface ThreadHead {
  id: string;
  subject: string;
  familyName: string;
  child: { id: string; firstName: string; lastName: string } | null;
  group: { id: string; name: string };
  /** One of the threads of a message to all families of the group. */
  broadcast: boolean;
}

/** The columns ThreadHead is made of (threadHead()). */
const threadHeadSelect = {
  id: true,
  subject: true,
  broadcastId: true,
  family: { select: { name: true } },
  child: { select: { id: true, firstName: true, lastName: true } },
  group: { select: { id: true, name: true } },
} as const satisfies Prisma.MessageThreadSelect;

function threadHead(t: Prisma.MessageThreadGetPayload<{ select: typeof threadHeadSelect }>): ThreadHead {
  return { id: t.id, subject: t.subject, familyName: t.family.name, child: t.child, group: t.group, broadcast: t.broadcastId !== null };
}

export interface ThreadSummary extends ThreadHead {
  lastMessageAt: string;
  lastMessage: { preview: string; authorName: string; mine: boolean } | null;
  /** Messages the reader has not read yet (countsAsUnread). */
  unread: number;
}

export interface ThreadPage {
  threads: ThreadSummary[];
  /** For "Oudere berichten", or null at the end. */
  nextCursor: string | null;
}

async function listThreads(user: Reader, where: Prisma.MessageThreadWhereInput, cursor: string | null | undefined, limit: number): Promise<ThreadPage> {
  const after = decodeThreadCursor(cursor);
  const rows = await db.messageThread.findMany({
    where: {
      AND: [
        where,
        ...(after
          ? [{ OR: [{ lastMessageAt: { lt: after.lastMessageAt } }, { lastMessageAt: after.lastMessageAt, id: { lt: after.id } }] }]
          : []),
      ],
    },
    orderBy: [{ lastMessageAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: {
      ...threadHeadSelect,
      lastMessageAt: true,
      messages: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: 1,
        select: { body: true, authorId: true, author: { select: { name: true } } },
      },
    },
  });
  const shown = rows.slice(0, limit);
  const unread = await unreadByThread(user, shown.map((t) => t.id));
  const last = shown[shown.length - 1];
  return {
    threads: shown.map((t) => {
      const message = t.messages[0];
      return {
        ...threadHead(t),
        lastMessageAt: t.lastMessageAt.toISOString(),
        lastMessage: message
          ? { preview: messagePreview(message.body), authorName: message.author.name, mine: message.authorId === user.id }
          : null,
        unread: unread.get(t.id) ?? 0,
      };
    }),
    nextCursor: rows.length > limit && last ? encodeThreadCursor({ lastMessageAt: last.lastMessageAt, id: last.id }) : null,
  };
}

/** "Berichten" for a parent: the family's threads, newest activity first. */
export async function listFamilyThreads(user: Reader, opts: { cursor?: string | null; limit?: number } = {}): Promise<ThreadPage> {
  if (!isParent(user)) return { threads: [], nextCursor: null };
  return listThreads(user, visibleThreadsWhere(user)!, opts.cursor, opts.limit ?? THREAD_PAGE_SIZE);
}

/**
 * The staff inbox: the threads of the member's groups, or of one of them (`groupId`). null when that
 * group is not one of theirs (the page answers 404).
 */
export async function listStaffThreads(
  user: Reader,
  opts: { groupId?: string | null; cursor?: string | null; limit?: number } = {},
): Promise<ThreadPage | null> {
  const where = isStaff(user) ? visibleThreadsWhere(user) : null;
  if (!where) return null;
  if (opts.groupId) {
    if (!isUuid(opts.groupId)) return null;
    const member = await db.staffMembership.findUnique({ where: { userId_groupId: { userId: user.id, groupId: opts.groupId } }, select: { groupId: true } });
    if (!member) return null;
  }
  return listThreads(user, opts.groupId ? { AND: [where, { groupId: opts.groupId }] } : where, opts.cursor, opts.limit ?? THREAD_PAGE_SIZE);
}

// ─── Unread counts ──────────────────────────────────────────────────────────────────────────────
// One statement each. `lastMessageAt > lastReadAt` discards read threads on the (familyId|groupId,
// lastMessageAt) index before the EXISTS looks at Message(threadId, createdAt); ThreadRead is found by
// its primary key. Staff count only what families wrote (countsAsUnread), hence the author's role.

function unreadMessageFilter(user: Pick<SessionUser, "id" | "role">, readAt: Prisma.Sql): Prisma.Sql {
  return isStaff(user)
    ? Prisma.sql`m."createdAt" > ${readAt} AND m."authorId" <> ${user.id}::uuid
        AND EXISTS (SELECT 1 FROM "User" a WHERE a.id = m."authorId" AND a.role = 'PARENT')`
    : Prisma.sql`m."createdAt" > ${readAt} AND m."authorId" <> ${user.id}::uuid`;
}

/** Unread messages per thread, for the threads given (which the caller has already scoped). */
async function unreadByThread(user: Pick<SessionUser, "id" | "role">, threadIds: readonly string[]): Promise<Map<string, number>> {
  if (threadIds.length === 0) return new Map();
  const readAt = Prisma.sql`coalesce(r."lastReadAt", ${NEGATIVE_INFINITY})`;
  const rows = await db.$queryRaw<{ threadId: string; unread: number }[]>`
    SELECT m."threadId" AS "threadId", count(*)::int AS unread
    FROM "Message" m
    LEFT JOIN "ThreadRead" r ON r."threadId" = m."threadId" AND r."userId" = ${user.id}::uuid
    WHERE m."threadId" = ANY(${[...threadIds]}::uuid[]) AND ${unreadMessageFilter(user, readAt)}
    GROUP BY m."threadId"`;
  return new Map(rows.map((r) => [r.threadId, r.unread]));
}

/** The menu's number for a parent: the family's threads with something unread. */
export async function countUnreadFamilyThreads(user: Reader): Promise<number> {
  if (!isParent(user)) return 0;
  const readAt = Prisma.sql`coalesce(r."lastReadAt", ${NEGATIVE_INFINITY})`;
  const rows = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n
    FROM "MessageThread" t
    LEFT JOIN "ThreadRead" r ON r."threadId" = t.id AND r."userId" = ${user.id}::uuid
    WHERE t."familyId" = ${user.familyId}::uuid
      AND t."lastMessageAt" > ${readAt}
      AND EXISTS (SELECT 1 FROM "Message" m WHERE m."threadId" = t.id AND ${unreadMessageFilter(user, readAt)})`;
  return rows[0]?.n ?? 0;
}

/** Per group of the staff member: threads with something a family wrote that they have not read. */
export async function countUnreadStaffThreadsByGroup(user: Reader): Promise<Map<string, number>> {
  if (!isStaff(user)) return new Map();
  const readAt = Prisma.sql`coalesce(r."lastReadAt", ${NEGATIVE_INFINITY})`;
  const rows = await db.$queryRaw<{ groupId: string; n: number }[]>`
    SELECT t."groupId" AS "groupId", count(*)::int AS n
    FROM "StaffMembership" s
    JOIN "MessageThread" t ON t."groupId" = s."groupId"
    LEFT JOIN "ThreadRead" r ON r."threadId" = t.id AND r."userId" = ${user.id}::uuid
    WHERE s."userId" = ${user.id}::uuid
      AND t."lastMessageAt" > ${readAt}
      AND EXISTS (SELECT 1 FROM "Message" m WHERE m."threadId" = t.id AND ${unreadMessageFilter(user, readAt)})
    GROUP BY t."groupId"`;
  return new Map(rows.map((r) => [r.groupId, r.n]));
}

/** The menu's number for staff: unread threads over all their groups. */
export async function countUnreadStaffThreads(user: Reader): Promise<number> {
  let total = 0;
  for (const n of (await countUnreadStaffThreadsByGroup(user)).values()) total += n;
  return total;
}

/** The menu's number for whoever is signed in. */
export async function countUnreadThreads(user: Reader): Promise<number> {
  return isStaff(user) ? countUnreadStaffThreads(user) : countUnreadFamilyThreads(user);
}

// ─── One thread ─────────────────────────────────────────────────────────────────────────────────

export interface MessageDto {
  id: string;
  body: string;
  createdAt: string;
  author: { name: string; side: MessageSide; mine: boolean };
  /** Not read by the reader before this visit. */
  unread: boolean;
}

export interface ThreadDetail extends ThreadHead {
  startedAt: string;
  messages: MessageDto[];
  /** The newest message shown: what opening the thread marks as read. */
  newestAt: string | null;
  /** Whether the reader may answer (parents: a child of the family is still placed in the group). */
  canReply: boolean;
}

/** A thread with all its messages, oldest first, or null when `user` may not read it (or it does not exist). */
export async function getThread(user: Reader, threadId: string, now: Date = new Date()): Promise<ThreadDetail | null> {
  const where = visibleThreadsWhere(user);
  if (!where || !isUuid(threadId)) return null;
  const thread = await db.messageThread.findFirst({
    where: { AND: [where, { id: threadId }] },
    select: {
      ...threadHeadSelect,
      familyId: true,
      groupId: true,
      childId: true,
      createdAt: true,
      reads: { where: { userId: user.id }, select: { lastReadAt: true } },
      messages: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, body: true, createdAt: true, authorId: true, author: { select: { name: true, role: true } } },
      },
    },
  });
  if (!thread) return null;
  const lastReadAt = thread.reads[0]?.lastReadAt ?? null;
  const side = sideOfRole(user.role);
  const newest = thread.messages[thread.messages.length - 1];
  return {
    ...threadHead(thread),
    startedAt: thread.createdAt.toISOString(),
    messages: thread.messages.map((m) => {
      const authorSide = sideOfRole(m.author.role);
      const mine = m.authorId === user.id;
      const unread =
        !mine && !(side === "STAFF" && authorSide === "STAFF") && (lastReadAt === null || m.createdAt.getTime() > lastReadAt.getTime());
      return { id: m.id, body: m.body, createdAt: m.createdAt.toISOString(), author: { name: m.author.name, side: authorSide, mine }, unread };
    }),
    newestAt: newest ? newest.createdAt.toISOString() : null,
    canReply: isStaff(user) ? true : await familyMayWrite(thread, now),
  };
}

/** Parents may write in a thread while a child of theirs is placed in its group (the thread's own child if it has one). */
async function familyMayWrite(thread: { familyId: string; groupId: string; childId: string | null }, now: Date): Promise<boolean> {
  const placed = await db.placement.findFirst({
    where: {
      groupId: thread.groupId,
      ...runningOn(amsterdamToday(now)),
      child: thread.childId ? { id: thread.childId, familyId: thread.familyId } : { familyId: thread.familyId },
    },
    select: { id: true },
  });
  return placed !== null;
}

/**
 * Marks a thread read up to `seenUntil` (the newest message the page showed): lastReadAt becomes the
 * time of the newest message at or before it, and never moves back. When nothing is left unread, the
 * user's NEW_MESSAGE notifications of this thread are marked read as well. null: not the user's thread.
 */
export async function markThreadRead(user: Reader, threadId: string, seenUntil: Date): Promise<{ marked: boolean } | null> {
  const where = visibleThreadsWhere(user);
  if (!where || !isUuid(threadId)) return null;
  const thread = await db.messageThread.findFirst({ where: { AND: [where, { id: threadId }] }, select: { id: true } });
  if (!thread) return null;
  const newest = await db.message.aggregate({ where: { threadId, createdAt: { lte: seenUntil } }, _max: { createdAt: true } });
  const newestAt = newest._max.createdAt;
  if (!newestAt) return { marked: false };
  const marked = await raiseReadMark(db, threadId, user.id, newestAt);
  const left = await unreadByThread(user, [threadId]);
  if ((left.get(threadId) ?? 0) === 0) {
    await db.notification.updateMany({
      where: { userId: user.id, event: "NEW_MESSAGE", readAt: null, url: threadUrl(sideOfRole(user.role), threadId) },
      data: { readAt: new Date() },
    });
  }
  return { marked };
}

/** ThreadRead upsert that only ever moves forward (two tabs, a late request). Returns whether it moved. */
async function raiseReadMark(client: Prisma.TransactionClient | typeof db, threadId: string, userId: string, at: Date): Promise<boolean> {
  const changed = await client.$executeRaw`
    INSERT INTO "ThreadRead" ("threadId", "userId", "lastReadAt") VALUES (${threadId}::uuid, ${userId}::uuid, ${at})
    ON CONFLICT ("threadId", "userId") DO UPDATE SET "lastReadAt" = EXCLUDED."lastReadAt"
    WHERE "ThreadRead"."lastReadAt" < EXCLUDED."lastReadAt"`;
  return changed > 0;
}

// ─── Choices for "Bericht schrijven" ────────────────────────────────────────────────────────────

export interface MessageChildOption {
  id: string;
  firstName: string;
  lastName: string;
  /** Groups the child is placed in today; the form asks for one only when there are several. */
  groups: { id: string; name: string }[];
}

/** A parent's children that can be written about: those placed in a group today. */
export async function listParentMessageChildren(user: Reader, now: Date = new Date()): Promise<MessageChildOption[]> {
  if (!isParent(user)) return [];
  const today = amsterdamToday(now);
  const children = await db.child.findMany({
    where: { familyId: user.familyId, family: { organisationId: user.organisationId }, placements: { some: runningOn(today) } },
    orderBy: [{ birthDate: "asc" }, { firstName: "asc" }, { id: "asc" }],
    select: {
      id: true,
      firstName: true,
      lastName: true,
      placements: { where: runningOn(today), orderBy: [{ startDate: "asc" }, { id: "asc" }], select: { group: { select: { id: true, name: true } } } },
    },
  });
  return children.map((c) => ({
    id: c.id,
    firstName: c.firstName,
    lastName: c.lastName,
    groups: [...new Map(c.placements.map((p) => [p.group.id, p.group])).values()],
  }));
}

export interface StaffMessageGroup {
  id: string;
  name: string;
  /** Children placed in the group today, with their family, for "one family". */
  children: { id: string; firstName: string; lastName: string; familyName: string }[];
  /** Families with a child placed in the group today: who a message to the whole group reaches. */
  familyCount: number;
}

/** The staff member's groups (by membership) with the children placed in them today. */
export async function listStaffMessageGroups(user: Reader, now: Date = new Date()): Promise<StaffMessageGroup[]> {
  if (!isStaff(user)) return [];
  const today = amsterdamToday(now);
  const groups = await db.group.findMany({
    where: { staff: { some: { userId: user.id } }, location: { organisationId: user.organisationId } },
    orderBy: [{ location: { name: "asc" } }, { name: "asc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      placements: {
        where: runningOn(today),
        select: { child: { select: { id: true, firstName: true, lastName: true, familyId: true, family: { select: { name: true } } } } },
      },
    },
  });
  return groups.map((g) => {
    const children = new Map(g.placements.map(({ child }) => [child.id, child]));
    return {
      id: g.id,
      name: g.name,
      children: [...children.values()]
        .sort((a, b) => a.firstName.localeCompare(b.firstName, "nl") || a.lastName.localeCompare(b.lastName, "nl"))
        .map((c) => ({ id: c.id, firstName: c.firstName, lastName: c.lastName, familyName: c.family.name })),
      familyCount: new Set([...children.values()].map((c) => c.familyId)).size,
    };
  });
}

// ─── Sending ────────────────────────────────────────────────────────────────────────────────────

export type MessageCode =
  | "errors.forbidden"
  | "errors.notFound"
  | "errors.conflict"
  | "Messages.errors.closed"
  | "Messages.errors.groupNotCurrent"
  | "StaffMessages.errors.noFamilies";

export type MessageField = "childId" | "groupId" | "threadId";

export type SendResult<T> = { ok: true; data: T } | { ok: false; code: MessageCode; field?: MessageField };

export interface MessageSent {
  threadId: string;
  messageId: string;
  /** true when this clientKey was sent before: nothing new was written. */
  replayed: boolean;
}

export interface ThreadsStarted {
  /** The thread to open: the new thread, or null for a message to all families of a group. */
  threadId: string | null;
  groupId: string;
  /** Threads written: 1, or one per family for a message to the whole group. */
  threads: number;
  replayed: boolean;
}

interface NotifyContext {
  threadId: string;
  subject: string;
  childFirstName: string | null;
  groupName: string;
  familyId: string;
  groupId: string;
}

/** NEW_MESSAGE to everyone on the thread but the author (messageRecipients), in the sending transaction. */
async function notifyNewMessage(tx: Prisma.TransactionClient, author: Writer, ctx: NotifyContext, body: string, now: Date): Promise<void> {
  const [guardians, staff] = await Promise.all([
    tx.guardian.findMany({ where: { familyId: ctx.familyId }, select: { userId: true } }),
    sideOfRole(author.role) === "FAMILY"
      ? tx.staffMembership.findMany({ where: { groupId: ctx.groupId }, select: { userId: true } })
      : Promise.resolve([]),
  ]);
  const recipients = messageRecipients({
    authorId: author.id,
    authorSide: sideOfRole(author.role),
    guardianIds: guardians.map((g) => g.userId),
    staffIds: staff.map((s) => s.userId),
  });
  const data = {
    threadId: ctx.threadId,
    subject: ctx.subject,
    ...(ctx.childFirstName ? { childFirstName: ctx.childFirstName } : {}),
    groupName: ctx.groupName,
    authorName: author.name,
    preview: messagePreview(body),
  };
  if (recipients.family.length > 0) {
    await notify(tx, { event: "NEW_MESSAGE", userIds: recipients.family, url: threadUrl("FAMILY", ctx.threadId), data, now });
  }
  if (recipients.staff.length > 0) {
    await notify(tx, { event: "NEW_MESSAGE", userIds: recipients.staff, url: threadUrl("STAFF", ctx.threadId), data, now });
  }
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/** Runs `write`; when it loses a unique race on the client key, answers with what the winner wrote. */
async function idempotent<T>(write: () => Promise<SendResult<T>>, replay: () => Promise<SendResult<T> | null>): Promise<SendResult<T>> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) {
      const earlier = await replay();
      if (earlier) return earlier;
    }
    throw error;
  }
}

/** An answer in a thread ("Reageren"). */
export async function sendReply(user: Writer, data: ReplyData, now: Date = new Date()): Promise<SendResult<MessageSent>> {
  const where = visibleThreadsWhere(user);
  if (!where) return { ok: false, code: "errors.forbidden" };

  const replay = async (): Promise<SendResult<MessageSent> | null> => {
    const found = await db.message.findUnique({
      where: { authorId_clientKey: { authorId: user.id, clientKey: data.clientKey } },
      select: { id: true, threadId: true },
    });
    if (!found) return null;
    // The same key in another thread is not a double submit but a misuse of the key.
    if (found.threadId !== data.threadId) return { ok: false, code: "errors.conflict" };
    return { ok: true, data: { threadId: found.threadId, messageId: found.id, replayed: true } };
  };
  const earlier = await replay();
  if (earlier) return earlier;

  const thread = await db.messageThread.findFirst({
    where: { AND: [where, { id: data.threadId }] },
    select: { id: true, subject: true, familyId: true, groupId: true, childId: true, child: { select: { firstName: true } }, group: { select: { name: true } } },
  });
  if (!thread) return { ok: false, code: "errors.notFound", field: "threadId" };
  if (!isStaff(user) && !(await familyMayWrite(thread, now))) return { ok: false, code: "Messages.errors.closed" };

  return idempotent(async () => {
    const messageId = await db.$transaction(async (tx) => {
      const message = await tx.message.create({
        data: { threadId: thread.id, authorId: user.id, body: data.body, clientKey: data.clientKey, createdAt: now },
        select: { id: true },
      });
      await tx.$executeRaw`UPDATE "MessageThread" SET "lastMessageAt" = GREATEST("lastMessageAt", ${now}) WHERE id = ${thread.id}::uuid`;
      await raiseReadMark(tx, thread.id, user.id, now);
      await notifyNewMessage(
        tx,
        user,
        { threadId: thread.id, subject: thread.subject, childFirstName: thread.child?.firstName ?? null, groupName: thread.group.name, familyId: thread.familyId, groupId: thread.groupId },
        data.body,
        now,
      );
      return message.id;
    });
    return { ok: true, data: { threadId: thread.id, messageId, replayed: false } };
  }, replay);
}

interface NewThread {
  familyId: string;
  groupId: string;
  groupName: string;
  child: { id: string; firstName: string } | null;
  subject: string;
  body: string;
  clientKey: string;
  broadcastId: string | null;
}

/** Writes threads with their first message (in the caller's transaction), read by the author, and notifies. */
async function writeThreads(tx: Prisma.TransactionClient, user: Writer, threads: readonly NewThread[], now: Date): Promise<string[]> {
  const ids = threads.map(() => randomUUID());
  await tx.messageThread.createMany({
    data: threads.map((t, i) => ({
      id: ids[i]!,
      familyId: t.familyId,
      groupId: t.groupId,
      childId: t.child?.id ?? null,
      subject: t.subject,
      startedById: user.id,
      broadcastId: t.broadcastId,
      clientKey: t.clientKey,
      createdAt: now,
      lastMessageAt: now,
    })),
  });
  await tx.message.createMany({ data: threads.map((t, i) => ({ threadId: ids[i]!, authorId: user.id, body: t.body, createdAt: now })) });
  await tx.threadRead.createMany({ data: ids.map((threadId) => ({ threadId, userId: user.id, lastReadAt: now })) });
  for (const [i, t] of threads.entries()) {
    await notifyNewMessage(
      tx,
      user,
      { threadId: ids[i]!, subject: t.subject, childFirstName: t.child?.firstName ?? null, groupName: t.groupName, familyId: t.familyId, groupId: t.groupId },
      t.body,
      now,
    );
  }
  return ids;
}

async function replayStarted(user: Pick<SessionUser, "id">, clientKey: string, expect: { groupId: string; childId: string | null }): Promise<SendResult<ThreadsStarted> | null> {
  const found = await db.messageThread.findUnique({
    where: { startedById_clientKey: { startedById: user.id, clientKey } },
    select: { id: true, groupId: true, childId: true },
  });
  if (!found) return null;
  if (found.groupId !== expect.groupId || found.childId !== expect.childId) return { ok: false, code: "errors.conflict" };
  return { ok: true, data: { threadId: found.id, groupId: found.groupId, threads: 1, replayed: true } };
}

/** One thread with one family about one child, written once per client key (a second try replays it). */
function startOneThread(
  user: Writer,
  to: { familyId: string; group: { id: string; name: string }; child: { id: string; firstName: string } },
  message: { subject: string; body: string; clientKey: string },
  now: Date,
  replay: () => Promise<SendResult<ThreadsStarted> | null>,
): Promise<SendResult<ThreadsStarted>> {
  const { familyId, group, child } = to;
  return idempotent(async () => {
    const [threadId] = await db.$transaction((tx) =>
      writeThreads(
        tx,
        user,
        [{ familyId, groupId: group.id, groupName: group.name, child: { id: child.id, firstName: child.firstName }, subject: message.subject, body: message.body, clientKey: message.clientKey, broadcastId: null }],
        now,
      ),
    );
    return { ok: true, data: { threadId: threadId!, groupId: group.id, threads: 1, replayed: false } };
  }, replay);
}

/** "Bericht schrijven" by a parent: a new thread about their child with the staff of the child's group. */
export async function startFamilyThread(user: Writer, data: StartThreadData, now: Date = new Date()): Promise<SendResult<ThreadsStarted>> {
  if (!isParent(user)) return { ok: false, code: "errors.forbidden" };
  const replay = () => replayStarted(user, data.clientKey, { groupId: data.groupId, childId: data.childId });
  const earlier = await replay();
  if (earlier) return earlier;

  const today = amsterdamToday(now);
  const child = await db.child.findFirst({
    where: { id: data.childId, familyId: user.familyId, family: { organisationId: user.organisationId }, placements: { some: runningOn(today) } },
    select: { id: true, firstName: true, placements: { where: { ...runningOn(today), groupId: data.groupId }, select: { group: { select: { id: true, name: true } } } } },
  });
  if (!child) return { ok: false, code: "errors.notFound", field: "childId" };
  const group = child.placements[0]?.group;
  if (!group) return { ok: false, code: "Messages.errors.groupNotCurrent", field: "groupId" };

  return startOneThread(user, { familyId: user.familyId, group, child }, data, now, replay);
}

/** The client key of each family's thread of a message to all families (one key per form submit). */
function broadcastKey(clientKey: string, familyId: string): string {
  return `${clientKey}:${familyId}`;
}

/**
 * "Nieuw bericht" by staff in one of their groups: a thread with one family (about a child placed in
 * the group today) or one thread per family with a child placed in the group today, all with the same
 * broadcastId, so every family answers privately.
 */
export async function startStaffThreads(user: Writer, data: StartStaffThreadData, now: Date = new Date()): Promise<SendResult<ThreadsStarted>> {
  if (!isStaff(user)) return { ok: false, code: "errors.forbidden" };
  const group = await db.group.findFirst({
    where: { id: data.groupId, location: { organisationId: user.organisationId }, staff: { some: { userId: user.id } } },
    select: { id: true, name: true },
  });
  const today = amsterdamToday(now);

  if (data.audience === "FAMILY") {
    const childId = data.childId!;
    const replay = () => replayStarted(user, data.clientKey, { groupId: data.groupId, childId });
    const earlier = await replay();
    if (earlier) return earlier;
    if (!group) return { ok: false, code: "errors.notFound", field: "groupId" };
    const child = await db.child.findFirst({
      where: { id: childId, family: { organisationId: user.organisationId }, placements: { some: { ...runningOn(today), groupId: group.id } } },
      select: { id: true, firstName: true, familyId: true },
    });
    if (!child) return { ok: false, code: "errors.notFound", field: "childId" };
    return startOneThread(user, { familyId: child.familyId, group, child }, data, now, replay);
  }

  const replay = async (): Promise<SendResult<ThreadsStarted> | null> => {
    const found = await db.messageThread.findMany({
      where: { startedById: user.id, clientKey: { startsWith: `${data.clientKey}:` } },
      select: { groupId: true, broadcastId: true },
    });
    if (found.length === 0) return null;
    if (found.some((t) => t.groupId !== data.groupId || t.broadcastId === null)) return { ok: false, code: "errors.conflict" };
    return { ok: true, data: { threadId: null, groupId: data.groupId, threads: found.length, replayed: true } };
  };
  const earlier = await replay();
  if (earlier) return earlier;
  if (!group) return { ok: false, code: "errors.notFound", field: "groupId" };
  const families = await db.family.findMany({
    where: { organisationId: user.organisationId, children: { some: { placements: { some: { ...runningOn(today), groupId: group.id } } } } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  if (families.length === 0) return { ok: false, code: "StaffMessages.errors.noFamilies", field: "groupId" };
  const broadcastId = randomUUID();
  return idempotent(async () => {
    const ids = await db.$transaction(
      (tx) =>
        writeThreads(
          tx,
          user,
          families.map((f) => ({
            familyId: f.id,
            groupId: group.id,
            groupName: group.name,
            child: null,
            subject: data.subject,
            body: data.body,
            clientKey: broadcastKey(data.clientKey, f.id),
            broadcastId,
          })),
          now,
        ),
      { timeout: 30_000 },
    );
    return { ok: true, data: { threadId: null, groupId: group.id, threads: ids.length, replayed: false } };
  }, replay);
}
