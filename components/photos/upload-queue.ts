// The list of files of an upload form (components/photos/use-upload-queue.ts) as plain state, so the rules
// are unit-tested: a chosen file is "ready" (or refused at once with the reason: "invalid"); sending it
// makes it "waiting", then "uploading" with its progress, then "done" or "error" with the server's
// reason. Every file keeps the key it was given when chosen: the upload route is idempotent by that key
// (clientKey), so sending a file again — a retry, a double click — never stores it twice.

export type UploadStatus = "ready" | "invalid" | "waiting" | "uploading" | "done" | "error";

export interface UploadError {
  /** A message key (Photos.errors.*, errors.*), translated by the form. */
  code: string;
  values?: Record<string, string | number>;
}

export interface QueueItem<F = File> {
  /** Stable for the file's life in the list; sent as its clientKey. */
  key: string;
  file: F;
  status: UploadStatus;
  /** 0–100 */
  progress: number;
  error?: UploadError;
}

export type QueueAction<F = File> =
  | { type: "add"; items: { key: string; file: F; problem: UploadError | null }[] }
  | { type: "remove"; key: string }
  | { type: "queue"; keys: readonly string[] }
  | { type: "start"; key: string }
  | { type: "progress"; key: string; progress: number }
  | { type: "done"; key: string }
  | { type: "fail"; key: string; error: UploadError }
  | { type: "clear" };

/** Statuses in which a file is on its way: it cannot be removed or sent again meanwhile. */
const MOVING: readonly UploadStatus[] = ["waiting", "uploading"];

function patch<F>(items: QueueItem<F>[], key: string, allowed: readonly UploadStatus[], change: Partial<QueueItem<F>>): QueueItem<F>[] {
  let changed = false;
  const next = items.map((item) => {
    if (item.key !== key || !allowed.includes(item.status)) return item;
    changed = true;
    return { ...item, ...change };
  });
  return changed ? next : items;
}

export function queueReducer<F>(items: QueueItem<F>[], action: QueueAction<F>): QueueItem<F>[] {
  switch (action.type) {
    case "add": {
      const known = new Set(items.map((i) => i.key));
      const added = action.items
        .filter((i) => !known.has(i.key))
        .map((i): QueueItem<F> => (i.problem ? { key: i.key, file: i.file, status: "invalid", progress: 0, error: i.problem } : { key: i.key, file: i.file, status: "ready", progress: 0 }));
      return added.length > 0 ? [...items, ...added] : items;
    }
    case "remove": {
      // A file on its way (or already stored) stays in the list.
      const next = items.filter((i) => i.key !== action.key || MOVING.includes(i.status) || i.status === "done");
      return next.length === items.length ? items : next;
    }
    case "queue": {
      const keys = new Set(action.keys);
      let changed = false;
      const next = items.map((item) => {
        if (!keys.has(item.key) || !sendable(item)) return item;
        changed = true;
        return { ...item, status: "waiting" as const, progress: 0, error: undefined };
      });
      return changed ? next : items;
    }
    case "start":
      return patch(items, action.key, ["waiting"], { status: "uploading", progress: 0, error: undefined });
    case "progress": {
      // Progress only grows (a late event must not move the bar back).
      const progress = Math.max(0, Math.min(100, Math.round(action.progress)));
      const item = items.find((i) => i.key === action.key);
      return item && progress > item.progress ? patch(items, action.key, ["uploading"], { progress }) : items;
    }
    case "done":
      return patch(items, action.key, ["waiting", "uploading"], { status: "done", progress: 100, error: undefined });
    case "fail":
      return patch(items, action.key, ["waiting", "uploading"], { status: "error", error: action.error });
    case "clear":
      return items.length === 0 ? items : [];
  }
}

/** May this file be sent (first time or again)? Not while on its way, not when stored, not when refused by the form. */
export function sendable(item: Pick<QueueItem<unknown>, "status">): boolean {
  return item.status === "ready" || item.status === "error";
}

export interface QueueSummary {
  total: number;
  done: number;
  /** Refused by the server (can be retried). */
  failed: number;
  /** Refused by the form (must be removed). */
  invalid: number;
  /** Chosen, not sent yet. */
  ready: number;
  /** On their way. */
  moving: number;
}

export function summarise(items: readonly Pick<QueueItem<unknown>, "status">[]): QueueSummary {
  const count = (...statuses: UploadStatus[]) => items.filter((i) => statuses.includes(i.status)).length;
  return {
    total: items.length,
    done: count("done"),
    failed: count("error"),
    invalid: count("invalid"),
    ready: count("ready"),
    moving: count("waiting", "uploading"),
  };
}
