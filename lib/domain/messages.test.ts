import { describe, expect, it } from "vitest";
import {
  countsAsUnread,
  decodeThreadCursor,
  encodeThreadCursor,
  messagePreview,
  messageRecipients,
  nextReadMark,
  PREVIEW_LENGTH,
  sideOfRole,
} from "./messages";

const at = (iso: string) => new Date(iso);
const T1 = at("2026-06-15T08:00:00.000Z");
const T2 = at("2026-06-15T09:00:00.000Z");
const T3 = at("2026-06-15T10:00:00.000Z");

describe("sideOfRole", () => {
  it("puts parents on the family side and every staff role on the staff side", () => {
    expect(sideOfRole("PARENT")).toBe("FAMILY");
    for (const role of ["STAFF", "PLANNER", "ADMIN"] as const) expect(sideOfRole(role)).toBe("STAFF");
  });
});

describe("messagePreview", () => {
  it("keeps a short message as one line", () => {
    expect(messagePreview("Hoi!\n\nNoor  heeft   goed geslapen.")).toBe("Hoi! Noor heeft goed geslapen.");
  });

  it("cuts a long message at a word boundary with an ellipsis, within the length", () => {
    const body = Array.from({ length: 60 }, (_, i) => `woord${i}`).join(" ");
    const preview = messagePreview(body);
    expect(Array.from(preview).length).toBeLessThanOrEqual(PREVIEW_LENGTH);
    expect(preview.endsWith("…")).toBe(true);
    expect(body.startsWith(preview.slice(0, -1))).toBe(true);
    expect(body.charAt(preview.length - 1)).toBe(" ");
  });

  it("cuts one long word hard and never splits a surrogate pair", () => {
    expect(messagePreview("a".repeat(200), 10)).toBe(`${"a".repeat(9)}…`);
    const emoji = "😀".repeat(20);
    expect(messagePreview(emoji, 10)).toBe(`${"😀".repeat(9)}…`);
  });

  it("is exactly the text at the limit", () => {
    expect(messagePreview("x".repeat(PREVIEW_LENGTH))).toBe("x".repeat(PREVIEW_LENGTH));
  });
});

describe("countsAsUnread", () => {
  const staffMessage = { authorId: "staff-1", authorSide: "STAFF" as const, createdAt: T2 };
  const parentMessage = { authorId: "parent-1", authorSide: "FAMILY" as const, createdAt: T2 };
  const otherGuardian = { authorId: "parent-2", authorSide: "FAMILY" as const, createdAt: T2 };

  it("a guardian: the staff's answers and the other guardian's messages after their read mark", () => {
    const reader = { id: "parent-1", side: "FAMILY" as const, lastReadAt: T1 };
    expect(countsAsUnread(staffMessage, reader)).toBe(true);
    expect(countsAsUnread(otherGuardian, reader)).toBe(true);
    expect(countsAsUnread(parentMessage, reader)).toBe(false);
    expect(countsAsUnread(staffMessage, { ...reader, lastReadAt: T2 })).toBe(false);
    expect(countsAsUnread(staffMessage, { ...reader, lastReadAt: T3 })).toBe(false);
    expect(countsAsUnread(staffMessage, { ...reader, lastReadAt: null })).toBe(true);
  });

  it("staff: only what the family wrote, never a colleague's message", () => {
    const reader = { id: "staff-2", side: "STAFF" as const, lastReadAt: null };
    expect(countsAsUnread(parentMessage, reader)).toBe(true);
    expect(countsAsUnread(staffMessage, reader)).toBe(false);
    expect(countsAsUnread(parentMessage, { ...reader, lastReadAt: T2 })).toBe(false);
    expect(countsAsUnread({ ...parentMessage, createdAt: T3 }, { ...reader, lastReadAt: T2 })).toBe(true);
  });
});

describe("messageRecipients", () => {
  const base = { guardianIds: ["g1", "g2"], staffIds: ["s1", "s2"] };

  it("a guardian's message reaches the group's staff and the other guardian, not the author", () => {
    expect(messageRecipients({ ...base, authorId: "g1", authorSide: "FAMILY" })).toEqual({ family: ["g2"], staff: ["s1", "s2"] });
  });

  it("a staff message reaches both guardians and no colleague", () => {
    expect(messageRecipients({ ...base, authorId: "s1", authorSide: "STAFF" })).toEqual({ family: ["g1", "g2"], staff: [] });
  });

  it("never names anyone twice", () => {
    expect(messageRecipients({ guardianIds: ["g1", "g1"], staffIds: ["s1", "s1"], authorId: "g2", authorSide: "FAMILY" })).toEqual({
      family: ["g1"],
      staff: ["s1"],
    });
  });
});

describe("nextReadMark", () => {
  it("moves to the newest message shown, never back", () => {
    expect(nextReadMark(null, T2)).toEqual(T2);
    expect(nextReadMark(T1, T2)).toEqual(T2);
    expect(nextReadMark(T3, T2)).toEqual(T3);
  });
});

describe("thread cursor", () => {
  const id = "0b7a3c1e-8f3c-4c8e-9d1a-2f4b5c6d7e8f";

  it("round-trips", () => {
    expect(decodeThreadCursor(encodeThreadCursor({ lastMessageAt: T2, id }))).toEqual({ lastMessageAt: T2, id });
  });

  it("refuses anything malformed", () => {
    for (const raw of [undefined, null, "", "abc", `${T2.getTime()}`, `${T2.getTime()}_nope`, `x_${id}`, `1e5_${id}`, `${T2.getTime()}_${id}'--`]) {
      expect(decodeThreadCursor(raw)).toBeNull();
    }
  });
});
