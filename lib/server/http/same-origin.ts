import "server-only";

/**
 * Whether a request may be a browser's from this site: without an Origin header it is not a browser's
 * cross-origin request (browsers send Origin on every POST); with one, its host must be this site's
 * (X-Forwarded-Host behind a proxy, else Host). A malformed Origin is refused. The routes that take a
 * body a cross-site page could send answer 403 when this is false.
 */
export function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return true; // not a browser's cross-origin request (browsers send Origin on every POST)
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
