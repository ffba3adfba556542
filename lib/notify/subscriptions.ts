import "server-only";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import { sameOrigin } from "@/lib/server/http/same-origin";
import { subscriptionSchema } from "./subscription-schema";

// The browser's push subscription (issue 5 §2): POST /api/push/subscription saves or refreshes it for
// the signed-in user, DELETE removes it (app/api/push/subscription/route.ts); the request logic is a
// plain function of (user, request), tested against PostgreSQL (tests/push-subscription.test.ts).
// The browser side (pushManager.subscribe, the service worker) is issue 6.
//
// - 401 without a session; 403 when a browser's Origin is another site; 415 unless JSON; 413 above
//   MAX_BODY_BYTES; 400 { code: "errors.validation", fields } for a bad body.
// - The body is PushSubscription.toJSON(): { endpoint, keys: { p256dh, auth }, expirationTime? }.
//   endpoint: an https URL of a push service (no credentials; in production no IP address or
//   localhost, so the server cannot be made to post to its own network); http://localhost,
//   127.0.0.1 and [::1] only outside production (a test push service). p256dh: an uncompressed P-256
//   point (65 bytes, base64url, on the curve); auth: 16 bytes, base64url.
// - Upsert by endpoint: the endpoint belongs to one browser profile, so when another user signs in
//   there it moves to that user (and failureCount starts again). A user keeps at most
//   MAX_SUBSCRIPTIONS_PER_USER; the least recently created beyond that are removed.
// - DELETE removes the caller's own subscription with that endpoint only (404 when there is none).

export const MAX_BODY_BYTES = 4096;
export const MAX_SUBSCRIPTIONS_PER_USER = 10;

type Json = Record<string, unknown>;

function json(status: number, body: Json): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" } });
}

const unsubscribeSchema = z.object({ endpoint: z.string().min(1).max(2048) });

async function readJson(request: Request): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/json") return { ok: false, response: json(415, { ok: false, code: "errors.validation" }) };
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) return { ok: false, response: json(413, { ok: false, code: "errors.validation" }) };
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) return { ok: false, response: json(413, { ok: false, code: "errors.validation" }) };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, response: json(400, { ok: false, code: "errors.validation", fields: [] }) };
  }
}

function invalid(error: z.ZodError): Response {
  return json(400, { ok: false, code: "errors.validation", fields: [...new Set(error.issues.map((i) => i.path.join(".")))] });
}

type Caller = Pick<SessionUser, "id"> | null;

/** POST: save or refresh the caller's subscription. 201 when new (to this user), 200 when refreshed. */
export async function saveSubscription(user: Caller, request: Request, production = process.env.NODE_ENV === "production"): Promise<Response> {
  if (!user) return json(401, { ok: false, code: "errors.unauthorised" });
  if (!sameOrigin(request)) return json(403, { ok: false, code: "errors.forbidden" });
  const body = await readJson(request);
  if (!body.ok) return body.response;
  const parsed = subscriptionSchema(production).safeParse(body.value);
  if (!parsed.success) return invalid(parsed.error);
  const { endpoint, keys } = parsed.data;
  const fields = {
    userId: user.id,
    p256dh: keys.p256dh.replace(/=+$/, ""),
    auth: keys.auth.replace(/=+$/, ""),
    userAgent: request.headers.get("user-agent")?.slice(0, 300) ?? null,
  };

  const upsert = () =>
    db.$transaction(async (tx) => {
      const before = await tx.pushSubscription.findUnique({ where: { endpoint }, select: { userId: true } });
      await tx.pushSubscription.upsert({
        where: { endpoint },
        create: { endpoint, ...fields },
        // Refreshed keys, or another user signed in on that browser: it is theirs now.
        update: { ...fields, failureCount: 0 },
      });
      const mine = await tx.pushSubscription.findMany({ where: { userId: user.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true } });
      if (mine.length > MAX_SUBSCRIPTIONS_PER_USER) {
        await tx.pushSubscription.deleteMany({ where: { id: { in: mine.slice(MAX_SUBSCRIPTIONS_PER_USER).map((s) => s.id) }, endpoint: { not: endpoint } } });
      }
      return before?.userId === user.id;
    });
  let refreshed: boolean;
  try {
    refreshed = await upsert();
  } catch (error) {
    // Two requests for a new endpoint at once: the loser's create hit the unique index; now it exists.
    if ((error as { code?: unknown } | null)?.code !== "P2002") throw error;
    refreshed = await upsert();
  }
  return json(refreshed ? 200 : 201, { ok: true });
}

/** DELETE: remove the caller's subscription with this endpoint. */
export async function deleteSubscription(user: Caller, request: Request): Promise<Response> {
  if (!user) return json(401, { ok: false, code: "errors.unauthorised" });
  if (!sameOrigin(request)) return json(403, { ok: false, code: "errors.forbidden" });
  const body = await readJson(request);
  if (!body.ok) return body.response;
  const parsed = unsubscribeSchema.safeParse(body.value);
  if (!parsed.success) return invalid(parsed.error);
  const { count } = await db.pushSubscription.deleteMany({ where: { endpoint: parsed.data.endpoint, userId: user.id } });
  return count > 0 ? json(200, { ok: true }) : json(404, { ok: false, code: "errors.notFound" });
}
