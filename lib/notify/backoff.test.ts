import { describe, expect, it } from "vitest";
import { MAX_ATTEMPTS, nextRetry, RETRY_BASE_MS, RETRY_CAP_MS, retryDelayMs } from "./backoff";

describe("retry backoff", () => {
  it("doubles from one minute per failed attempt, up to the cap", () => {
    expect([1, 2, 3, 4, 5].map(retryDelayMs)).toEqual([1, 2, 4, 8, 16].map((m) => m * RETRY_BASE_MS));
    expect(retryDelayMs(9)).toBe(256 * 60_000);
    expect(retryDelayMs(12)).toBe(RETRY_CAP_MS);
    expect(retryDelayMs(1000)).toBe(RETRY_CAP_MS);
    // Nonsense counts behave like the first attempt.
    expect(retryDelayMs(0)).toBe(RETRY_BASE_MS);
    expect(retryDelayMs(-3)).toBe(RETRY_BASE_MS);
  });

  it("gives up after MAX_ATTEMPTS attempts", () => {
    const now = new Date("2026-11-23T10:00:00Z");
    expect(nextRetry(1, now)).toEqual(new Date("2026-11-23T10:01:00Z"));
    expect(nextRetry(MAX_ATTEMPTS - 1, now)).toEqual(new Date(now.getTime() + retryDelayMs(MAX_ATTEMPTS - 1)));
    expect(nextRetry(MAX_ATTEMPTS, now)).toBeNull();
    expect(nextRetry(2, now, 2)).toBeNull();
  });

  it("keeps trying for several hours in all", () => {
    let total = 0;
    for (let n = 1; n < MAX_ATTEMPTS; n++) total += retryDelayMs(n);
    expect(total).toBeGreaterThan(4 * 3600_000);
    expect(total).toBeLessThan(24 * 3600_000);
  });
});
