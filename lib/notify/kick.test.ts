import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { KICK_DELAY_MS, KICK_FOLLOW_UP_MS, kickDeliveries, registerDeliveryRunner } from "./kick";

describe("kickDeliveries", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    registerDeliveryRunner(undefined);
    vi.useRealTimers();
  });

  it("does nothing without a worker in this process", async () => {
    expect(() => kickDeliveries()).not.toThrow();
    await vi.runAllTimersAsync();
  });

  it("runs the worker once for a burst of kicks, after the commit delay", async () => {
    const runner = vi.fn(async () => 3);
    registerDeliveryRunner(runner);
    for (let i = 0; i < 5; i++) kickDeliveries();
    expect(runner).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(KICK_DELAY_MS);
    expect(runner).toHaveBeenCalledTimes(1);
    // It found work: no follow-up.
    await vi.advanceTimersByTimeAsync(KICK_FOLLOW_UP_MS * 2);
    expect(runner).toHaveBeenCalledTimes(1);
    // A later kick runs it again.
    kickDeliveries();
    await vi.advanceTimersByTimeAsync(KICK_DELAY_MS);
    expect(runner).toHaveBeenCalledTimes(2);
  });

  it("looks once more when the first run found nothing (the transaction had not committed yet)", async () => {
    const runner = vi.fn(async () => 0);
    registerDeliveryRunner(runner);
    kickDeliveries();
    await vi.advanceTimersByTimeAsync(KICK_DELAY_MS);
    expect(runner).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(KICK_FOLLOW_UP_MS - KICK_DELAY_MS);
    expect(runner).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(KICK_FOLLOW_UP_MS * 3);
    expect(runner).toHaveBeenCalledTimes(2);
  });

  it("a failing run is logged, never thrown at the caller", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    registerDeliveryRunner(async () => {
      throw new Error("database down");
    });
    kickDeliveries();
    await vi.advanceTimersByTimeAsync(KICK_DELAY_MS);
    expect(error).toHaveBeenCalledWith("[notify] delivery run failed", expect.any(Error));
    error.mockRestore();
  });
});
