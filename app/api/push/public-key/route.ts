import { vapidConfig } from "@/lib/notify/vapid";

// GET /api/push/public-key: the VAPID public key the browser subscribes with
// (pushManager.subscribe({ applicationServerKey })), or null when push is off on this server.
// Public by nature: it is in every subscription the browser makes.

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json({ publicKey: vapidConfig()?.publicKey ?? null }, { headers: { "Cache-Control": "no-store" } });
}
