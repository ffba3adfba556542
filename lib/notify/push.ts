import "server-only";
import webpush from "web-push";
import type { NotificationEvent } from "@/lib/generated/prisma/enums";
import type { PushPayload } from "./content";
import type { VapidConfig } from "./vapid";

// One web push to one subscription (RFC 8030 with VAPID, RFC 8292, and the aes128gcm payload
// encryption of RFC 8291). `web-push` builds the request — encrypts the payload with the subscription's
// p256dh/auth keys and signs the VAPID JWT (aud = the endpoint's origin, exp 12 h ahead, sub) — and we
// send it ourselves with fetch: a timeout, no redirects, and plain http for a push service on
// localhost outside production (the route only accepts such endpoints there), which web-push's own
// sender (https only) cannot reach.

export const PUSH_TIMEOUT_MS = 15_000;

export type PushOutcome =
  | { kind: "sent"; status: number }
  /** 404/410: the subscription has expired or was withdrawn: delete it. */
  | { kind: "gone"; status: number }
  | { kind: "failed"; status?: number; error: string };

export interface PushTarget {
  endpoint: string;
  p256dh: string;
  auth: string;
}

/** How long a push service keeps trying to reach an offline device, and how urgently (RFC 8030 §5). */
export function pushOptions(event: NotificationEvent): { TTL: number; urgency: "low" | "normal" | "high" } {
  switch (event) {
    case "NEW_MESSAGE":
      return { TTL: 2 * 24 * 3600, urgency: "high" };
    case "NEW_PHOTOS":
    case "NEWS":
      return { TTL: 24 * 3600, urgency: "low" };
    default:
      return { TTL: 2 * 24 * 3600, urgency: "normal" };
  }
}

export async function sendPush(target: PushTarget, payload: PushPayload, event: NotificationEvent, vapid: VapidConfig, topic?: string): Promise<PushOutcome> {
  let details: ReturnType<typeof webpush.generateRequestDetails>;
  try {
    details = webpush.generateRequestDetails({ endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } }, JSON.stringify(payload), {
      vapidDetails: vapid,
      ...pushOptions(event),
      // A newer push with the same topic replaces one the service still holds for an offline device.
      ...(topic ? { topic } : {}),
    });
  } catch (error) {
    return { kind: "failed", error: `cannot build the push: ${(error as Error).message}` };
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(details.headers)) {
    if (name.toLowerCase() !== "content-length") headers[name] = String(value);
  }
  try {
    const response = await fetch(details.endpoint, {
      method: "POST",
      headers,
      body: details.body ? new Uint8Array(details.body) : undefined,
      redirect: "error",
      signal: AbortSignal.timeout(PUSH_TIMEOUT_MS),
    });
    const status = response.status;
    const text = status >= 300 ? (await response.text().catch(() => "")).slice(0, 200) : "";
    await response.body?.cancel().catch(() => undefined);
    if (status >= 200 && status < 300) return { kind: "sent", status };
    if (status === 404 || status === 410) return { kind: "gone", status };
    return { kind: "failed", status, error: `push service answered ${status}${text ? `: ${text}` : ""}` };
  } catch (error) {
    return { kind: "failed", error: `push request failed: ${(error as Error).message}` };
  }
}
