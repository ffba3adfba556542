import webpush from "web-push";
import { describe, expect, it } from "vitest";
import { vapidSubject } from "@/lib/notify/vapid";
import { generateVapidKeys } from "../../scripts/vapid-keys";

describe("local VAPID keys", () => {
  it("generates a P-256 pair web-push accepts, different each time", () => {
    const keys = generateVapidKeys();
    expect(Buffer.from(keys.publicKey, "base64url")).toHaveLength(65);
    expect(Buffer.from(keys.publicKey, "base64url")[0]).toBe(4);
    expect(Buffer.from(keys.privateKey, "base64url")).toHaveLength(32);
    const headers = webpush.getVapidHeaders("https://push.example.com", "mailto:beheer@example.test", keys.publicKey, keys.privateKey, "aes128gcm");
    expect(headers.Authorization).toMatch(/^vapid t=.+, k=.+$/);
    expect(generateVapidKeys().publicKey).not.toBe(keys.publicKey);
  });

  it("the subject: VAPID_SUBJECT, else an https APP_URL, else MAIL_FROM's address", () => {
    const base = { APP_URL: "http://localhost:3000", MAIL_FROM: "Ouderportaal <no-reply@ouders.example.test>" };
    expect(vapidSubject({ ...base, VAPID_SUBJECT: "mailto:beheer@example.test" })).toBe("mailto:beheer@example.test");
    expect(vapidSubject({ ...base, APP_URL: "https://ouders.example.test/app" })).toBe("https://ouders.example.test");
    expect(vapidSubject(base)).toBe("mailto:no-reply@ouders.example.test");
    expect(vapidSubject({ ...base, MAIL_FROM: "plain@example.test" })).toBe("mailto:plain@example.test");
  });
});
