// What notify() plans, against PostgreSQL: deliveries per channel from the preferences (role defaults,
// stored switches), push only for users with a subscription, notBefore after the user's quiet hours
// (DST-correct), and NEW_PHOTOS as a series: whatever the number of photos uploaded (also at once), one
// e-mail and one push per recipient, sent a little after the series' last photo, with its final count.
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserSubscription, createNotifyWorld, decryptPush, startNotifyChannels, type NotifyWorld } from "./notify-fixtures";

const { smtp, service } = await startNotifyChannels();
process.env.NOTIFY_PHOTO_BATCH_SECONDS = "120";

const { db } = await import("@/lib/db/client");
const { notify, BATCH_MAX_WAIT_MS } = await import("@/lib/notify");
const { runDeliveries } = await import("@/lib/notify/worker");
const { handleUpload } = await import("@/lib/server/photos/upload");
const { LocalBlobStore } = await import("@/lib/server/storage/store");
const { uploadQuery } = await import("@/lib/schemas/photo-upload");
// After the environment is set: the fixtures load the database client (which reads it once).
const { createFamily, createGroup, createOrganisation, createUser, NOW } = await import("./photo-fixtures");

let w: NotifyWorld;
let base: string;

const at = (start: Date, seconds: number) => new Date(start.getTime() + seconds * 1000);

beforeAll(async () => {
  w = await createNotifyWorld();
  base = await mkdtemp(path.join(tmpdir(), "notify-deliveries-"));
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
  await service.stop();
  await smtp.stop();
});

describe("planning deliveries", () => {
  it("per channel from role defaults and stored switches; push only with a subscription", async () => {
    await db.pushSubscription.create({ data: { userId: w.parentEn.id, endpoint: service.endpoint(), p256dh: browserSubscription("x").p256dh, auth: "AAAAAAAAAAAAAAAAAAAAAA" } });
    await db.notificationPreference.create({ data: { userId: w.parentEn.id, event: "NEWS", email: false, push: true } });
    const plan = async (event: "NEW_PHOTOS" | "NEWS" | "NEW_MESSAGE" | "REQUEST_EXPIRED", userIds: string[]) => {
      const url = `/x/${randomUUID()}`;
      await db.$transaction((tx) => notify(tx, { event, userIds, url, data: {} }));
      const rows = await db.notificationDelivery.findMany({ where: { notification: { url } } });
      return rows.map((d) => `${d.userId === w.parentNl.id ? "nl" : d.userId === w.parentEn.id ? "en" : "staff"}:${d.channel}`).sort();
    };
    const all = [w.parentNl.id, w.parentEn.id, w.staff.id];
    // Parents: photos not by e-mail unless switched on; push on (only the English parent has a device).
    expect(await plan("NEW_PHOTOS", all)).toEqual(["en:PUSH"]);
    // News: e-mail on by default, but the English parent switched it off.
    expect(await plan("NEWS", all)).toEqual(["en:PUSH", "nl:EMAIL"]);
    expect(await plan("REQUEST_EXPIRED", all)).toEqual(["en:EMAIL", "en:PUSH", "nl:EMAIL"]);
    // Staff: e-mail for messages.
    expect(await plan("NEW_MESSAGE", [w.staff.id])).toEqual(["staff:EMAIL"]);
    expect(await db.notification.count({ where: { url: { startsWith: "/x/" } } })).toBe(10);
    await db.notificationDelivery.deleteMany({});
    await db.pushSubscription.deleteMany({ where: { userId: w.parentEn.id } });
  });

  it("waits for the end of the user's quiet hours, in winter and in summer time", async () => {
    // 22:00–07:00 for the Dutch parent; the English parent has none.
    await db.user.update({ where: { id: w.parentNl.id }, data: { quietHoursStart: 22 * 60, quietHoursEnd: 7 * 60 } });
    const cases = [
      // 23:30 in Amsterdam (CET, UTC+1) → 07:00 the next morning.
      { now: new Date("2026-11-23T22:30:00Z"), until: new Date("2026-11-24T06:00:00Z") },
      // 05:15 (CET) → 07:00 the same morning.
      { now: new Date("2026-11-24T04:15:00Z"), until: new Date("2026-11-24T06:00:00Z") },
      // 23:30 in summer (CEST, UTC+2) → 07:00 = 05:00 UTC.
      { now: new Date("2026-06-15T21:30:00Z"), until: new Date("2026-06-16T05:00:00Z") },
      // The night the clocks go back (25 October 2026, 03:00 CEST → 02:00 CET): 07:00 CET = 06:00 UTC.
      { now: new Date("2026-10-24T21:00:00Z"), until: new Date("2026-10-25T06:00:00Z") },
      // 14:00: not quiet.
      { now: new Date("2026-11-24T13:00:00Z"), until: new Date("2026-11-24T13:00:00Z") },
    ];
    for (const c of cases) {
      const url = `/agenda/requests/${randomUUID()}`;
      await db.$transaction((tx) => notify(tx, { event: "REQUEST_ASSESSED", userIds: [w.parentNl.id, w.parentEn.id], url, data: { kind: "EXTRA_DAY" }, now: c.now }));
      const rows = await db.notificationDelivery.findMany({ where: { notification: { url } } });
      const byUser = Object.fromEntries(rows.map((d) => [d.userId, d.notBefore.toISOString()]));
      expect(byUser).toEqual({ [w.parentNl.id]: c.until.toISOString(), [w.parentEn.id]: c.now.toISOString() });
    }

    // The worker holds the e-mail back until then.
    await db.notificationDelivery.deleteMany({});
    const night = new Date("2026-11-23T22:30:00Z");
    await db.$transaction((tx) => notify(tx, { event: "REQUEST_ASSESSED", userIds: [w.parentNl.id], url: "/agenda/requests/q", data: { kind: "ABSENCE" }, now: night }));
    expect(await runDeliveries({ now: night })).toMatchObject({ sent: 0 });
    expect(await runDeliveries({ now: new Date("2026-11-24T05:59:59Z") })).toMatchObject({ sent: 0 });
    expect(await runDeliveries({ now: new Date("2026-11-24T06:00:00Z") })).toMatchObject({ sent: 1 });
    await db.user.update({ where: { id: w.parentNl.id }, data: { quietHoursStart: null, quietHoursEnd: null } });
  });
});

describe("NEW_PHOTOS series", () => {
  let staff: Awaited<ReturnType<typeof createUser>>;
  let family: Awaited<ReturnType<typeof createFamily>>;
  let groupId: string;
  let sub: ReturnType<typeof browserSubscription>;

  beforeAll(async () => {
    const org = await createOrganisation("Reeks");
    groupId = (await createGroup(org.locationId, "Egeltjes")).id;
    staff = await createUser(org.id, "STAFF", { groupIds: [groupId], name: "Sanne" });
    family = await createFamily(org.id, "Visser", { firstName: "Lotte", groupId, consents: ["PHOTOS", "GROUP_PHOTOS"] });
    // Guardian 1: photo e-mails switched on and a phone; guardian 2: the defaults (no e-mail), no device.
    await db.notificationPreference.create({ data: { userId: family.guardian1.id, event: "NEW_PHOTOS", email: true, push: true } });
    sub = browserSubscription(service.endpoint());
    await db.pushSubscription.create({ data: { userId: family.guardian1.id, endpoint: sub.endpoint, p256dh: sub.p256dh, auth: sub.auth } });
  });

  async function upload(batchId: string, now: Date, shade: number) {
    const body = await sharp({ create: { width: 40, height: 30, channels: 3, background: { r: shade, g: 90, b: 40 } } }).jpeg().toBuffer();
    const query = uploadQuery({ groupId, childIds: [family.childId], audience: "TAGGED", clientKey: randomUUID(), batchId });
    const request = new Request(`http://localhost/api/photos/upload?${query}`, {
      method: "POST",
      headers: { "content-type": "application/octet-stream", host: "localhost" },
      body: new Uint8Array(body),
    });
    const res = await handleUpload(staff, request, { store: new LocalBlobStore(base), now });
    expect(res.status).toBe(201);
  }

  const deliveriesOf = (batchId: string) =>
    db.notificationDelivery.findMany({ where: { notification: { data: { path: ["batchKey"], equals: `${batchId}:${groupId}` } } }, orderBy: { channel: "asc" } });
  const pushesTo = () => service.requests.filter((r) => r.path === new URL(sub.endpoint).pathname);
  const mailsTo = () => smtp.mails.filter((m) => m.envelopeTo.includes(family.guardian1.email));

  it("one e-mail and one push per recipient for a series, after its last photo, with the final count", async () => {
    const batchId = randomUUID();
    await upload(batchId, NOW, 100);
    await upload(batchId, at(NOW, 20), 110);
    await upload(batchId, at(NOW, 40), 120);
    const rows = await deliveriesOf(batchId);
    expect(rows.map((d) => [d.userId, d.channel, d.status])).toEqual([
      [family.guardian1.id, "EMAIL", "PENDING"],
      [family.guardian1.id, "PUSH", "PENDING"],
    ]);
    // Due 2 minutes after the last photo.
    for (const d of rows) expect(d.notBefore.toISOString()).toBe(at(NOW, 160).toISOString());

    const mailsBefore = mailsTo().length;
    expect(await runDeliveries({ now: at(NOW, 159) })).toMatchObject({ sent: 0 });
    expect(await runDeliveries({ now: at(NOW, 160) })).toMatchObject({ sent: 2 });
    expect(mailsTo()).toHaveLength(mailsBefore + 1);
    expect(mailsTo().at(-1)!.subject).toBe("3 nieuwe foto's in Egeltjes");
    expect(mailsTo().at(-1)!.text).toContain("Sanne heeft 3 nieuwe foto's geplaatst in Egeltjes (met Lotte).");
    expect(pushesTo()).toHaveLength(1);
    expect(JSON.parse(decryptPush(pushesTo()[0]!.body, sub))).toMatchObject({ title: "3 nieuwe foto's in Egeltjes", url: "/nl/" });
    expect(await runDeliveries({ now: at(NOW, 3600) })).toMatchObject({ sent: 0 });

    // The series goes on after it was announced: announced once more, with the new total, by the same rows.
    await upload(batchId, at(NOW, 600), 130);
    const again = await deliveriesOf(batchId);
    expect(again.map((d) => [d.id, d.status, d.notBefore.toISOString()])).toEqual(rows.map((d) => [d.id, "PENDING", at(NOW, 720).toISOString()]));
    expect(await runDeliveries({ now: at(NOW, 720) })).toMatchObject({ sent: 2 });
    expect(mailsTo()).toHaveLength(mailsBefore + 2);
    expect(mailsTo().at(-1)!.subject).toBe("4 nieuwe foto's in Egeltjes");
    expect(pushesTo()).toHaveLength(2);
    // The device replaces the first with the second (same tag).
    const [first, second] = pushesTo().map((r) => JSON.parse(decryptPush(r.body, sub)) as { tag: string; title: string });
    expect(second!.title).toBe("4 nieuwe foto's in Egeltjes");
    expect(second!.tag).toBe(first!.tag);
  });

  it("photos uploaded at once still make one delivery per channel", async () => {
    const batchId = randomUUID();
    await Promise.all([140, 150, 160, 170, 180].map((shade) => upload(batchId, NOW, shade)));
    const rows = await deliveriesOf(batchId);
    expect(rows.map((d) => [d.userId, d.channel])).toEqual([
      [family.guardian1.id, "EMAIL"],
      [family.guardian1.id, "PUSH"],
    ]);
    await runDeliveries({ now: at(NOW, 130) });
    expect(mailsTo().at(-1)!.subject).toBe("5 nieuwe foto's in Egeltjes");
  });

  it("a long series is announced at most BATCH_MAX_WAIT_MS after its first photo", async () => {
    const batchId = randomUUID();
    const start = at(NOW, 7200);
    await upload(batchId, start, 190);
    await upload(batchId, at(start, 300), 200);
    await upload(batchId, at(start, 570), 210);
    const rows = await deliveriesOf(batchId);
    for (const d of rows) expect(d.notBefore.getTime()).toBe(start.getTime() + BATCH_MAX_WAIT_MS);
  });
});
