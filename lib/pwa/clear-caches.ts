import { PRIVATE_CACHES } from "./cache-names";

// Called on log-out before the session ends (components/shell/logout-button.tsx): the next person on
// this device must not see the previous user's photos from the service worker's cache. The precache
// (app shell, offline page) and the static cache hold nothing personal and stay.

/** Deletes the caches with the user's content; never throws (no Cache Storage: nothing to clear). */
export async function clearPrivateCaches(): Promise<void> {
  if (typeof caches === "undefined") return;
  await Promise.all(PRIVATE_CACHES.map((name) => caches.delete(name).catch(() => false)));
}
