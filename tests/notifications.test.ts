// The in-app notifications against a real PostgreSQL: a user lists and counts only their own, newest
// first, and marking "seen until" leaves what arrived later unread.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { countUnreadNotifications, listNotifications, markNotificationsRead } from "@/lib/db/notifications";

let mine: { id: string };
let theirs: { id: string };

beforeAll(async () => {
  const org = await db.organisation.create({ data: { name: "Opvang", slug: "opvang-notifications" } });
  const user = (email: string) => db.user.create({ data: { organisationId: org.id, email, name: email, role: "PARENT" } });
  mine = await user("mine@example.test");
  theirs = await user("theirs@example.test");
  const note = (userId: string, createdAt: string, event: "REQUEST_ASSESSED" | "REQUEST_EXPIRED") =>
    db.notification.create({ data: { userId, event, url: "/agenda/requests/x", data: { kind: "EXTRA_DAY" }, createdAt: new Date(createdAt) } });
  await note(mine.id, "2026-11-20T08:00:00Z", "REQUEST_ASSESSED");
  await note(mine.id, "2026-11-22T08:00:00Z", "REQUEST_EXPIRED");
  await note(theirs.id, "2026-11-21T08:00:00Z", "REQUEST_ASSESSED");
});

describe("notifications", () => {
  it("lists only the user's own, newest first, with their data", async () => {
    const list = await listNotifications(mine);
    expect(list.map((n) => [n.event, n.createdAt, n.read])).toEqual([
      ["REQUEST_EXPIRED", "2026-11-22T08:00:00.000Z", false],
      ["REQUEST_ASSESSED", "2026-11-20T08:00:00.000Z", false],
    ]);
    expect(list[0]!.data).toEqual({ kind: "EXTRA_DAY" });
    expect(await countUnreadNotifications(mine)).toBe(2);
    expect(await countUnreadNotifications(theirs)).toBe(1);
  });

  it("marks read up to what the list showed, never another user's", async () => {
    expect(await markNotificationsRead(mine, new Date("2026-11-21T00:00:00Z"))).toBe(1);
    expect((await listNotifications(mine)).map((n) => n.read)).toEqual([false, true]);
    expect(await markNotificationsRead(mine, new Date("2026-11-30T00:00:00Z"))).toBe(1);
    expect(await countUnreadNotifications(mine)).toBe(0);
    expect(await countUnreadNotifications(theirs)).toBe(1);
  });
});
