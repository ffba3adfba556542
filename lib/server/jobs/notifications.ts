import "server-only";
import { registerDeliveryRunner } from "@/lib/notify/kick";
import { vapidConfig } from "@/lib/notify/vapid";
import { handled, runDeliveries, type DeliveryRun } from "@/lib/notify/worker";

// The notification delivery worker of this process (lib/notify/worker.ts): every
// NOTIFY_INTERVAL_SECONDS, and soon after notify() through kickDeliveries(). One run at a time per
// process (a kick during a run asks for one more run after it); other instances run their own, and
// FOR UPDATE SKIP LOCKED keeps them from taking the same delivery.

let running: Promise<DeliveryRun> | null = null;
let again = false;

function log(run: DeliveryRun): void {
  if (run.sent + run.failed + run.retried > 0) {
    console.info(`[notify] sent ${run.sent}, retrying ${run.retried}, failed ${run.failed}, skipped ${run.skipped}`);
  }
}

/** One run now, or after the current one (then resolves with that one's count). */
async function runOnce(): Promise<number> {
  if (running) {
    again = true;
    return handled(await running);
  }
  let total = 0;
  do {
    again = false;
    running = runDeliveries();
    try {
      const run = await running;
      log(run);
      total += handled(run);
    } finally {
      running = null;
    }
  } while (again);
  return total;
}

/** Starts the worker (and lets kickDeliveries() reach it); returns how to stop it (after a run in progress). */
export function startDeliveryWorker(everyMs: number): () => Promise<void> {
  if (everyMs <= 0) return async () => undefined;
  vapidConfig(); // warns once at start when push is off
  registerDeliveryRunner(runOnce);
  const tick = () => {
    runOnce().catch((error: unknown) => console.error("[notify] delivery run failed", error));
  };
  const first = setTimeout(tick, Math.min(2000, everyMs));
  const interval = setInterval(tick, everyMs);
  first.unref();
  interval.unref();
  return async () => {
    clearTimeout(first);
    clearInterval(interval);
    registerDeliveryRunner(undefined);
    await running?.catch(() => undefined);
  };
}
