import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
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
