import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, stat, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { serverEnv } from "@/lib/server/env";

// Where uploaded files live: a folder outside public/ (STORAGE_DIR), behind an interface that an
// S3-compatible store could implement (keys are "/"-separated object names; nothing else leaks out).
// Originals are content-addressed (`originals/<sha[0..2]>/<sha>.jpg`, as scripts/seed/files.ts), so a
// key never changes meaning and writing the same key twice writes the same bytes.

export interface BlobStore {
  /** Stores `data` under `key`, atomically: a reader sees the old bytes, the new bytes, or nothing. */
  put(key: string, data: Buffer): Promise<void>;
  /** The bytes under `key`, or null when there are none. */
  get(key: string): Promise<Buffer | null>;
  has(key: string): Promise<boolean>;
  /** Removes `key`; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
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

/** A BlobStore in a local folder. */
export class LocalBlobStore implements BlobStore {
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
    const temp = `${file}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
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
}

const stores = new Map<string, LocalBlobStore>();

/** The application's store: the folder STORAGE_DIR (default .data/storage, relative to the working directory). */
export function blobStore(): BlobStore {
  const root = path.resolve(serverEnv().STORAGE_DIR);
  let store = stores.get(root);
  if (!store) {
    store = new LocalBlobStore(root);
    stores.set(root, store);
  }
  return store;
}
