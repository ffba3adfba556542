import { ECDH } from "node:crypto";
import { isIP } from "node:net";
import { z } from "zod";

// What POST /api/push/subscription accepts (lib/notify/subscriptions.ts): the browser's
// PushSubscription.toJSON(). Pure, so it is unit tested.

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** May the server post pushes to this URL? (the rules: lib/notify/subscriptions.ts) */
export function isAllowedEndpoint(value: string, production: boolean): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  const host = url.hostname.toLowerCase();
  if (url.protocol === "http:") return !production && LOCAL_HOSTS.has(host);
  if (url.protocol !== "https:") return false;
  if (!production) return true;
  const bare = host.replace(/^\[|\]$/g, "");
  return !LOCAL_HOSTS.has(host) && isIP(bare) === 0 && host.includes(".") && !host.endsWith(".localhost") && !host.endsWith(".local");
}

const base64url = z.string().regex(/^[A-Za-z0-9_-]+={0,2}$/, "base64url");

function isP256Point(value: string): boolean {
  const bytes = Buffer.from(value, "base64url");
  if (bytes.length !== 65 || bytes[0] !== 0x04) return false;
  try {
    ECDH.convertKey(bytes, "prime256v1"); // throws for a point that is not on the curve
    return true;
  } catch {
    return false;
  }
}

export function subscriptionSchema(production: boolean) {
  return z.object({
    endpoint: z
      .string()
      .max(2048)
      .refine((v) => isAllowedEndpoint(v, production), "endpoint must be the https URL of a push service"),
    expirationTime: z.number().nullable().optional(),
    keys: z.object({
      p256dh: base64url.refine(isP256Point, "p256dh must be an uncompressed P-256 public key"),
      auth: base64url.refine((v) => Buffer.from(v, "base64url").length === 16, "auth must be 16 bytes"),
    }),
  });
}
