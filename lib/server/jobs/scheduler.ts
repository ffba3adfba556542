import "server-only";
import { serverEnv } from "@/lib/server/env";
import { expirePendingRequests } from "./expire-requests";
import { runExportJobs } from "./exports";

// Periodic jobs of a server process, started once from instrumentation.ts. Each job is safe to run in
// several instances at once (the expiry takes an advisory lock, the export worker claims jobs with
// FOR UPDATE SKIP LOCKED), so no separate worker is needed.

let started = false;
let exporting = false;

export function startJobs(): void {
  const everyMs = serverEnv().JOB_INTERVAL_SECONDS * 1000;
  if (started || everyMs <= 0) return;
  started = true;
  const run = async () => {
    try {
      const result = await expirePendingRequests();
      if (result.expiredItems > 0) console.info(`[jobs] withdrew ${result.expiredItems} expired request item(s)`);
    } catch (error) {
      console.error("[jobs] expiring requests failed", error);
    }
    // A long export run is not started a second time in this process by the next tick.
    if (exporting) return;
    exporting = true;
    try {
      const result = await runExportJobs();
      if (result.done + result.failed > 0) console.info(`[jobs] exports: ${result.done} mailed, ${result.failed} failed`);
    } catch (error) {
      console.error("[jobs] exports failed", error);
    } finally {
      exporting = false;
    }
  };
  // A first run soon after start (not during it), then at a fixed interval; never keeps the process alive.
  setTimeout(run, Math.min(10_000, everyMs)).unref();
  setInterval(run, everyMs).unref();
}
