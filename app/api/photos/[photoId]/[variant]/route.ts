import { getSessionUser } from "@/lib/auth/guards";
import { servePhoto } from "@/lib/server/photos/serve";

// Thumbnails and originals of photos, after an authorisation check: lib/server/photos/serve.ts.
// URLs are built by lib/photos/urls.ts (photoUrl/photoSrcSet).

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ photoId: string; variant: string }> }): Promise<Response> {
  return servePhoto(await getSessionUser(), await context.params, request);
}
