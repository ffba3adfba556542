// Messages (domain.md "Messages"; seed 002 §4, seed 003 "Berichten"): threads between a family and the
// staff of a group, usually about one child. Plain rules, no database: lengths, the preview line, who
// reads what as "unread", who hears of a new message, and which threads a parent may still answer.

export const MAX_SUBJECT_LENGTH = 150;
export const MAX_BODY_LENGTH = 5000;
/** The list's and the notification's preview of a message. */
export const PREVIEW_LENGTH = 140;

/** The side of a thread someone writes on: the family (guardians) or the group's staff. */
export type MessageSide = "FAMILY" | "STAFF";

export function sideOfRole(role: "PARENT" | "STAFF" | "PLANNER" | "ADMIN"): MessageSide {
  return role === "PARENT" ? "FAMILY" : "STAFF";
}

/**
 * One line of a message for lists and notifications: whitespace (newlines too) collapsed, cut at a
 * word boundary where there is one near the end, with "…" when cut.
 */
export function messagePreview(body: string, length: number = PREVIEW_LENGTH): string {
  const flat = body.replace(/\s+/g, " ").trim();
  const chars = Array.from(flat);
  if (chars.length <= length) return flat;
  const cut = chars.slice(0, length - 1).join("");
  const space = cut.lastIndexOf(" ");
  const head = space >= Math.floor(length * 0.6) ? cut.slice(0, space) : cut;
  return `${head.trimEnd()}…`;
}

/**
 * Does a message count as unread for a reader? Only what the other side wrote after the reader's
 * `lastReadAt` (null: never opened). For a guardian that is everything not written by themselves (the
 * staff's answers and the other guardian's messages: it is the family's thread). For staff only what the
 * family wrote: the staff inbox is a shared one, a colleague's answer is not news waiting for them.
 * The database queries in lib/db/messages.ts use exactly this rule.
 */
export function countsAsUnread(
  message: { authorId: string; authorSide: MessageSide; createdAt: Date },
  reader: { id: string; side: MessageSide; lastReadAt: Date | null },
): boolean {
  if (message.authorId === reader.id) return false;
  if (reader.side === "STAFF" && message.authorSide === "STAFF") return false;
  return reader.lastReadAt === null || message.createdAt.getTime() > reader.lastReadAt.getTime();
}

/**
 * Who is told of a new message (NEW_MESSAGE), never the author: a staff message goes to the family's
 * guardians; a guardian's message to the group's staff and to the other guardian (the thread is the
 * family's, both guardians follow it). Colleagues are not told of each other's messages, matching
 * countsAsUnread.
 */
export function messageRecipients(input: {
  authorId: string;
  authorSide: MessageSide;
  guardianIds: readonly string[];
  staffIds: readonly string[];
}): { family: string[]; staff: string[] } {
  const others = (ids: readonly string[]) => [...new Set(ids)].filter((id) => id !== input.authorId);
  return {
    family: others(input.guardianIds),
    staff: input.authorSide === "FAMILY" ? others(input.staffIds) : [],
  };
}

/**
 * The read mark after showing a thread up to the newest message on screen: never moves back, and is
 * the time of that message, not the moment of reading, so a message that arrives between showing and
 * marking stays unread.
 */
export function nextReadMark(current: Date | null, newestShown: Date): Date {
  return current && current.getTime() >= newestShown.getTime() ? current : newestShown;
}

export interface ThreadCursor {
  lastMessageAt: Date;
  id: string;
}

/** "Oudere berichten": the position after the last thread shown, as a URL-safe string. */
export function encodeThreadCursor(cursor: ThreadCursor): string {
  return `${cursor.lastMessageAt.getTime()}_${cursor.id}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The cursor from the URL, or null for anything malformed (the list then starts at the top). */
export function decodeThreadCursor(raw: string | null | undefined): ThreadCursor | null {
  if (typeof raw !== "string") return null;
  const m = /^(\d{1,15})_(.+)$/.exec(raw);
  if (!m || !UUID.test(m[2]!)) return null;
  const at = new Date(Number(m[1]));
  if (Number.isNaN(at.getTime())) return null;
  return { lastMessageAt: at, id: m[2]!.toLowerCase() };
}
