import { createECDH, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isAllowedEndpoint, subscriptionSchema } from "./subscription-schema";

function browserKeys() {
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  return { p256dh: ecdh.getPublicKey().toString("base64url"), auth: randomBytes(16).toString("base64url") };
}

describe("push endpoints", () => {
  it("in production: https push services only, no credentials, IP addresses or local names", () => {
    for (const ok of ["https://fcm.googleapis.com/fcm/send/abc", "https://updates.push.services.mozilla.com/wpush/v2/x", "https://web.push.apple.com/QAbc"]) {
      expect(isAllowedEndpoint(ok, true), ok).toBe(true);
    }
    for (const bad of [
      "http://fcm.googleapis.com/fcm/send/abc",
      "http://localhost:8080/push",
      "https://localhost/push",
      "https://127.0.0.1/push",
      "https://[::1]/push",
      "https://10.1.2.3/push",
      "https://[fd00::1]/push",
      "https://intranet/push",
      "https://printer.local/push",
      "https://a:b@push.example.com/x",
      "ftp://push.example.com/x",
      "not a url",
    ]) {
      expect(isAllowedEndpoint(bad, true), bad).toBe(false);
    }
  });

  it("outside production also a push service on this machine over http", () => {
    expect(isAllowedEndpoint("http://localhost:8080/push", false)).toBe(true);
    expect(isAllowedEndpoint("http://127.0.0.1:8080/push", false)).toBe(true);
    expect(isAllowedEndpoint("http://[::1]:8080/push", false)).toBe(true);
    expect(isAllowedEndpoint("http://example.com/push", false)).toBe(false);
    expect(isAllowedEndpoint("https://push.example.com/x", false)).toBe(true);
  });
});

describe("subscription body", () => {
  const schema = subscriptionSchema(true);
  const endpoint = "https://fcm.googleapis.com/fcm/send/abc";

  it("accepts what PushSubscription.toJSON() gives, with or without padding", () => {
    const keys = browserKeys();
    expect(schema.safeParse({ endpoint, expirationTime: null, keys }).success).toBe(true);
    expect(schema.safeParse({ endpoint, keys: { p256dh: `${keys.p256dh}=`, auth: `${keys.auth}==` } }).success).toBe(true);
  });

  it("refuses keys of the wrong length, off the curve or not base64url", () => {
    const keys = browserKeys();
    const offCurve = Buffer.alloc(65, 1);
    offCurve[0] = 4;
    const compressed = Buffer.from(keys.p256dh, "base64url").subarray(0, 33);
    for (const bad of [
      { p256dh: offCurve.toString("base64url"), auth: keys.auth },
      { p256dh: compressed.toString("base64url"), auth: keys.auth },
      { p256dh: keys.p256dh.replace(/[A-Za-z]/, "+"), auth: keys.auth },
      { p256dh: keys.p256dh, auth: randomBytes(12).toString("base64url") },
      { p256dh: keys.p256dh, auth: "" },
    ]) {
      expect(schema.safeParse({ endpoint, keys: bad }).success).toBe(false);
    }
  });
});
