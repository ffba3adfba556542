// Web push end to end: a local HTTP server plays the push service. The test subscribes like a browser
// (a P-256 key pair and a 16-byte auth secret), the delivery worker sends, and the test decrypts the
// aes128gcm payload with the subscription's private key (RFC 8291), reads the JSON the service worker
// will get, and verifies the VAPID JWT (ES256 with the server's public key, aud = the push service's
// origin, exp within 24 h, sub). 404/410 remove the subscription; a 500 is retried.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserSubscription, createNotifyWorld, decryptPush, startNotifyChannels, verifyVapid, type BrowserSubscription, type NotifyWorld } from "./notify-fixtures";

const { smtp, service, vapid } = await startNotifyChannels();
process.env.VAPID_SUBJECT = "mailto:beheer@zonnebloem.example";

const { db } = await import("@/lib/db/client");
const { notify } = await import("@/lib/notify");
const { runDeliveries } = await import("@/lib/notify/worker");
const { retryDelayMs } = await import("@/lib/notify/backoff");

let w: NotifyWorld;

async function subscribe(userId: string, name?: string): Promise<BrowserSubscription> {
  const sub = browserSubscription(service.endpoint(name));
  await db.pushSubscription.create({ data: { userId, endpoint: sub.endpoint, p256dh: sub.p256dh, auth: sub.auth } });
  return sub;
}

const requestsTo = (sub: BrowserSubscription) => service.requests.filter((r) => r.path === new URL(sub.endpoint).pathname);

beforeAll(async () => {
  w = await createNotifyWorld();
});

afterAll(async () => {
  await service.stop();
  await smtp.stop();
});

describe("web push deliveries", () => {
  it("sends an encrypted payload in the user's language with a valid VAPID JWT, one per subscription", async () => {
    const phone = await subscribe(w.parentNl.id);
    const laptop = await subscribe(w.parentNl.id);
    const english = await subscribe(w.parentEn.id);
    const now = new Date();
    await db.$transaction((tx) =>
      notify(tx, {
        event: "REQUEST_ASSESSED",
        userIds: [w.parentNl.id, w.parentEn.id, w.staff.id],
        url: "/agenda/requests/r1",
        data: { requestId: "r1", kind: "EXTRA_DAY", periodStart: "2026-12-07", periodEnd: "2026-12-09" },
        now,
      }),
    );
    // Push only for users with a subscription (staff has none); e-mail per preferences (staff: none).
    const planned = await db.notificationDelivery.findMany({ where: { notification: { url: "/agenda/requests/r1" } } });
    expect(planned.map((d) => `${d.userId}:${d.channel}`).sort()).toEqual(
      [`${w.parentNl.id}:EMAIL`, `${w.parentNl.id}:PUSH`, `${w.parentEn.id}:EMAIL`, `${w.parentEn.id}:PUSH`].sort(),
    );

    expect(await runDeliveries({ now })).toMatchObject({ sent: 4, retried: 0, failed: 0 });
    expect(requestsTo(phone)).toHaveLength(1);
    expect(requestsTo(laptop)).toHaveLength(1);
    expect(requestsTo(english)).toHaveLength(1);

    const notification = await db.notification.findFirstOrThrow({ where: { userId: w.parentNl.id, url: "/agenda/requests/r1" } });
    for (const sub of [phone, laptop]) {
      const request = requestsTo(sub)[0]!;
      expect(request.headers["content-encoding"]).toBe("aes128gcm");
      expect(Number(request.headers.ttl)).toBeGreaterThan(0);
      expect(request.headers.urgency).toBe("normal");
      expect(JSON.parse(decryptPush(request.body, sub))).toEqual({
        title: "Je aanvraag is beoordeeld",
        body: "Je aanvraag (Extra dag, 7 december 2026 t/m 9 december 2026) is beoordeeld. In het aanvragenoverzicht zie je de uitkomst per dagdeel.",
        url: "/nl/agenda/requests/r1",
        tag: notification.id,
      });
      const { key, claims, header } = verifyVapid(request.headers.authorization);
      expect(header).toMatchObject({ typ: "JWT", alg: "ES256" });
      expect(key).toBe(vapid.publicKey);
      expect(claims.aud).toBe(service.origin);
      expect(claims.sub).toBe("mailto:beheer@zonnebloem.example");
      const nowSeconds = Math.floor(Date.now() / 1000);
      expect(claims.exp).toBeGreaterThan(nowSeconds);
      expect(claims.exp).toBeLessThanOrEqual(nowSeconds + 24 * 3600);
    }
    // Another subscription's keys cannot read it.
    expect(() => decryptPush(requestsTo(phone)[0]!.body, laptop)).toThrow();

    const en = JSON.parse(decryptPush(requestsTo(english)[0]!.body, english)) as { title: string; body: string; url: string };
    expect(en.title).toBe("Your request has been assessed");
    expect(en.body).toContain("Your request (Extra day, 7 December 2026 up to and including 9 December 2026) has been assessed.");
    expect(en.url).toBe("/en/agenda/requests/r1");

    const subs = await db.pushSubscription.findMany({ where: { endpoint: { in: [phone.endpoint, laptop.endpoint] } } });
    for (const s of subs) expect(s).toMatchObject({ failureCount: 0, lastSuccessAt: expect.any(Date) });
    // Sent once: a later run does not push again.
    const count = service.requests.length;
    expect(await runDeliveries({ now: new Date(now.getTime() + 3600_000) })).toMatchObject({ sent: 0 });
    expect(service.requests.length).toBe(count);
    await db.pushSubscription.deleteMany({ where: { endpoint: { in: [phone.endpoint, laptop.endpoint, english.endpoint] } } });
  });

  it("removes a subscription the push service answers 410 or 404 for", async () => {
    const gone = await subscribe(w.parentNl.id);
    const missing = await subscribe(w.parentNl.id);
    const alive = await subscribe(w.parentNl.id);
    service.answer(gone.endpoint, 410);
    service.answer(missing.endpoint, 404);
    const now = new Date();
    await db.$transaction((tx) =>
      notify(tx, { event: "NEW_DIARY_ENTRY", userIds: [w.parentNl.id], url: "/diary/e1", data: { entryId: "e1", childName: "Noor", date: "2026-11-23", authorName: "Sanne" }, now }),
    );
    expect(await runDeliveries({ now })).toMatchObject({ sent: 1 });
    expect(await db.pushSubscription.findMany({ where: { userId: w.parentNl.id }, select: { endpoint: true } })).toEqual([{ endpoint: alive.endpoint }]);
    const push = await db.notificationDelivery.findFirstOrThrow({ where: { channel: "PUSH", notification: { url: "/diary/e1" } } });
    expect(push.status).toBe("SENT");
    expect(JSON.parse(decryptPush(requestsTo(alive)[0]!.body, alive))).toMatchObject({ title: "Nieuw dagverslag over Noor", url: "/nl/diary/e1" });

    // The only subscription gone: SKIPPED, subscription removed.
    service.answer(alive.endpoint, 410);
    await db.$transaction((tx) =>
      notify(tx, { event: "NEW_DIARY_ENTRY", userIds: [w.parentNl.id], url: "/diary/e2", data: { entryId: "e2", childName: "Noor", date: "2026-11-24", authorName: "Sanne" }, now }),
    );
    expect(await runDeliveries({ now })).toMatchObject({ sent: 0, skipped: 1 });
    expect(await db.pushSubscription.count({ where: { userId: w.parentNl.id } })).toBe(0);
    expect(await db.notificationDelivery.findFirstOrThrow({ where: { channel: "PUSH", notification: { url: "/diary/e2" } } })).toMatchObject({ status: "SKIPPED" });
  });

  it("retries after a 500 (counting the subscription's failures), then delivers once", async () => {
    const sub = await subscribe(w.parentEn.id);
    service.answer(sub.endpoint, 500);
    const now = new Date();
    const threadId = randomUUID();
    await db.$transaction((tx) =>
      notify(tx, {
        event: "NEW_MESSAGE",
        userIds: [w.parentEn.id],
        url: `/messages/${threadId}`,
        data: { threadId, subject: "Uitje", groupName: "Dolfijnen", authorName: "Sanne de Vries", preview: "Morgen gaan we naar de kinderboerderij." },
        now,
      }),
    );
    expect(await runDeliveries({ now })).toMatchObject({ sent: 1, retried: 1 }); // the e-mail went, the push waits
    const push = await db.notificationDelivery.findFirstOrThrow({ where: { channel: "PUSH", notification: { url: `/messages/${threadId}` } } });
    expect(push).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(push.lastError).toMatch(/500/);
    expect(await db.pushSubscription.findUniqueOrThrow({ where: { endpoint: sub.endpoint } })).toMatchObject({ failureCount: 1, lastSuccessAt: null });

    expect(await runDeliveries({ now: new Date(now.getTime() + retryDelayMs(1)) })).toMatchObject({ sent: 1, retried: 0 });
    expect(requestsTo(sub)).toHaveLength(2);
    const payload = JSON.parse(decryptPush(requestsTo(sub)[1]!.body, sub)) as Record<string, string>;
    expect(payload).toMatchObject({ title: "New message from Sanne de Vries", body: "Morgen gaan we naar de kinderboerderij.", url: `/en/messages/${threadId}` });
    expect(requestsTo(sub)[1]!.headers.urgency).toBe("high");
    expect(await db.pushSubscription.findUniqueOrThrow({ where: { endpoint: sub.endpoint } })).toMatchObject({ failureCount: 0, lastSuccessAt: expect.any(Date) });
    expect(await db.notificationDelivery.findUniqueOrThrow({ where: { id: push.id } })).toMatchObject({ status: "SENT", attempts: 2 });
    await db.pushSubscription.deleteMany({ where: { endpoint: sub.endpoint } });
  });

  it("skips the push of a notification read in the app before it went out; the e-mail still goes", async () => {
    const sub = await subscribe(w.parentNl.id);
    const now = new Date();
    await db.$transaction((tx) =>
      notify(tx, { event: "REQUEST_ASSESSED", userIds: [w.parentNl.id], url: "/agenda/requests/r9", data: { requestId: "r9", kind: "ABSENCE" }, now }),
    );
    await db.notification.updateMany({ where: { url: "/agenda/requests/r9" }, data: { readAt: now } });
    const mails = smtp.mails.length;
    expect(await runDeliveries({ now })).toMatchObject({ sent: 1, skipped: 1 });
    expect(requestsTo(sub)).toHaveLength(0);
    expect(smtp.mails.length).toBe(mails + 1);
    const deliveries = await db.notificationDelivery.findMany({ where: { notification: { url: "/agenda/requests/r9" } }, orderBy: { channel: "asc" } });
    expect(deliveries.map((d) => [d.channel, d.status])).toEqual([["EMAIL", "SENT"], ["PUSH", "SKIPPED"]]);
    await db.pushSubscription.deleteMany({ where: { endpoint: sub.endpoint } });
  });
});
