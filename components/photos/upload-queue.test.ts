import { describe, expect, it } from "vitest";
import { queueReducer, sendable, summarise, type QueueAction, type QueueItem } from "./upload-queue";

type F = { name: string };
const run = (actions: QueueAction<F>[], start: QueueItem<F>[] = []) => actions.reduce(queueReducer<F>, start);
const add = (...keys: string[]): QueueAction<F> => ({ type: "add", items: keys.map((key) => ({ key, file: { name: `${key}.jpg` }, problem: null })) });
const status = (items: QueueItem<F>[]) => Object.fromEntries(items.map((i) => [i.key, i.status]));

describe("the upload queue", () => {
  it("lists chosen files as ready, refused ones as invalid with the reason, in the order chosen", () => {
    const items = run([add("a"), { type: "add", items: [{ key: "b", file: { name: "b.svg" }, problem: { code: "Photos.errors.unsupportedType" } }] }, add("c")]);
    expect(items.map((i) => i.key)).toEqual(["a", "b", "c"]);
    expect(status(items)).toEqual({ a: "ready", b: "invalid", c: "ready" });
    expect(items[1]!.error).toEqual({ code: "Photos.errors.unsupportedType" });
  });

  it("keeps a file's key: adding the same key again changes nothing", () => {
    const once = run([add("a")]);
    expect(queueReducer(once, add("a"))).toBe(once);
  });

  it("takes a file through waiting, uploading with growing progress, to done", () => {
    let items = run([add("a", "b"), { type: "queue", keys: ["a", "b"] }]);
    expect(status(items)).toEqual({ a: "waiting", b: "waiting" });
    items = run([{ type: "start", key: "a" }, { type: "progress", key: "a", progress: 40.4 }], items);
    expect(items[0]).toMatchObject({ status: "uploading", progress: 40 });
    // A late, lower progress event does not move the bar back; above 100 is 100.
    expect(run([{ type: "progress", key: "a", progress: 10 }], items)[0]!.progress).toBe(40);
    expect(run([{ type: "progress", key: "a", progress: 180 }], items)[0]!.progress).toBe(100);
    // Progress for a file not uploading is ignored.
    expect(run([{ type: "progress", key: "b", progress: 50 }], items)[1]!.progress).toBe(0);
    items = run([{ type: "done", key: "a" }], items);
    expect(items[0]).toMatchObject({ status: "done", progress: 100 });
  });

  it("keeps the server's reason for a failed file and lets it be sent again, clearing the reason", () => {
    let items = run([add("a"), { type: "queue", keys: ["a"] }, { type: "start", key: "a" }, { type: "fail", key: "a", error: { code: "Photos.errors.corrupt" } }]);
    expect(items[0]).toMatchObject({ status: "error", error: { code: "Photos.errors.corrupt" } });
    expect(sendable(items[0]!)).toBe(true);
    items = run([{ type: "queue", keys: ["a"] }], items);
    expect(items[0]).toMatchObject({ status: "waiting", progress: 0, error: undefined });
  });

  it("never sends a file twice at once, nor a stored or refused one", () => {
    const items = run([
      add("moving", "done"),
      { type: "add", items: [{ key: "bad", file: { name: "bad.gif" }, problem: { code: "Photos.errors.unsupportedType" } }] },
      { type: "queue", keys: ["moving", "done"] },
      { type: "start", key: "done" },
      { type: "done", key: "done" },
    ]);
    expect(items.filter(sendable)).toEqual([]);
    // Queueing them again (a double click) changes nothing.
    expect(queueReducer(items, { type: "queue", keys: ["moving", "done", "bad"] })).toBe(items);
    // A stored file cannot fail or start again.
    expect(queueReducer(items, { type: "fail", key: "done", error: { code: "x" } })).toBe(items);
    expect(queueReducer(items, { type: "start", key: "done" })).toBe(items);
  });

  it("removes files not sent yet, refused or failed — never one on its way or stored", () => {
    const items = run([
      add("ready", "moving", "done", "failed"),
      { type: "add", items: [{ key: "bad", file: { name: "bad.gif" }, problem: { code: "Photos.errors.unsupportedType" } }] },
      { type: "queue", keys: ["moving", "done", "failed"] },
      { type: "start", key: "done" },
      { type: "done", key: "done" },
      { type: "start", key: "failed" },
      { type: "fail", key: "failed", error: { code: "errors.unexpected" } },
    ]);
    const after = run([{ type: "remove", key: "ready" }, { type: "remove", key: "bad" }, { type: "remove", key: "failed" }, { type: "remove", key: "moving" }, { type: "remove", key: "done" }], items);
    expect(after.map((i) => i.key)).toEqual(["moving", "done"]);
    expect(run([{ type: "clear" }], after)).toEqual([]);
  });

  it("summarises the list", () => {
    const items = run([
      add("a", "b", "c", "d"),
      { type: "add", items: [{ key: "e", file: { name: "e.gif" }, problem: { code: "Photos.errors.unsupportedType" } }] },
      { type: "queue", keys: ["a", "b", "c"] },
      { type: "start", key: "a" },
      { type: "done", key: "a" },
      { type: "start", key: "b" },
      { type: "fail", key: "b", error: { code: "errors.unexpected" } },
    ]);
    expect(summarise(items)).toEqual({ total: 5, done: 1, failed: 1, invalid: 1, ready: 1, moving: 1 });
  });
});
