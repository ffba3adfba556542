// kickDeliveries(): wakes the delivery worker of this process soon after a notification was written,
// so an e-mail or push goes out within a second instead of at the next interval. Fire-and-forget and
// debounced: many notify() calls in a burst lead to one run. The worker registers itself here when the
// scheduler starts it (lib/server/jobs/notifications.ts); without a worker (tests, scripts, a process
// with NOTIFY_INTERVAL_SECONDS=0) a kick does nothing and the deliveries wait for whoever runs one.
//
// The runner is kept on globalThis: Next.js bundles instrumentation (which starts the worker) and the
// request handlers (which call notify) separately, so a module-level variable would not be shared.

/** notify() runs inside the caller's transaction: wait a moment so the commit has happened. */
export const KICK_DELAY_MS = 500;
/** A transaction that took longer than that is caught by one more look a little later. */
export const KICK_FOLLOW_UP_MS = 3000;

type Runner = () => Promise<number>;

interface KickState {
  runner?: Runner;
  timer?: ReturnType<typeof setTimeout>;
  followUp?: ReturnType<typeof setTimeout>;
}

const state: KickState = ((globalThis as { ouderportaalDeliveryKick?: KickState }).ouderportaalDeliveryKick ??= {});

/** The worker of this process: called by a kick; resolves with the number of deliveries handled. */
export function registerDeliveryRunner(runner: Runner | undefined): void {
  state.runner = runner;
  if (!runner) {
    clearTimeout(state.timer);
    clearTimeout(state.followUp);
    state.timer = state.followUp = undefined;
  }
}

/** Wakes the worker soon (debounced); never throws, never blocks the caller. */
export function kickDeliveries(): void {
  if (!state.runner || state.timer) return;
  state.timer = setTimeout(() => {
    state.timer = undefined;
    const runner = state.runner;
    if (!runner) return;
    runner().then(
      (handled) => {
        // Nothing due yet: perhaps the notifying transaction had not committed. Look once more.
        if (handled === 0 && !state.followUp) {
          state.followUp = setTimeout(() => {
            state.followUp = undefined;
            state.runner?.().catch((error: unknown) => console.error("[notify] delivery run failed", error));
          }, KICK_FOLLOW_UP_MS - KICK_DELAY_MS);
          state.followUp.unref?.();
        }
      },
      (error: unknown) => console.error("[notify] delivery run failed", error),
    );
  }, KICK_DELAY_MS);
  state.timer.unref?.();
}
