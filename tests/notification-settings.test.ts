// Notification settings against a real PostgreSQL (seed 002 §7.3): a user reads and writes only their
// own switches and quiet hours; another user's stay untouched; staff cannot set events they never get;
// invalid input changes nothing; saving twice is saving once.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createAuthedAction, fail, ok } from "@/lib/actions/safe-action";
import type { SessionUser } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import {
  defaultPreference,
  getNotificationSettings,
  loadPreferences,
  NOTIFICATION_EVENTS,
  saveNotificationSettings,
  savePreferences,
  saveQuietHours,
} from "@/lib/notify/preferences";
import { notificationSettingsSchema } from "@/lib/schemas/notification-settings";

let parent: SessionUser;
let otherParent: SessionUser;
let staff: SessionUser;

async function makeUser(orgId: string, role: SessionUser["role"], email: string, locale = "nl"): Promise<SessionUser> {
  const row = await db.user.create({ data: { organisationId: orgId, email, name: email, role, locale } });
  return { id: row.id, email, name: email, role, organisationId: orgId, locale, familyId: null, guardianRank: null, groupIds: [] };
}

/** Everything the settings can change, for "nothing changed" checks. */
async function snapshot() {
  const prefs = await db.notificationPreference.findMany({ orderBy: [{ userId: "asc" }, { event: "asc" }] });
  const users = await db.user.findMany({ select: { id: true, quietHoursStart: true, quietHoursEnd: true }, orderBy: { id: "asc" } });
  return { prefs, users };
}

// The settings action as lib/actions/notifications/save-settings.ts composes it, for a given session
// (the real module also revalidates the page, which needs a Next request).
const actionFor = (user: SessionUser | null) =>
  createAuthedAction(async () => user)(notificationSettingsSchema, async (data, u) => {
    const result = await saveNotificationSettings(u, data);
    return result.ok ? ok({ saved: true as const }) : fail(result.code);
  });

beforeAll(async () => {
  const org = await db.organisation.create({ data: { name: "Opvang", slug: "opvang-notification-settings" } });
  parent = await makeUser(org.id, "PARENT", "ouder@example.test");
  otherParent = await makeUser(org.id, "PARENT", "andere-ouder@example.test", "en");
  staff = await makeUser(org.id, "STAFF", "medewerker@example.test");
  await db.pushSubscription.create({
    data: { userId: parent.id, endpoint: "https://push.example.test/1", p256dh: "key", auth: "auth" },
  });
});

beforeEach(async () => {
  await db.notificationPreference.deleteMany({});
  await db.user.updateMany({ data: { quietHoursStart: null, quietHoursEnd: null } });
});

describe("loadPreferences", () => {
  it("without stored rows: the role's defaults, no quiet hours, the user's locale and address", async () => {
    const map = await loadPreferences(db, [parent.id, otherParent.id, staff.id, parent.id]);
    expect(map.size).toBe(3);
    const mine = map.get(parent.id)!;
    expect(mine).toMatchObject({ locale: "nl", role: "PARENT", email: "ouder@example.test", quietHours: null });
    for (const event of NOTIFICATION_EVENTS) expect(mine.prefs[event]).toEqual(defaultPreference(event, "PARENT"));
    expect(mine.prefs.NEW_PHOTOS).toEqual({ email: false, push: true });
    expect(mine.prefs.REQUEST_ASSESSED).toEqual({ email: true, push: true });
    expect(map.get(otherParent.id)!.locale).toBe("en");
    expect(map.get(staff.id)!.prefs.NEW_MESSAGE).toEqual({ email: true, push: true });
    expect((await loadPreferences(db, [])).size).toBe(0);
  });

  it("works inside a transaction", async () => {
    await saveQuietHours(parent, { start: 22 * 60, end: 7 * 60 });
    const map = await db.$transaction((tx) => loadPreferences(tx, [parent.id]));
    expect(map.get(parent.id)!.quietHours).toEqual({ start: 1320, end: 420 });
  });
});

describe("savePreferences", () => {
  it("stores the user's own switches only; another user keeps the defaults", async () => {
    const result = await savePreferences(parent, [
      { event: "NEW_PHOTOS", email: true, push: true },
      { event: "NEWS", email: false, push: false },
    ]);
    expect(result).toEqual({ ok: true });
    const map = await loadPreferences(db, [parent.id, otherParent.id]);
    expect(map.get(parent.id)!.prefs.NEW_PHOTOS).toEqual({ email: true, push: true });
    expect(map.get(parent.id)!.prefs.NEWS).toEqual({ email: false, push: false });
    expect(map.get(parent.id)!.prefs.NEW_MESSAGE).toEqual({ email: true, push: true });
    expect(map.get(otherParent.id)!.prefs.NEW_PHOTOS).toEqual({ email: false, push: true });
    expect(map.get(otherParent.id)!.prefs.NEWS).toEqual({ email: true, push: true });
    expect(await db.notificationPreference.count({ where: { userId: { not: parent.id } } })).toBe(0);
  });

  it("saving the same state twice leaves one row per event; a later save changes it", async () => {
    const prefs = [{ event: "NEW_PHOTOS" as const, email: true, push: false }];
    await savePreferences(parent, prefs);
    await savePreferences(parent, prefs);
    expect(await db.notificationPreference.findMany({ where: { userId: parent.id } })).toEqual([
      { userId: parent.id, event: "NEW_PHOTOS", email: true, push: false },
    ]);
    await savePreferences(parent, [{ event: "NEW_PHOTOS", email: false, push: false }]);
    expect(await db.notificationPreference.findMany({ where: { userId: parent.id } })).toEqual([
      { userId: parent.id, event: "NEW_PHOTOS", email: false, push: false },
    ]);
  });

  it("staff may set new messages only; any other event refuses the whole save", async () => {
    const before = await snapshot();
    expect(
      await savePreferences(staff, [
        { event: "NEW_MESSAGE", email: false, push: true },
        { event: "REQUEST_ASSESSED", email: true, push: true },
      ]),
    ).toEqual({ ok: false, code: "errors.forbidden" });
    expect(await snapshot()).toEqual(before);
    expect(await savePreferences(staff, [{ event: "NEW_MESSAGE", email: false, push: true }])).toEqual({ ok: true });
    expect((await loadPreferences(db, [staff.id])).get(staff.id)!.prefs.NEW_MESSAGE).toEqual({ email: false, push: true });
  });
});

describe("saveQuietHours", () => {
  it("sets and clears the user's own quiet hours, leaving other users alone", async () => {
    await saveQuietHours(otherParent, { start: 12 * 60, end: 13 * 60 });
    expect(await saveQuietHours(parent, { start: 22 * 60, end: 7 * 60 })).toEqual({ ok: true });
    let map = await loadPreferences(db, [parent.id, otherParent.id, staff.id]);
    expect(map.get(parent.id)!.quietHours).toEqual({ start: 1320, end: 420 });
    expect(map.get(otherParent.id)!.quietHours).toEqual({ start: 720, end: 780 });
    expect(map.get(staff.id)!.quietHours).toBeNull();
    expect(await saveQuietHours(parent, null)).toEqual({ ok: true });
    map = await loadPreferences(db, [parent.id, otherParent.id]);
    expect(map.get(parent.id)!.quietHours).toBeNull();
    expect(map.get(otherParent.id)!.quietHours).toEqual({ start: 720, end: 780 });
  });

  it("an invalid period writes nothing", async () => {
    await saveQuietHours(parent, { start: 22 * 60, end: 7 * 60 });
    const before = await snapshot();
    for (const bad of [
      { start: 420, end: 420 },
      { start: 1321, end: 420 },
      { start: 1440, end: 420 },
      { start: -15, end: 420 },
    ]) {
      expect(await saveQuietHours(parent, bad)).toEqual({ ok: false, code: "errors.validation" });
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe("the settings page: read and save", () => {
  it("shows a parent all seven events, staff only new messages, with the push device count", async () => {
    await savePreferences(parent, [{ event: "NEW_PHOTOS", email: true, push: false }]);
    const mine = await getNotificationSettings(parent);
    expect(mine.events.map((e) => e.event)).toEqual([...NOTIFICATION_EVENTS]);
    expect(mine.events.find((e) => e.event === "NEW_PHOTOS")).toEqual({ event: "NEW_PHOTOS", email: true, push: false });
    expect(mine.pushDevices).toBe(1);
    const theirs = await getNotificationSettings(staff);
    expect(theirs).toEqual({ events: [{ event: "NEW_MESSAGE", email: true, push: true }], quietHours: null, pushDevices: 0 });
  });

  it("saves switches and quiet hours together for the signed-in user", async () => {
    const result = await actionFor(parent)({
      prefs: [
        { event: "NEW_PHOTOS", email: true, push: true },
        { event: "NEW_DIARY_ENTRY", email: false, push: false },
      ],
      quietHours: { start: 21 * 60 + 30, end: 6 * 60 + 45 },
    });
    expect(result).toEqual({ ok: true, data: { saved: true } });
    const mine = await getNotificationSettings(parent);
    expect(mine.quietHours).toEqual({ start: 1290, end: 405 });
    expect(mine.events.find((e) => e.event === "NEW_DIARY_ENTRY")).toMatchObject({ email: false, push: false });
    expect(await db.notificationPreference.count({ where: { userId: { not: parent.id } } })).toBe(0);
  });

  it("bad input, a forbidden event or no session change nothing", async () => {
    await actionFor(parent)({ prefs: [{ event: "NEWS", email: false, push: true }], quietHours: { start: 1320, end: 420 } });
    const before = await snapshot();
    const attempts: [SessionUser | null, unknown, string][] = [
      [parent, { prefs: [{ event: "NEWS", email: true, push: true }], quietHours: { start: 420, end: 420 } }, "errors.validation"],
      [parent, { prefs: [{ event: "BIRTHDAY", email: true, push: true }], quietHours: null }, "errors.validation"],
      [parent, { prefs: [{ event: "NEWS", email: "yes", push: true }], quietHours: null }, "errors.validation"],
      [parent, { prefs: [{ event: "NEWS", email: true, push: true }, { event: "NEWS", email: false, push: false }], quietHours: null }, "errors.validation"],
      [parent, "not an object", "errors.validation"],
      [staff, { prefs: [{ event: "NEW_PHOTOS", email: true, push: true }], quietHours: null }, "errors.forbidden"],
      [null, { prefs: [{ event: "NEWS", email: true, push: true }], quietHours: null }, "errors.unauthorised"],
    ];
    for (const [user, input, code] of attempts) {
      expect(await actionFor(user)(input)).toMatchObject({ ok: false, code });
    }
    expect(await snapshot()).toEqual(before);
    const quiet = await actionFor(parent)({ prefs: [], quietHours: { start: 420, end: 420 } });
    expect(quiet).toMatchObject({ fieldErrors: { "quietHours.end": ["NotificationSettings.errors.sameTimes"] } });
  });
});
