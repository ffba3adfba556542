import "server-only";
import { serverEnv } from "@/lib/server/env";

// The VAPID identity of this server (RFC 8292) from VAPID_PUBLIC_KEY / VAPID_PRIVATE_KEY /
// VAPID_SUBJECT. `npm run dev`, `npm start` and the e2e server generate a pair into .data/vapid.json on
// first start (scripts/vapid-keys.ts) when the environment has none; a production deployment sets its
// own (they must stay the same: browsers' subscriptions are bound to the public key). Without keys,
// push is off: notify() creates no PUSH deliveries and one warning is logged.

export interface VapidConfig {
  publicKey: string;
  privateKey: string;
  subject: string;
}

let warned = false;

/** The subject push services may contact: VAPID_SUBJECT, else APP_URL when https, else MAIL_FROM's address. */
export function vapidSubject(env: { VAPID_SUBJECT?: string; APP_URL: string; MAIL_FROM: string }): string {
  if (env.VAPID_SUBJECT) return env.VAPID_SUBJECT;
  if (env.APP_URL.startsWith("https://")) return new URL(env.APP_URL).origin;
  const address = /<([^<>\s]+@[^<>\s]+)>/.exec(env.MAIL_FROM)?.[1] ?? /([^<>\s]+@[^<>\s]+)/.exec(env.MAIL_FROM)?.[1];
  return `mailto:${address ?? "no-reply@ouderportaal.local"}`;
}

/** The VAPID configuration, or null when push is off (warned once per process, not in tests). */
export function vapidConfig(): VapidConfig | null {
  const env = serverEnv();
  if (env.VAPID_PUBLIC_KEY && env.VAPID_PRIVATE_KEY) {
    return { publicKey: env.VAPID_PUBLIC_KEY, privateKey: env.VAPID_PRIVATE_KEY, subject: vapidSubject(env) };
  }
  if (!warned && process.env.NODE_ENV !== "test") {
    warned = true;
    console.warn("[notify] VAPID_PUBLIC_KEY/VAPID_PRIVATE_KEY not set: web push is off (README: Configuration)");
  }
  return null;
}
