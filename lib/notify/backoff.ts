// Retries of a failed e-mail or push (lib/notify/worker.ts): exponential backoff, pure so it is unit
// tested. After attempt n failed, the next try waits BASE · 2^(n−1), at most CAP; after MAX_ATTEMPTS
// failed attempts the delivery is FAILED. 1, 2, 4 … 256 minutes: about 8.5 hours of trying in all, so
// a mail server that is down for a night's maintenance window still gets the mail.

export const MAX_ATTEMPTS = 10;
export const RETRY_BASE_MS = 60_000;
export const RETRY_CAP_MS = 6 * 60 * 60 * 1000;

/** How long to wait after the `attempts`-th failed attempt (1-based). */
export function retryDelayMs(attempts: number): number {
  const n = Math.max(1, Math.floor(attempts));
  return Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** Math.min(n - 1, 30));
}

/** After `attempts` failed attempts: try again at this instant, or null when it is time to give up. */
export function nextRetry(attempts: number, now: Date, maxAttempts = MAX_ATTEMPTS): Date | null {
  if (attempts >= maxAttempts) return null;
  return new Date(now.getTime() + retryDelayMs(attempts));
}
