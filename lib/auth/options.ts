import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { LOGIN_ACCOUNT_CLOSED, rateLimitedLoginError } from "@/lib/schemas/auth";
import { serverEnv } from "@/lib/server/env";
import { clientIp } from "./client-ip";
import { authenticate } from "./login";
import { loadAccountState } from "./session-user";
import type { SessionUser } from "./types";

declare module "next-auth" {
  interface Session {
    user: SessionUser;
  }
  interface User {
    sessionUser?: SessionUser;
    sessionVersion?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    /** User.sessionVersion when the token was issued; a password change bumps it. */
    sv?: number;
    user?: SessionUser;
  }
}

/** 30 days: parents use the app from their phone's home screen and should not log in every week. */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/** Thrown by the JWT callback for a session that no longer counts; next-auth then clears the cookie. */
export class SessionRevokedError extends Error {
  constructor(reason: string) {
    super(`Session revoked: ${reason}`);
    this.name = "SessionRevokedError";
  }
}

type HeaderBag = Record<string, string | string[] | undefined>;

/** next-auth's authorize(): null for wrong credentials, an error (message for the form) when rate-limited. */
export async function authorizeCredentials(credentials: unknown, headers: HeaderBag | undefined, now: Date = new Date()) {
  const ip = clientIp(headers ?? {}, serverEnv().TRUST_PROXY === "1");
  const result = await authenticate(credentials, ip, now);
  if (result.ok) {
    return {
      id: result.user.id,
      name: result.user.name,
      email: result.user.email,
      sessionUser: result.user,
      sessionVersion: result.sessionVersion,
    };
  }
  if (result.reason === "rateLimited") throw new Error(rateLimitedLoginError(result.retryAfterSeconds));
  if (result.reason === "closed") throw new Error(LOGIN_ACCOUNT_CLOSED);
  return null;
}

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 24 * 60 * 60 },
  pages: { signIn: "/nl/login", error: "/nl/login" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "credentials",
      credentials: {
        email: { label: "E-mail", type: "email" },
        password: { label: "Password", type: "password" },
      },
      authorize: (credentials, req) => authorizeCredentials(credentials, req.headers as HeaderBag | undefined),
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user?.sessionUser) {
        // Sign-in: keep the token small; what the app needs is refreshed below on every request.
        return { sub: user.sessionUser.id, sv: user.sessionVersion ?? 0, user: user.sessionUser };
      }
      // Every later request (getServerSession, /api/auth/session): the account must still exist, be
      // active and have the same sessionVersion, so a password change or a disabled account logs out
      // every other session at once. The session's data is refreshed from the database as well.
      // Data sent by the client with `update()` is ignored on purpose.
      if (!token.sub) throw new SessionRevokedError("no subject");
      const state = await loadAccountState(token.sub);
      if (!state) throw new SessionRevokedError("account removed");
      if (!state.active) throw new SessionRevokedError("account not active");
      if (state.closed) throw new SessionRevokedError("account closed after care ended");
      if (state.sessionVersion !== token.sv) throw new SessionRevokedError("password changed");
      return { ...token, user: state.user };
    },
    async session({ session, token }) {
      if (token.user) session.user = token.user;
      return session;
    },
    async redirect({ url, baseUrl }) {
      // Only ever to this site (the log-in form navigates itself; this covers next-auth's own redirects).
      if (url.startsWith("/") && !url.startsWith("//") && !url.includes("\\")) return `${baseUrl}${url}`;
      try {
        if (new URL(url).origin === new URL(baseUrl).origin) return url;
      } catch {
        // fall through
      }
      return baseUrl;
    },
  },
  logger: {
    error(code, metadata) {
      // A revoked session is expected (password changed elsewhere), not a server error.
      if (metadata instanceof SessionRevokedError) return;
      console.error(`[next-auth][error][${code}]`, metadata);
    },
    warn(code) {
      console.warn(`[next-auth][warn][${code}]`);
    },
    debug() {},
  },
};
