import { getSessionUser } from "@/lib/auth/guards";
import { serveExport } from "@/lib/server/exports/download";
import { blobStore } from "@/lib/server/storage/store";

// The mailed link of a diary or photo export: lib/server/exports/download.ts (streamed, with Range).

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await context.params;
  return serveExport(await getSessionUser(), token, blobStore(), new Date(), request);
}
