import "server-only";
import { serverEnv } from "@/lib/server/env";
import { expirePendingRequests } from "./expire-requests";
import { runExportJobs } from "./exports";
import { startDeliveryWorker } from "./notifications";

// Periodic jobs of a server process, started once from instrumentation.ts. Each job is safe to run in
// several instances at once (the expiry takes an advisory lock, the export worker and the notification
// delivery worker claim with FOR UPDATE SKIP LOCKED), so no separate worker is needed. The delivery
// worker has its own short interval (NOTIFY_INTERVAL_SECONDS) and is woken by kickDeliveries().

let started = false;
let exporting = false;

export function startJobs(): void {
  if (started) return;
  started = true;
  startDeliveryWorker(serverEnv().NOTIFY_INTERVAL_SECONDS * 1000);
  const everyMs = serverEnv().JOB_INTERVAL_SECONDS * 1000;
  if (everyMs <= 0) return;
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
