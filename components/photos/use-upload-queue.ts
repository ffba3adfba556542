"use client";

import { useCallback, useEffect, useReducer, useRef } from "react";
import { newIdempotencyKey } from "@/components/requests/hours";
import { uploadQuery, type PhotoUploadMetaInput } from "@/lib/schemas/photo-upload";
import { checkUploadFile, type FileCheckOptions } from "./upload-files";
import { queueReducer, sendable, summarise, type QueueItem, type UploadError } from "./upload-queue";

// The upload queue shared by the upload forms (photo-upload-form.tsx for a group or an entry, the diary
// form for a new entry): chosen files are checked at once (upload-files.ts), then each travels on its own
// to POST /api/photos/upload (app/api/photos/upload/route.ts) with XMLHttpRequest — server actions and
// fetch report no upload progress — at most PARALLEL at a time. A file keeps its key (the route's
// clientKey) for good: sending it again never stores it twice, and a file already on its way is not sent
// a second time by a double click.

/** At most this many files travel at once. */
const PARALLEL = 2;

/** What a file is sent with, apart from its own clientKey and name. */
export type UploadMeta = Omit<PhotoUploadMetaInput, "clientKey" | "originalName">;

type SendResult = { ok: true } | { ok: false; error: UploadError };

/** Sends one file; resolves with the server's answer (or a network error), never rejects. */
function sendFile(file: File, meta: PhotoUploadMetaInput, onProgress: (percent: number) => void): Promise<SendResult> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/photos/upload?${uploadQuery(meta)}`);
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.responseType = "json";
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress((event.loaded / event.total) * 100);
    };
    xhr.onload = () => {
      const body = (xhr.response ?? {}) as { ok?: boolean; code?: string; values?: Record<string, string | number> };
      resolve(xhr.status >= 200 && xhr.status < 300 && body.ok ? { ok: true } : { ok: false, error: { code: body.code ?? "errors.unexpected", values: body.values } });
    };
    xhr.onerror = () => resolve({ ok: false, error: { code: "Photos.upload.networkError" } });
    xhr.onabort = () => resolve({ ok: false, error: { code: "Photos.upload.networkError" } });
    xhr.send(file);
  });
}

export function useUploadQueue(check: FileCheckOptions) {
  const [items, dispatch] = useReducer(queueReducer<File>, []);
  const inFlight = useRef(new Set<string>());
  const summary = summarise(items);
  const busy = summary.moving > 0;

  // Leaving the page would cut the uploads off: the browser asks first.
  useEffect(() => {
    if (!busy) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [busy]);

  const { diary, acceptVideo } = check;
  /** Adds chosen files, each with a fresh key; a file the form refuses is listed with the reason. */
  const add = useCallback(
    (files: Iterable<File>) => {
      dispatch({ type: "add", items: [...files].map((file) => ({ key: newIdempotencyKey(), file, problem: checkUploadFile(file, { diary, acceptVideo }) })) });
    },
    [diary, acceptVideo],
  );

  const remove = useCallback((key: string) => dispatch({ type: "remove", key }), []);
  const clear = useCallback(() => dispatch({ type: "clear" }), []);

  /** What each file was last sent with: a retry sends it exactly so again (same session, tags, caption). */
  const sentWith = useRef(new Map<string, UploadMeta>());

  /**
   * Sends these files (those that may be sent and are not on their way already), each with `meta`, its
   * key as clientKey and its name. Resolves when they have all been answered: true when all are stored.
   */
  const upload = useCallback(async (targets: readonly QueueItem<File>[], meta: UploadMeta | ((item: QueueItem<File>) => UploadMeta)): Promise<boolean> => {
    const queue = targets.filter((item) => sendable(item) && !inFlight.current.has(item.key));
    if (queue.length === 0) return targets.every((item) => item.status === "done");
    for (const item of queue) {
      inFlight.current.add(item.key);
      sentWith.current.set(item.key, typeof meta === "function" ? meta(item) : meta);
    }
    dispatch({ type: "queue", keys: queue.map((item) => item.key) });
    let next = 0;
    let allStored = true;
    const worker = async () => {
      while (next < queue.length) {
        const item = queue[next++]!;
        dispatch({ type: "start", key: item.key });
        const itemMeta = sentWith.current.get(item.key)!;
        const result = await sendFile(item.file, { ...itemMeta, clientKey: item.key, originalName: item.file.name }, (progress) =>
          dispatch({ type: "progress", key: item.key, progress }),
        );
        inFlight.current.delete(item.key);
        if (result.ok) {
          dispatch({ type: "done", key: item.key });
        } else {
          allStored = false;
          dispatch({ type: "fail", key: item.key, error: result.error });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL, queue.length) }, worker));
    return allStored && targets.every((item) => item.status === "done" || queue.includes(item));
  }, []);

  /** Sends failed files again, each exactly as it was sent before (same key: never stored twice). */
  const retry = useCallback(
    (targets: readonly QueueItem<File>[]) => {
      const known = targets.filter((item) => sentWith.current.has(item.key));
      return upload(known, (item) => sentWith.current.get(item.key)!);
    },
    [upload],
  );

  return { items, summary, busy, add, remove, clear, upload, retry };
}
