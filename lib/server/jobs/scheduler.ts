import "server-only";
import { serverEnv } from "@/lib/server/env";
import { expirePendingRequests } from "./expire-requests";

// Periodic jobs of a server process, started once from instrumentation.ts. Each job is safe to run in
// several instances at once (it takes its own advisory lock), so no separate worker is needed.

let started = false;

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
  };
  // A first run soon after start (not during it), then at a fixed interval; never keeps the process alive.
  setTimeout(run, 10_000).unref();
  setInterval(run, everyMs).unref();
}
