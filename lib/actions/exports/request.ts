"use server";

import { requestExport } from "@/lib/db/exports";
import { exportRequestSchema } from "@/lib/schemas/export";
import { authedAction, fail, ok, type ActionResult } from "../safe-action";

// "Dagboek downloaden": queue an export of the parent's own child (lib/db/exports.ts checks the child
// and the download window); the job mails a link when the ZIP is ready. One idempotency key per
// request: a double click is one job.
const run = authedAction(
  exportRequestSchema,
  async (data, user): Promise<ActionResult<{ jobId: string; replayed: boolean }>> => {
    const result = await requestExport(user, data);
    if (!result.ok) return fail(result.code, result.field ? { [result.field]: [result.code] } : undefined);
    return ok(result.data);
  },
  { roles: ["PARENT"] },
);

export async function requestExportAction(input: unknown): Promise<ActionResult<{ jobId: string; replayed: boolean }>> {
  return run(input);
}
