// Log-in through next-auth's authorize() and the JWT callback, against the file's own PostgreSQL:
// right and wrong passwords, the per-account and per-IP limits, unknown addresses, revoked sessions.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  // serverEnv() reads the environment once: set the limits before anything imports it.
  process.env.LOGIN_MAX_FAILURES_PER_ACCOUNT = "5";
  process.env.LOGIN_MAX_FAILURES_PER_IP = "8";
  process.env.LOGIN_WINDOW_MINUTES = "15";
  process.env.TRUST_PROXY = "1";
});

import type { JWT } from "next-auth/jwt";
import { UNKNOWN_IP } from "@/lib/auth/client-ip";
import { authenticate } from "@/lib/auth/login";
import { authOptions, authorizeCredentials, SessionRevokedError } from "@/lib/auth/options";
import { db } from "@/lib/db/client";
import { parseLoginError } from "@/lib/schemas/auth";
import { createGroup, createOrganisation, createUser, PASSWORD } from "./auth-fixtures";

const WINDOW_MS = 15 * 60_000;
let orgId: string;
let familyId: string;
let groupId: string;

beforeAll(async () => {
  orgId = (await createOrganisation()).id;
  familyId = (await db.family.create({ data: { organisationId: orgId, name: "De Vries" } })).id;
  groupId = (await createGroup(orgId)).id;
});

const fromIp = (ip: string) => ({ "x-forwarded-for": `198.51.100.250, ${ip}` });
let ipCounter = 0;
/** A fresh client address per test, so tests do not share the per-IP count. */
const freshIp = () => `203.0.113.${++ipCounter}`;

async function attempts(email: string) {
  return db.loginAttempt.findMany({ where: { email }, orderBy: { id: "asc" } });
}

/** authorize() as next-auth calls it; returns the user, null, or the error message it threw. */
async function login(email: string, password: string, ip: string, now?: Date) {
  try {
    return { user: await authorizeCredentials({ email, password }, fromIp(ip), now) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

describe("authorize()", () => {
  it("logs in with the right password and returns the session user", async () => {
    const user = await createUser({ organisationId: orgId, email: "ouder@example.test", familyId, guardianRank: 1 });
    const ip = freshIp();
    const result = await login("  Ouder@Example.TEST ", PASSWORD, ip);
    expect(result.user).toMatchObject({ id: user.id, email: "ouder@example.test", sessionVersion: 0 });
    expect(result.user?.sessionUser).toEqual({
      id: user.id,
      email: "ouder@example.test",
      name: "Sanne de Vries",
      role: "PARENT",
      organisationId: orgId,
      locale: "nl",
      familyId,
      guardianRank: 1,
      groupIds: [],
      documentsOnlyUntil: null,
    });
    expect(await attempts("ouder@example.test")).toMatchObject([{ ip, success: true }]);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).lastLoginAt).not.toBeNull();
  });

  it("carries a staff member's groups", async () => {
    const staff = await createUser({ organisationId: orgId, email: "juf@example.test", role: "STAFF", groupIds: [groupId] });
    const result = await login("juf@example.test", PASSWORD, freshIp());
    expect(result.user?.sessionUser).toMatchObject({ id: staff.id, role: "STAFF", familyId: null, guardianRank: null, groupIds: [groupId] });
  });

  it("refuses a wrong password and records the failure", async () => {
    await createUser({ organisationId: orgId, email: "wrong@example.test" });
    const ip = freshIp();
    expect(await login("wrong@example.test", "not the password", ip)).toEqual({ user: null });
    expect(await attempts("wrong@example.test")).toMatchObject([{ ip, success: false }]);
  });

  it("refuses accounts that are not activated or are disabled, even with the right password", async () => {
    await createUser({ organisationId: orgId, email: "new@example.test", activated: false });
    await createUser({ organisationId: orgId, email: "gone@example.test", disabled: true });
    expect(await login("new@example.test", PASSWORD, freshIp())).toEqual({ user: null });
    expect(await login("gone@example.test", PASSWORD, freshIp())).toEqual({ user: null });
    expect(await attempts("gone@example.test")).toMatchObject([{ success: false }]);
  });

  it("refuses malformed input without touching the database", async () => {
    const before = await db.loginAttempt.count();
    expect(await login("", PASSWORD, freshIp())).toEqual({ user: null });
    expect(await authorizeCredentials(undefined, undefined)).toBeNull();
    expect(await db.loginAttempt.count()).toBe(before);
  });

  it("treats an unknown address like a wrong password: same answer, a recorded attempt, the same hashing time", async () => {
    await createUser({ organisationId: orgId, email: "known@example.test" });
    const ip = freshIp();
    const time = async (email: string) => {
      const start = performance.now();
      expect(await authenticate({ email, password: "wrong password!" }, ip)).toEqual({ ok: false, reason: "invalid" });
      return performance.now() - start;
    };
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[1]!;
    const known = median([await time("known@example.test"), await time("known@example.test"), await time("known@example.test")]);
    const unknown = median([await time("nobody1@example.test"), await time("nobody2@example.test"), await time("nobody3@example.test")]);
    // Both spend an Argon2 verification (tens of milliseconds); a skipped hash would take ~1 ms.
    expect(unknown).toBeGreaterThan(known * 0.5);
    expect(await attempts("nobody1@example.test")).toMatchObject([{ ip, success: false }]);
  });
});

describe("rate limits", () => {
  it("blocks an account after 5 failures, for every IP, even with the right password, and says how long", async () => {
    const now = new Date();
    await createUser({ organisationId: orgId, email: "target@example.test" });
    for (let i = 0; i < 5; i++) {
      expect(await login("target@example.test", `guess ${i}`, freshIp(), new Date(now.getTime() + i * 1000))).toEqual({ user: null });
    }
    const blocked = await login("target@example.test", PASSWORD, freshIp(), new Date(now.getTime() + 10_000));
    const parsed = parseLoginError(blocked.error);
    expect(parsed).toEqual({ kind: "rateLimited", retryAfterSeconds: 15 * 60 - 10 });
    // The blocked attempt never reached the password check and is not counted.
    expect(await attempts("target@example.test")).toHaveLength(5);

    // Still blocked just before the first failure leaves the window, free again right after it.
    expect((await login("target@example.test", PASSWORD, freshIp(), new Date(now.getTime() + WINDOW_MS - 1))).error).toMatch(/^RateLimited:/);
    const later = await login("target@example.test", PASSWORD, freshIp(), new Date(now.getTime() + WINDOW_MS + 1));
    expect(later.user?.email).toBe("target@example.test");
  });

  it("applies the account limit to unknown addresses too, so the limit reveals nothing", async () => {
    for (let i = 0; i < 5; i++) await login("ghost@example.test", `guess ${i}`, freshIp());
    expect((await login("ghost@example.test", "guess", freshIp())).error).toMatch(/^RateLimited:\d+$/);
  });

  it("ends the account's streak after a successful log-in", async () => {
    await createUser({ organisationId: orgId, email: "forgetful@example.test" });
    const t0 = Date.now();
    const at = (s: number) => new Date(t0 + s * 1000);
    for (let i = 0; i < 4; i++) await login("forgetful@example.test", "oops", freshIp(), at(i));
    expect((await login("forgetful@example.test", PASSWORD, freshIp(), at(10))).user).toBeTruthy();
    for (let i = 0; i < 4; i++) expect(await login("forgetful@example.test", "oops", freshIp(), at(20 + i))).toEqual({ user: null });
    expect((await login("forgetful@example.test", PASSWORD, freshIp(), at(30))).user).toBeTruthy();
  });

  it("blocks an IP after 8 failures across accounts; other IPs are not affected", async () => {
    await createUser({ organisationId: orgId, email: "victim@example.test" });
    const attacker = freshIp();
    for (let i = 0; i < 8; i++) expect(await login(`spray${i}@example.test`, "Welkom01!", attacker)).toEqual({ user: null });
    const blocked = await login("victim@example.test", PASSWORD, attacker);
    expect(parseLoginError(blocked.error)).toMatchObject({ kind: "rateLimited" });
    expect((await login("victim@example.test", PASSWORD, freshIp())).user?.email).toBe("victim@example.test");
  });

  it("counts IPv6 clients by their /64 network", async () => {
    for (let i = 0; i < 8; i++) await login(`v6-${i}@example.test`, "guess", `2001:db8:77:1::${i + 1}`);
    expect((await login("v6-x@example.test", "guess", "2001:db8:77:1:ffff::9")).error).toMatch(/^RateLimited:/);
    expect(await login("v6-y@example.test", "guess", "2001:db8:77:2::1")).toEqual({ user: null });
  });

  it("has no per-IP limit when the client IP is unknown (no trusted proxy), only the per-account one", async () => {
    for (let i = 0; i < 10; i++) {
      expect(await authenticate({ email: `noip${i}@example.test`, password: "guess" }, UNKNOWN_IP)).toEqual({ ok: false, reason: "invalid" });
    }
  });

  it("lets at most 5 of 12 simultaneous guesses at one account check a password", async () => {
    await createUser({ organisationId: orgId, email: "parallel@example.test" });
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => login("parallel@example.test", `guess ${i}`, freshIp())));
    expect(results.filter((r) => r.error?.startsWith("RateLimited:"))).toHaveLength(7);
    expect(results.filter((r) => r.user === null)).toHaveLength(5);
    expect(await attempts("parallel@example.test")).toHaveLength(5);
  });
});

describe("JWT session", () => {
  const jwt = authOptions.callbacks!.jwt!;
  const session = authOptions.callbacks!.session!;

  async function signInToken(email: string): Promise<JWT> {
    const { user } = await login(email, PASSWORD, freshIp());
    expect(user).toBeTruthy();
    return jwt({ token: { sub: user!.id }, user: user!, account: null, trigger: "signIn" } as never);
  }
  const refresh = (token: JWT) => jwt({ token } as never);

  it("puts the session user on the session and refreshes it from the database", async () => {
    const staff = await createUser({ organisationId: orgId, email: "refresh@example.test", role: "STAFF" });
    const token = await signInToken("refresh@example.test");
    expect(token).toMatchObject({ sub: staff.id, sv: 0, user: { groupIds: [] } });

    await db.staffMembership.create({ data: { userId: staff.id, groupId } });
    const refreshed = await refresh(token);
    expect(refreshed.user?.groupIds).toEqual([groupId]);
    const s = await session({ session: { expires: "" }, token: refreshed } as never);
    expect(s.user).toEqual(refreshed.user);
  });

  it("ends other sessions when the password changes (sessionVersion) or the account is disabled", async () => {
    const user = await createUser({ organisationId: orgId, email: "revoke@example.test" });
    const token = await signInToken("revoke@example.test");
    await expect(refresh(token)).resolves.toMatchObject({ sub: user.id });

    await db.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    await expect(refresh(token)).rejects.toBeInstanceOf(SessionRevokedError);

    const fresh = await signInToken("revoke@example.test");
    expect(fresh.sv).toBe(1);
    await expect(refresh(fresh)).resolves.toMatchObject({ sv: 1 });
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    await expect(refresh(fresh)).rejects.toBeInstanceOf(SessionRevokedError);
  });

  it("rejects tokens of deleted accounts and tokens without a subject", async () => {
    await createUser({ organisationId: orgId, email: "deleted@example.test" });
    const token = await signInToken("deleted@example.test");
    await db.user.delete({ where: { id: token.sub! } });
    await expect(refresh(token)).rejects.toBeInstanceOf(SessionRevokedError);
    await expect(refresh({})).rejects.toBeInstanceOf(SessionRevokedError);
  });

  it("ignores session data sent by the client through update()", async () => {
    await createUser({ organisationId: orgId, email: "update@example.test" });
    const token = await signInToken("update@example.test");
    const updated = await jwt({ token, trigger: "update", session: { user: { role: "ADMIN" } } } as never);
    expect(updated.user?.role).toBe("PARENT");
  });
});
