// POST/DELETE /api/push/subscription (lib/notify/subscriptions.ts) against PostgreSQL: 401 without a
// session, same-origin only, validation of the endpoint and the keys, upsert by endpoint (an endpoint
// moving to another user is theirs now), removal of one's own subscription only; and GET
// /api/push/public-key.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateVapidKeys } from "../scripts/vapid-keys";
import { browserSubscription, createNotifyWorld, type NotifyWorld } from "./notify-fixtures";

const vapid = generateVapidKeys();
process.env.VAPID_PUBLIC_KEY = vapid.publicKey;
process.env.VAPID_PRIVATE_KEY = vapid.privateKey;

const { db } = await import("@/lib/db/client");
const { saveSubscription, deleteSubscription, MAX_SUBSCRIPTIONS_PER_USER } = await import("@/lib/notify/subscriptions");
const { GET: publicKey } = await import("@/app/api/push/public-key/route");

let w: NotifyWorld;

function request(method: "POST" | "DELETE", body: unknown, init: { origin?: string; type?: string; raw?: string } = {}) {
  const headers = new Headers({ "content-type": init.type ?? "application/json", host: "localhost:3000", "user-agent": "TestBrowser/1.0" });
  if (init.origin) headers.set("origin", init.origin);
  return new Request("http://localhost:3000/api/push/subscription", { method, headers, body: init.raw ?? JSON.stringify(body) });
}

const toJSON = (sub: { endpoint: string; p256dh: string; auth: string }) => ({ endpoint: sub.endpoint, expirationTime: null, keys: { p256dh: sub.p256dh, auth: sub.auth } });
const as = (u: { id: string }) => ({ id: u.id });

beforeAll(async () => {
  w = await createNotifyWorld();
});

afterAll(async () => {
  await db.pushSubscription.deleteMany({});
});

describe("POST /api/push/subscription", () => {
  it("401 without a session, 403 from another site, 415 for a non-JSON body", async () => {
    const sub = browserSubscription("https://fcm.googleapis.com/fcm/send/abc");
    expect((await saveSubscription(null, request("POST", toJSON(sub)))).status).toBe(401);
    expect((await saveSubscription(as(w.parentNl), request("POST", toJSON(sub), { origin: "https://evil.example" }))).status).toBe(403);
    expect((await saveSubscription(as(w.parentNl), request("POST", toJSON(sub), { type: "text/plain" }))).status).toBe(415);
    expect(await db.pushSubscription.count()).toBe(0);
  });

  it("refuses a bad endpoint or bad keys with the fields", async () => {
    const good = browserSubscription("https://updates.push.services.mozilla.com/wpush/v2/abc");
    const bad = async (body: unknown, production = true) => {
      const res = await saveSubscription(as(w.parentNl), request("POST", body), production);
      expect(res.status).toBe(400);
      return ((await res.json()) as { code: string; fields: string[] });
    };
    const other = browserSubscription("x");
    expect(await bad({ ...toJSON(good), endpoint: "http://updates.push.services.mozilla.com/x" })).toEqual({ ok: false, code: "errors.validation", fields: ["endpoint"] });
    expect((await bad({ ...toJSON(good), endpoint: "http://localhost:9999/push" })).fields).toEqual(["endpoint"]);
    expect((await bad({ ...toJSON(good), endpoint: "https://10.0.0.5/push" })).fields).toEqual(["endpoint"]);
    expect((await bad({ ...toJSON(good), endpoint: "https://user:pw@push.example.com/x" })).fields).toEqual(["endpoint"]);
    expect((await bad({ ...toJSON(good), endpoint: "javascript:alert(1)" })).fields).toEqual(["endpoint"]);
    expect((await bad({ ...toJSON(good), keys: { p256dh: good.p256dh.slice(0, 40), auth: good.auth } })).fields).toEqual(["keys.p256dh"]);
    // 65 bytes starting with 0x04, but not a point on the curve.
    const offCurve = Buffer.alloc(65, 7);
    offCurve[0] = 4;
    expect((await bad({ ...toJSON(good), keys: { p256dh: offCurve.toString("base64url"), auth: good.auth } })).fields).toEqual(["keys.p256dh"]);
    expect((await bad({ ...toJSON(good), keys: { p256dh: other.p256dh, auth: "c2hvcnQ" } })).fields).toEqual(["keys.auth"]);
    expect((await bad({ ...toJSON(good), keys: { p256dh: "not base64!", auth: good.auth } })).fields).toEqual(["keys.p256dh"]);
    expect((await bad({ endpoint: good.endpoint })).fields).toEqual(["keys"]);
    const broken = await saveSubscription(as(w.parentNl), request("POST", null, { raw: "{not json" }));
    expect(broken.status).toBe(400);
    expect(await db.pushSubscription.count()).toBe(0);
  });

  it("accepts a local http push service only outside production", async () => {
    const local = browserSubscription("http://127.0.0.1:4567/push/dev");
    expect((await saveSubscription(as(w.parentNl), request("POST", toJSON(local)), true)).status).toBe(400);
    expect((await saveSubscription(as(w.parentNl), request("POST", toJSON(local)), false)).status).toBe(201);
    await db.pushSubscription.deleteMany({});
  });

  it("saves, refreshes and moves a subscription by its endpoint", async () => {
    const sub = browserSubscription("https://fcm.googleapis.com/fcm/send/device-1");
    const created = await saveSubscription(as(w.parentNl), request("POST", toJSON(sub), { origin: "http://localhost:3000" }));
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({ ok: true });
    const row = await db.pushSubscription.findUniqueOrThrow({ where: { endpoint: sub.endpoint } });
    expect(row).toMatchObject({ userId: w.parentNl.id, p256dh: sub.p256dh, auth: sub.auth, userAgent: "TestBrowser/1.0", failureCount: 0 });

    // The browser refreshed its keys: same row, new keys, failures forgotten.
    await db.pushSubscription.update({ where: { id: row.id }, data: { failureCount: 3 } });
    const renewed = browserSubscription(sub.endpoint);
    expect((await saveSubscription(as(w.parentNl), request("POST", toJSON(renewed)))).status).toBe(200);
    expect(await db.pushSubscription.findUniqueOrThrow({ where: { endpoint: sub.endpoint } })).toMatchObject({ id: row.id, userId: w.parentNl.id, p256dh: renewed.p256dh, auth: renewed.auth, failureCount: 0 });

    // Another user signs in on that browser: the endpoint is theirs now, never both.
    expect((await saveSubscription(as(w.parentEn), request("POST", toJSON(renewed)))).status).toBe(201);
    expect(await db.pushSubscription.findMany({ where: { endpoint: sub.endpoint }, select: { userId: true } })).toEqual([{ userId: w.parentEn.id }]);
  });

  it("keeps at most MAX_SUBSCRIPTIONS_PER_USER per user, dropping the oldest", async () => {
    const endpoints: string[] = [];
    for (let i = 0; i < MAX_SUBSCRIPTIONS_PER_USER + 2; i++) {
      const sub = browserSubscription(`https://fcm.googleapis.com/fcm/send/staff-${i}`);
      endpoints.push(sub.endpoint);
      expect((await saveSubscription(as(w.staff), request("POST", toJSON(sub)))).status).toBe(201);
    }
    const kept = await db.pushSubscription.findMany({ where: { userId: w.staff.id }, select: { endpoint: true } });
    expect(kept.map((k) => k.endpoint).sort()).toEqual(endpoints.slice(2).sort());
  });
});

describe("DELETE /api/push/subscription", () => {
  it("removes the caller's own subscription only", async () => {
    const mine = browserSubscription("https://fcm.googleapis.com/fcm/send/mine");
    const theirs = browserSubscription("https://fcm.googleapis.com/fcm/send/theirs");
    await saveSubscription(as(w.parentNl), request("POST", toJSON(mine)));
    await saveSubscription(as(w.parentEn), request("POST", toJSON(theirs)));

    expect((await deleteSubscription(null, request("DELETE", { endpoint: mine.endpoint }))).status).toBe(401);
    expect((await deleteSubscription(as(w.parentNl), request("DELETE", { endpoint: mine.endpoint }, { origin: "https://evil.example" }))).status).toBe(403);
    expect((await deleteSubscription(as(w.parentNl), request("DELETE", {}))).status).toBe(400);
    // Someone else's: nothing happens.
    expect((await deleteSubscription(as(w.parentNl), request("DELETE", { endpoint: theirs.endpoint }))).status).toBe(404);
    expect(await db.pushSubscription.count({ where: { endpoint: theirs.endpoint, userId: w.parentEn.id } })).toBe(1);

    expect((await deleteSubscription(as(w.parentNl), request("DELETE", { endpoint: mine.endpoint }))).status).toBe(200);
    expect(await db.pushSubscription.count({ where: { endpoint: mine.endpoint } })).toBe(0);
    expect((await deleteSubscription(as(w.parentNl), request("DELETE", { endpoint: mine.endpoint }))).status).toBe(404);
  });
});

describe("GET /api/push/public-key", () => {
  it("answers the VAPID public key", async () => {
    const res = publicKey();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ publicKey: vapid.publicKey });
  });
});
