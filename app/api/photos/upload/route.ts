import { getSessionUser } from "@/lib/auth/guards";
import { handleUpload } from "@/lib/server/photos/upload";

// POST /api/photos/upload?groupId|diaryEntryId=…&child=…&audience=…&clientKey=…&batchId=… with the
// file's bytes as the body (application/octet-stream): one file per request, so the browser reports
// the progress of each (XMLHttpRequest upload.onprogress; server actions have none).
// lib/server/photos/upload.ts has the request logic, lib/db/photo-upload.ts the rules.

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  return handleUpload(await getSessionUser(), request);
}
