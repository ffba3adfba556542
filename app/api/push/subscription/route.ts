import { getSessionUser } from "@/lib/auth/guards";
import { deleteSubscription, saveSubscription } from "@/lib/notify/subscriptions";

// POST /api/push/subscription with the browser's PushSubscription.toJSON() saves (or refreshes) it for
// the signed-in user; DELETE with { endpoint } removes it. The logic: lib/notify/subscriptions.ts.

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  return saveSubscription(await getSessionUser(), request);
}

export async function DELETE(request: Request): Promise<Response> {
  return deleteSubscription(await getSessionUser(), request);
}
