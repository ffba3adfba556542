import { mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough, Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InvalidStorageKeyError, isValidStorageKey, LocalBlobStore } from "./store";

let base: string;
let store: LocalBlobStore;

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), "ouderportaal-store-"));
  store = new LocalBlobStore(path.join(base, "storage"));
});
afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe("storage keys", () => {
  it("accepts the content-addressed keys of originals and thumbnails", () => {
    const sha = "ab".repeat(32);
    expect(isValidStorageKey(`originals/ab/${sha}.jpg`)).toBe(true);
    expect(isValidStorageKey(`thumbs/ab/${sha}-640.avif`)).toBe(true);
  });

  it.each([
    "",
    "/etc/passwd",
    "../secret",
    "originals/../../secret",
    "originals/./x.jpg",
    "originals//x.jpg",
    "originals/x.jpg/",
    "originals\\..\\x.jpg",
    "C:/x",
    ".hidden",
    "originals/%2e%2e/x",
    "originals/x\u0000.jpg",
    "originals/x.jpg.123.abc.tmp",
    "a/".repeat(20) + "x",
    "x".repeat(600),
  ])("rejects %j", (key) => {
    expect(isValidStorageKey(key)).toBe(false);
    expect(() => store.filePath(key)).toThrow(InvalidStorageKeyError);
  });
});

describe("LocalBlobStore", () => {
  it("stores, reads, tests and deletes a blob", async () => {
    const key = "originals/ab/abc.jpg";
    expect(await store.has(key)).toBe(false);
    expect(await store.get(key)).toBeNull();
    await store.put(key, Buffer.from("hello"));
    expect(await store.has(key)).toBe(true);
    expect((await store.get(key))?.toString()).toBe("hello");
    expect(await readFile(path.join(base, "storage", "originals", "ab", "abc.jpg"), "utf8")).toBe("hello");
    await store.delete(key);
    expect(await store.has(key)).toBe(false);
    await expect(store.delete(key)).resolves.toBeUndefined();
  });

  it("replaces a blob and leaves no temp files", async () => {
    const key = "thumbs/cd/cd-320.webp";
    await store.put(key, Buffer.from("one"));
    await store.put(key, Buffer.from("two"));
    expect((await store.get(key))?.toString()).toBe("two");
    expect(await readdir(path.join(base, "storage", "thumbs", "cd"))).toEqual(["cd-320.webp"]);
  });

  it("concurrent writers of one key leave one whole copy, never a mix", async () => {
    const key = "thumbs/ef/ef-1280.jpeg";
    const payloads = Array.from({ length: 20 }, (_, i) => Buffer.alloc(256 * 1024, i));
    await Promise.all(payloads.map((p) => store.put(key, p)));
    const stored = (await store.get(key))!;
    expect(stored.length).toBe(256 * 1024);
    expect(payloads.some((p) => p.equals(stored))).toBe(true);
    expect(await readdir(path.join(base, "storage", "thumbs", "ef"))).toEqual(["ef-1280.jpeg"]);
  });

  it("refuses every operation on an invalid key, touching nothing outside the folder", async () => {
    const outside = path.join(base, "outside.txt");
    await writeFile(outside, "keep");
    await expect(store.put("../outside.txt", Buffer.from("x"))).rejects.toThrow(InvalidStorageKeyError);
    await expect(store.get("../outside.txt")).rejects.toThrow(InvalidStorageKeyError);
    await expect(store.has("../outside.txt")).rejects.toThrow(InvalidStorageKeyError);
    await expect(store.delete("../outside.txt")).rejects.toThrow(InvalidStorageKeyError);
    expect(await readFile(outside, "utf8")).toBe("keep");
  });

  it("a key whose folder is a file reads as missing", async () => {
    await store.put("plain/file.bin", Buffer.from("x"));
    expect(await store.get("plain/file.bin/child.bin")).toBeNull();
    expect(await store.has("plain/file.bin/child.bin")).toBe(false);
  });
});

// ─── streaming (StreamingBlobStore) ─────────────────────────────────────────

async function readAll(stream: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** A stream the test feeds by hand: write(), then end() or fail(). */
function handFed() {
  const stream = new PassThrough();
  return {
    stream,
    write: (data: string | Buffer) => new Promise<void>((resolve) => (stream.write(data) ? resolve() : stream.once("drain", resolve))),
    end: () => stream.end(),
    fail: (error: Error) => stream.destroy(error),
  };
}

/** Until `check` holds (the file system gets a few turns of the event loop; no clock involved). */
async function settle(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 1000 && !(await check()); i++) await new Promise((resolve) => setImmediate(resolve));
}

describe("LocalBlobStore streaming", () => {
  it("stores a stream and an async iterable, reporting the bytes written", async () => {
    const big = Buffer.alloc(3 * 1024 * 1024 + 17, 7);
    expect(await store.putStream("exports/a.zip", Readable.from([big.subarray(0, 1000), big.subarray(1000)]))).toEqual({ bytes: big.length });
    expect((await store.get("exports/a.zip"))!.equals(big)).toBe(true);
    async function* parts() {
      yield Buffer.from("hel");
      yield new TextEncoder().encode("lo");
    }
    expect(await store.putStream("exports/b.txt", parts())).toEqual({ bytes: 5 });
    expect((await store.get("exports/b.txt"))!.toString()).toBe("hello");
  });

  it("is atomic: while a stream is written readers see the old bytes, then the whole new ones", async () => {
    const key = "exports/atomic.zip";
    await store.put(key, Buffer.from("old"));
    const feed = handFed();
    const writing = store.putStream(key, feed.stream);
    await feed.write(Buffer.alloc(64 * 1024, 1));
    // The half-written file is a temp file next to the key, never the key itself.
    await settle(async () => (await readdir(path.join(base, "storage", "exports"))).some((n) => n.endsWith(".tmp")));
    expect((await readdir(path.join(base, "storage", "exports"))).filter((n) => n.startsWith("atomic.zip.") && n.endsWith(".tmp"))).toHaveLength(1);
    expect((await store.get(key))!.toString()).toBe("old");
    expect(await store.stat(key)).toMatchObject({ size: 3 });
    await feed.write(Buffer.alloc(64 * 1024, 2));
    feed.end();
    expect(await writing).toEqual({ bytes: 128 * 1024 });
    const stored = (await store.get(key))!;
    expect(stored.length).toBe(128 * 1024);
    expect(stored[0]).toBe(1);
    expect(stored[stored.length - 1]).toBe(2);
    expect((await readdir(path.join(base, "storage", "exports"))).filter((n) => n.startsWith("atomic.zip"))).toEqual(["atomic.zip"]);
  });

  it("keeps the old bytes and leaves no temp file when the source fails halfway", async () => {
    const key = "exports/failing.zip";
    await store.put(key, Buffer.from("previous"));
    const feed = handFed();
    const writing = store.putStream(key, feed.stream);
    await feed.write(Buffer.alloc(100_000, 3));
    feed.fail(new Error("source broke"));
    await expect(writing).rejects.toThrow("source broke");
    expect((await store.get(key))!.toString()).toBe("previous");
    expect((await readdir(path.join(base, "storage", "exports"))).filter((n) => n.startsWith("failing.zip"))).toEqual(["failing.zip"]);

    // A failing first write of a new key leaves nothing at all.
    const fresh = handFed();
    const first = store.putStream("exports/never.zip", fresh.stream);
    await fresh.write("partial");
    fresh.fail(new Error("gone"));
    await expect(first).rejects.toThrow("gone");
    expect(await store.has("exports/never.zip")).toBe(false);
    expect((await readdir(path.join(base, "storage", "exports"))).some((n) => n.startsWith("never.zip"))).toBe(false);
  });

  it("concurrent streamed writers of one key leave one whole copy", async () => {
    const key = "exports/race.zip";
    const payloads = Array.from({ length: 8 }, (_, i) => Buffer.alloc(512 * 1024, i + 1));
    await Promise.all(payloads.map((p) => store.putStream(key, Readable.from([p.subarray(0, 1000), p.subarray(1000)]))));
    const stored = (await store.get(key))!;
    expect(payloads.some((p) => p.equals(stored))).toBe(true);
    expect((await readdir(path.join(base, "storage", "exports"))).filter((n) => n.startsWith("race.zip"))).toEqual(["race.zip"]);
  });

  it("streams a blob whole or one range of it, with the blob's size", async () => {
    const key = "videos/ab/range.mp4";
    const data = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));
    await store.put(key, data);
    const whole = (await store.getStream(key))!;
    expect([whole.size, whole.start, whole.end]).toEqual([1000, 0, 999]);
    expect((await readAll(whole.stream)).equals(data)).toBe(true);

    const middle = (await store.getStream(key, { start: 100, end: 199 }))!;
    expect([middle.size, middle.start, middle.end]).toEqual([1000, 100, 199]);
    expect((await readAll(middle.stream)).equals(data.subarray(100, 200))).toBe(true);

    // The end is clamped to the last byte.
    const tail = (await store.getStream(key, { start: 990, end: 5000 }))!;
    expect([tail.start, tail.end]).toEqual([990, 999]);
    expect((await readAll(tail.stream)).equals(data.subarray(990))).toBe(true);

    const one = (await store.getStream(key, { start: 0, end: 0 }))!;
    expect((await readAll(one.stream)).equals(data.subarray(0, 1))).toBe(true);

    for (const range of [{ start: 1000, end: 1000 }, { start: 5, end: 4 }, { start: -1, end: 3 }, { start: 1.5, end: 3 }]) {
      await expect(store.getStream(key, range), JSON.stringify(range)).rejects.toThrow(RangeError);
    }
  });

  it("reads one version: a stream opened before a replacement gives the old bytes", async () => {
    const key = "exports/version.zip";
    const oldBytes = Buffer.alloc(300_000, 4);
    await store.put(key, oldBytes);
    const reading = (await store.getStream(key))!;
    await store.putStream(key, Readable.from([Buffer.alloc(10, 5)]));
    expect((await readAll(reading.stream)).equals(oldBytes)).toBe(true);
    expect((await store.get(key))!.equals(Buffer.alloc(10, 5))).toBe(true);
  });

  it("has nothing to stream or stat for a missing key, a folder or an empty blob's range", async () => {
    expect(await store.getStream("exports/missing.zip")).toBeNull();
    expect(await store.stat("exports/missing.zip")).toBeNull();
    expect(await store.getStream("exports")).toBeNull(); // a folder
    expect(await store.stat("exports")).toBeNull();
    expect(await store.getStream("plain/file.bin/child.bin")).toBeNull();

    await store.put("exports/empty.bin", Buffer.alloc(0));
    const empty = (await store.getStream("exports/empty.bin"))!;
    expect([empty.size, empty.start, empty.end]).toEqual([0, 0, -1]);
    expect((await readAll(empty.stream)).length).toBe(0);
    await expect(store.getStream("exports/empty.bin", { start: 0, end: 0 })).rejects.toThrow(RangeError);
  });

  it("stats a blob: its size and modification time", async () => {
    await store.put("exports/stat.zip", Buffer.alloc(1234));
    const info = (await store.stat("exports/stat.zip"))!;
    expect(info.size).toBe(1234);
    const onDisk = await stat(path.join(base, "storage", "exports", "stat.zip"));
    expect(info.modifiedAt.getTime()).toBe(onDisk.mtime.getTime());
  });

  it("lists the blobs under a folder key, deep, without temp files or other folders", async () => {
    const local = new LocalBlobStore(path.join(base, "listing"));
    await local.put("exports/one.zip", Buffer.from("1"));
    await local.put("exports/deep/two.zip", Buffer.from("22"));
    await local.put("originals/ab/three.jpg", Buffer.from("333"));
    await writeFile(path.join(base, "listing", "exports", "one.zip.123.abcdef012345.tmp"), "half");
    const listed = [];
    for await (const blob of local.list("exports")) listed.push({ key: blob.key, size: blob.size });
    expect(listed.sort((a, b) => a.key.localeCompare(b.key))).toEqual([
      { key: "exports/deep/two.zip", size: 2 },
      { key: "exports/one.zip", size: 1 },
    ]);
    const none = [];
    for await (const blob of local.list("nothing-here")) none.push(blob);
    expect(none).toEqual([]);
  });

  it("removes temp files left by writes that died, only once they are stale", async () => {
    const local = new LocalBlobStore(path.join(base, "sweep"));
    await local.put("exports/kept.zip", Buffer.from("zip"));
    const folder = path.join(base, "sweep", "exports");
    const stale = path.join(folder, "dead.zip.4242.0123456789ab.tmp");
    const fresh = path.join(folder, "busy.zip.4242.ba9876543210.tmp");
    await writeFile(stale, "half a zip");
    await writeFile(fresh, "being written");
    const longAgo = new Date("2020-01-01T00:00:00Z");
    await utimes(stale, longAgo, longAgo);
    await utimes(path.join(folder, "kept.zip"), longAgo, longAgo);
    const cutoff = new Date((await stat(fresh)).mtime.getTime() - 60_000);
    expect(await local.removeStaleTemporaryFiles("exports", cutoff)).toBe(1);
    expect((await readdir(folder)).sort()).toEqual(["busy.zip.4242.ba9876543210.tmp", "kept.zip"]);
    expect(await local.removeStaleTemporaryFiles("exports", cutoff)).toBe(0);
  });

  it("refuses the streaming operations on an invalid key, touching nothing outside the folder", async () => {
    const outside = path.join(base, "outside-stream.txt");
    await writeFile(outside, "keep");
    const source = new PassThrough();
    await expect(store.putStream("../outside-stream.txt", source)).rejects.toThrow(InvalidStorageKeyError);
    expect(source.readableFlowing).toBeNull(); // never read from
    await expect(store.getStream("../outside-stream.txt")).rejects.toThrow(InvalidStorageKeyError);
    await expect(store.stat("../outside-stream.txt")).rejects.toThrow(InvalidStorageKeyError);
    await expect(store.removeStaleTemporaryFiles("..", new Date())).rejects.toThrow(InvalidStorageKeyError);
    await expect(
      (async () => {
        for await (const blob of store.list("../")) void blob;
      })(),
    ).rejects.toThrow(InvalidStorageKeyError);
    await expect(store.putStream("exports/x.zip.1.abcdef012345.tmp", Readable.from([Buffer.from("x")]))).rejects.toThrow(InvalidStorageKeyError);
    expect(await readFile(outside, "utf8")).toBe("keep");
    expect((await readdir(base)).filter((n) => n.startsWith("outside-stream"))).toEqual(["outside-stream.txt"]);
  });
});
