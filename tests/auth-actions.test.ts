// The action wrapper that every later server action goes through, and the guards' database side
// (which group belongs to which organisation), on the file's own PostgreSQL.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { staffGroupAccess } from "@/lib/auth/access";
import { loadAccountState } from "@/lib/auth/session-user";
import { loadGroupScope } from "@/lib/auth/scopes";
import type { SessionUser } from "@/lib/auth/types";
import { createAuthedAction, isUniqueViolation, ok, parseInput, publicAction } from "@/lib/actions/safe-action";
import { db } from "@/lib/db/client";
import { resetPasswordSchema } from "@/lib/schemas/auth";
import { createGroup, createOrganisation, createUser } from "./auth-fixtures";

const renameSchema = z.object({
  name: z.string().trim().min(1, { error: "Test.nameRequired" }),
  count: z.number().int({ error: "Test.countInteger" }),
});

let parent: SessionUser;
let staff: SessionUser;
let planner: SessionUser;
let orgId: string;
let ownGroup: string;
let otherGroup: string;
let foreignGroup: string;

beforeAll(async () => {
  orgId = (await createOrganisation()).id;
  const foreignOrg = (await createOrganisation("Andere opvang")).id;
  ownGroup = (await createGroup(orgId, "Kikkers")).id;
  otherGroup = (await createGroup(orgId, "Uilen")).id;
  foreignGroup = (await createGroup(foreignOrg, "Vreemd")).id;
  const familyId = (await db.family.create({ data: { organisationId: orgId, name: "Bakker" } })).id;
  const load = async (id: string) => (await loadAccountState(id))!.user;
  parent = await load((await createUser({ organisationId: orgId, familyId, guardianRank: 2 })).id);
  staff = await load((await createUser({ organisationId: orgId, role: "STAFF", groupIds: [ownGroup] })).id);
  planner = await load((await createUser({ organisationId: orgId, role: "PLANNER" })).id);
});

describe("parseInput / publicAction", () => {
  it("returns the parsed data", () => {
    expect(parseInput(renameSchema, { name: "  Kikkers ", count: 3 })).toEqual({ ok: true, data: { name: "Kikkers", count: 3 } });
  });

  it("returns errors.validation with the schema's message keys per field", async () => {
    expect(parseInput(renameSchema, { name: " ", count: 1.5 })).toEqual({
      ok: false,
      code: "errors.validation",
      fieldErrors: { name: ["Test.nameRequired"], count: ["Test.countInteger"] },
    });
    const run = publicAction(renameSchema, async (data) => ok(data.name));
    expect(await run({ name: "", count: 1 })).toMatchObject({ ok: false, code: "errors.validation" });
    expect(await run({ name: "x", count: 1 })).toEqual({ ok: true, data: "x" });
  });

  it("uses a form-level rule's key as the code", () => {
    const schema = z.object({ a: z.string() }).refine((v) => v.a === "b", { error: "Test.formLevel" });
    expect(parseInput(schema, { a: "c" })).toMatchObject({ ok: false, code: "Test.formLevel" });
  });

  it("keys a nested error by its whole path, so a form can show it on the row", () => {
    const schema = z.object({ rows: z.array(z.object({ day: z.string({ error: "Test.dayRequired" }) })) });
    expect(parseInput(schema, { rows: [{ day: "ma" }, {}] })).toEqual({
      ok: false,
      code: "errors.validation",
      fieldErrors: { "rows.1.day": ["Test.dayRequired"] },
    });
  });

  it("keeps the password confirmation error on its field", () => {
    const result = parseInput(resetPasswordSchema, { token: "A".repeat(43), password: "a".repeat(12), confirmPassword: "b".repeat(12) });
    expect(result).toEqual({ ok: false, code: "errors.validation", fieldErrors: { confirmPassword: ["Auth.validation.passwordsDoNotMatch"] } });
  });
});

describe("authedAction", () => {
  const as = (user: SessionUser | null) => createAuthedAction(async () => user);

  it("refuses without a session before looking at the input", async () => {
    let ran = false;
    const run = as(null)(renameSchema, async () => {
      ran = true;
      return ok(null);
    });
    expect(await run({ nonsense: true })).toEqual({ ok: false, code: "errors.unauthorised" });
    expect(ran).toBe(false);
  });

  it("refuses roles that are not allowed", async () => {
    const action = (u: SessionUser) => as(u)(renameSchema, async (_, user) => ok(user.role), { roles: ["STAFF", "PLANNER", "ADMIN"] });
    expect(await action(parent)({ name: "x", count: 1 })).toEqual({ ok: false, code: "errors.forbidden" });
    expect(await action(staff)({ name: "x", count: 1 })).toEqual({ ok: true, data: "STAFF" });
    expect(await action(planner)({ name: "x", count: 1 })).toEqual({ ok: true, data: "PLANNER" });
  });

  it("validates, then runs with the parsed data and the user", async () => {
    const run = as(parent)(renameSchema, async (data, user) => ok({ by: user.id, name: data.name }));
    expect(await run({ name: "", count: 1 })).toMatchObject({ ok: false, code: "errors.validation", fieldErrors: { name: ["Test.nameRequired"] } });
    expect(await run({ name: " Uilen ", count: 2 })).toEqual({ ok: true, data: { by: parent.id, name: "Uilen" } });
  });

  it("lets unexpected errors through to error.tsx", async () => {
    const run = as(parent)(renameSchema, async () => {
      throw new Error("boom");
    });
    await expect(run({ name: "x", count: 1 })).rejects.toThrow("boom");
  });

  it("recognises a real unique violation from PostgreSQL", async () => {
    const email = `dup-${randomBytes(3).toString("hex")}@example.test`;
    await createUser({ organisationId: orgId, email });
    const error = await createUser({ organisationId: orgId, email }).catch((e: unknown) => e);
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation(new Error("other"))).toBe(false);
  });
});

describe("group guard with real groups", () => {
  it("finds the group's organisation, and nothing for unknown or malformed ids", async () => {
    expect(await loadGroupScope(ownGroup)).toEqual({ id: ownGroup, organisationId: orgId });
    expect(await loadGroupScope("00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(await loadGroupScope("not-a-uuid'; DROP TABLE")).toBeNull();
  });

  it("lets staff into their own group only, planners into every group of their organisation", async () => {
    const decide = async (user: SessionUser | null, groupId: string) => staffGroupAccess(user, await loadGroupScope(groupId)).kind;
    expect(await decide(null, ownGroup)).toBe("login");
    expect(await decide(parent, ownGroup)).toBe("redirect");
    expect(await decide(staff, ownGroup)).toBe("allow");
    expect(await decide(staff, otherGroup)).toBe("notFound");
    expect(await decide(staff, foreignGroup)).toBe("notFound");
    expect(await decide(planner, otherGroup)).toBe("allow");
    expect(await decide(planner, foreignGroup)).toBe("notFound");
    expect(await decide(planner, "nope")).toBe("notFound");
  });

  it("the session user of a second guardian carries family and rank 2", () => {
    expect(parent).toMatchObject({ role: "PARENT", guardianRank: 2, groupIds: [] });
    expect(parent.familyId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
