import { getToken } from "next-auth/jwt";
import createIntlMiddleware from "next-intl/middleware";
import { NextResponse, type NextRequest } from "next/server";
import { isLocale, routing } from "@/lib/i18n/routing";

// Locale routing (next-intl) plus a quick log-in gate. The gate only saves a round trip for visitors
// without a session: it is never the only check. Every page calls a guard from lib/auth/guards and
// every action/route handler authorises on the server (house-style.md, Next's data-security guide).
// The file keeps the name `middleware.ts` (the owner's layout) although Next 16 calls it `proxy.ts`.

const intlMiddleware = createIntlMiddleware(routing);

/** Pages reachable without a session, as paths after the locale prefix. */
const PUBLIC_PATHS = ["/login", "/forgot-password", "/reset-password", "/activate", "/offline"];

function isPublicPath(pathAfterLocale: string): boolean {
  return PUBLIC_PATHS.some((p) => pathAfterLocale === p || pathAfterLocale.startsWith(`${p}/`));
}

async function hasSession(req: NextRequest): Promise<boolean> {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) return false;
  // next-auth names the cookie `__Secure-next-auth.session-token` when it runs on https; whether that
  // is so depends on NEXTAUTH_URL and proxies, so accept either name.
  for (const secureCookie of [false, true]) {
    const token = await getToken({ req, secret, secureCookie }).catch(() => null);
    if (token) return true;
  }
  return false;
}

export default async function middleware(req: NextRequest): Promise<NextResponse> {
  const { pathname, search } = req.nextUrl;
  const [, first, ...rest] = pathname.split("/");
  if (isLocale(first)) {
    const pathAfterLocale = `/${rest.join("/")}`;
    if (!isPublicPath(pathAfterLocale) && !(await hasSession(req))) {
      const login = new URL(`/${first}/login`, req.url);
      login.searchParams.set("callbackUrl", `${pathname}${search}`);
      return NextResponse.redirect(login);
    }
  }
  // Paths without a locale ("/", "/agenda") are redirected by next-intl to the preferred locale first;
  // the gate then runs on that request.
  return intlMiddleware(req);
}

export const config = {
  // Everything except API routes, Next internals and files with an extension (static assets).
  matcher: ["/((?!api|_next|_vercel|.*\\..*).*)"],
};
