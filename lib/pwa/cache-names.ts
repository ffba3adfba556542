// Names of the service worker's runtime caches (scripts/build-sw.ts), shared with the page code that
// clears them on log-out (lib/pwa/clear-caches.ts). Client-safe: no imports.

/** Photo thumbnails (w320/w640/w1280): they belong to the signed-in user, so log-out deletes them. */
export const THUMBNAIL_CACHE = "ouderportaal-thumbnails";
/** Same-origin static files outside the precache (icons, fonts, the manifest): not personal. */
export const STATIC_CACHE = "ouderportaal-static";

/** Caches with content of the signed-in user. */
export const PRIVATE_CACHES = [THUMBNAIL_CACHE] as const;
