import "server-only";
import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, open, opendir, readFile, rename, rm, stat, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { serverEnv } from "@/lib/server/env";

// Where uploaded files live: a folder outside public/ (STORAGE_DIR), behind an interface that an
// S3-compatible store could implement (keys are "/"-separated object names; nothing else leaks out).
// Originals are content-addressed (`originals/<sha[0..2]>/<sha>.jpg`, as scripts/seed/files.ts), so a
// key never changes meaning and writing the same key twice writes the same bytes.
// Large blobs (export ZIPs, videos) move as streams through StreamingBlobStore (putStream, getStream
// with a byte range, stat, list, removal of temp files a dead process left), never whole in memory.

export interface BlobStore {
  /** Stores `data` under `key`, atomically: a reader sees the old bytes, the new bytes, or nothing. */
  put(key: string, data: Buffer): Promise<void>;
  /** The bytes under `key`, or null when there are none. */
  get(key: string): Promise<Buffer | null>;
  has(key: string): Promise<boolean>;
  /** Removes `key`; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
}

/** What the store knows of one blob. */
export interface BlobInfo {
  size: number;
  modifiedAt: Date;
}

/** An inclusive byte range of a blob, as in HTTP: `{ start: 0, end: 99 }` is the first 100 bytes. */
export interface BlobRange {
  start: number;
  end: number;
}

/** Part (or all) of one blob, read from one consistent version of it. */
export interface BlobReadStream {
  stream: Readable;
  /** The whole blob's size, whatever part is read. */
  size: number;
  /** The bytes the stream gives: `end - start + 1` of them (none for an empty blob: start 0, end -1). */
  start: number;
  end: number;
}

/**
 * A store that also moves blobs as streams, so a large blob (an export ZIP of gigabytes) never has to
 * fit in memory. A separate interface, not more members of BlobStore, so that a BlobStore of the four
 * Buffer methods (test doubles, a cache) stays one; LocalBlobStore implements both, and an S3-compatible
 * store would map these onto multipart upload, ranged GET, HEAD and ListObjects.
 */
export interface StreamingBlobStore extends BlobStore {
  /**
   * Stores everything `source` gives under `key`, as atomically as put(): a reader sees the old bytes
   * until the new ones are complete; when `source` fails, the old bytes (or nothing) stay and no
   * partial blob is left. Consumes `source` with back-pressure (memory stays bounded).
   */
  putStream(key: string, source: Readable | AsyncIterable<Uint8Array>): Promise<{ bytes: number }>;
  /**
   * A stream of the blob under `key` (or of `range` of it), or null when there is none. A range must
   * start inside the blob (RangeError otherwise); its end is clamped to the blob's last byte.
   */
  getStream(key: string, range?: BlobRange): Promise<BlobReadStream | null>;
  /** Size and modification time, or null when there is no blob. */
  stat(key: string): Promise<BlobInfo | null>;
  /** Every blob whose key starts with `prefix/` (a folder key), in no particular order. */
  list(prefix: string): AsyncIterable<{ key: string } & BlobInfo>;
  /**
   * Removes the leftovers of writes that never finished (a process that died during put/putStream)
   * under `prefix/`, last written before `olderThan`. Returns how many.
   */
  removeStaleTemporaryFiles(prefix: string, olderThan: Date): Promise<number>;
}

export class InvalidStorageKeyError extends Error {
  constructor(key: string) {
    super(`Invalid storage key: ${JSON.stringify(key).slice(0, 120)}`);
    this.name = "InvalidStorageKeyError";
  }
}

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const MAX_KEY_LENGTH = 512;

/**
 * A key is 1–16 segments of letters, digits, ".", "_" and "-", each starting with a letter or digit
 * (so no "", ".", "..", hidden files or temp-file names), joined by "/". No backslashes, no absolute
 * paths, no percent-encoding, no NUL: whatever a key is, it names a file inside the store's folder.
 */
export function isValidStorageKey(key: unknown): key is string {
  if (typeof key !== "string" || key.length === 0 || key.length > MAX_KEY_LENGTH) return false;
  const segments = key.split("/");
  return segments.length <= 16 && segments.every((s) => SEGMENT.test(s) && !s.endsWith(".tmp"));
}

function isNotFound(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === "ENOENT" || code === "ENOTDIR";
}

const TEMP_FILE = /\.\d+\.[0-9a-f]{12}\.tmp$/;

/** A BlobStore in a local folder. */
export class LocalBlobStore implements StreamingBlobStore {
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  /** The absolute file of a key (validated; never outside `root`). */
  filePath(key: string): string {
    if (!isValidStorageKey(key)) throw new InvalidStorageKeyError(key);
    const file = path.resolve(this.root, ...key.split("/"));
    // Belt and braces: the key syntax already rules this out.
    if (!file.startsWith(this.root + path.sep)) throw new InvalidStorageKeyError(key);
    return file;
  }

  async put(key: string, data: Buffer): Promise<void> {
    const file = this.filePath(key);
    await mkdir(path.dirname(file), { recursive: true });
    // Write to a unique temp file next to the target, then rename: rename is atomic within a file
    // system, so concurrent writers of the same key never interleave and readers never see half a file.
    const temp = tempFileOf(file);
    try {
      await writeFile(temp, data, { flag: "wx" });
      await rename(temp, file);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Buffer | null> {
    const file = this.filePath(key);
    try {
      return await readFile(file);
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async has(key: string): Promise<boolean> {
    const file = this.filePath(key);
    try {
      return (await stat(file)).isFile();
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    const file = this.filePath(key);
    try {
      await unlink(file);
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }

  async putStream(key: string, source: Readable | AsyncIterable<Uint8Array>): Promise<{ bytes: number }> {
    const file = this.filePath(key);
    // A source failing before the pipeline below listens must not become an uncaught error.
    let early: { error: unknown } | null = null;
    const onEarlyError = (error: unknown) => (early ??= { error });
    const emitter = "on" in source && typeof source.on === "function" ? source : null;
    emitter?.on("error", onEarlyError);
    // As put(): a unique temp file next to the target, renamed over it once complete.
    const temp = tempFileOf(file);
    try {
      await mkdir(path.dirname(file), { recursive: true });
      if (early) throw (early as { error: unknown }).error;
      const out = createWriteStream(temp, { flags: "wx" });
      try {
        await pipeline(source, out);
      } finally {
        out.destroy();
      }
      await rename(temp, file);
      return { bytes: out.bytesWritten };
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    } finally {
      emitter?.off("error", onEarlyError);
    }
  }

  async getStream(key: string, range?: BlobRange): Promise<BlobReadStream | null> {
    const file = this.filePath(key);
    let handle;
    try {
      handle = await open(file, "r");
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
    // Size and bytes from the same open file: a put() renaming a new version over it meanwhile does
    // not mix the two.
    try {
      const info = await handle.stat();
      if (!info.isFile()) {
        await handle.close();
        return null;
      }
      const size = info.size;
      let start = 0;
      let end = size - 1;
      if (range) {
        if (!Number.isSafeInteger(range.start) || !Number.isSafeInteger(range.end) || range.start < 0 || range.end < range.start || range.start >= size) {
          throw new RangeError(`Range ${range.start}-${range.end} is outside the blob of ${size} bytes`);
        }
        start = range.start;
        end = Math.min(range.end, size - 1);
      }
      // Nothing is ever written into a stored file (only renamed over it), so the open file is one version.
      const stream = range ? handle.createReadStream({ start, end, autoClose: true }) : handle.createReadStream({ autoClose: true });
      return { stream, size, start, end };
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  async stat(key: string): Promise<BlobInfo | null> {
    const file = this.filePath(key);
    try {
      const info = await stat(file);
      return info.isFile() ? { size: info.size, modifiedAt: info.mtime } : null;
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async *list(prefix: string): AsyncIterable<{ key: string } & BlobInfo> {
    for await (const { file, key } of this.walk(prefix)) {
      if (!isValidStorageKey(key)) continue; // temp files
      let info;
      try {
        info = await stat(file);
      } catch (error) {
        if (isNotFound(error)) continue; // deleted meanwhile
        throw error;
      }
      if (info.isFile()) yield { key, size: info.size, modifiedAt: info.mtime };
    }
  }

  async removeStaleTemporaryFiles(prefix: string, olderThan: Date): Promise<number> {
    let removed = 0;
    for await (const { file, name } of this.walk(prefix)) {
      if (!TEMP_FILE.test(name)) continue;
      try {
        // A write in progress keeps touching its temp file: only one left alone since `olderThan` goes.
        if ((await stat(file)).mtime < olderThan) {
          await unlink(file);
          removed += 1;
        }
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    }
    return removed;
  }

  /** Every regular file under the folder key `prefix`, depth first. */
  private async *walk(prefix: string): AsyncGenerator<{ file: string; key: string; name: string }> {
    const folder = this.filePath(prefix);
    const pending: { dir: string; key: string }[] = [{ dir: folder, key: prefix }];
    while (pending.length) {
      const { dir, key } = pending.pop()!;
      let handle;
      try {
        handle = await opendir(dir);
      } catch (error) {
        if (isNotFound(error)) continue;
        throw error;
      }
      for await (const entry of handle) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) pending.push({ dir: file, key: `${key}/${entry.name}` });
        else if (entry.isFile()) yield { file, key: `${key}/${entry.name}`, name: entry.name };
      }
    }
  }
}

function tempFileOf(file: string): string {
  return `${file}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
}

const stores = new Map<string, LocalBlobStore>();

/** The application's store: the folder STORAGE_DIR (default .data/storage, relative to the working directory). */
export function blobStore(): StreamingBlobStore {
  const root = path.resolve(serverEnv().STORAGE_DIR);
  let store = stores.get(root);
  if (!store) {
    store = new LocalBlobStore(root);
    stores.set(root, store);
  }
  return store;
}
