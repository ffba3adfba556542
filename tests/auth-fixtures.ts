// Shared set-up for the tests/auth-*.test.ts files: real rows in the file's own database.
// App modules are imported lazily: a test file may first have to set the environment (serverEnv()
// reads it once, and lib/db/client reads it on import).
import { randomBytes } from "node:crypto";
import type { Role } from "@/lib/generated/prisma/enums";

const getDb = async () => (await import("@/lib/db/client")).db;

export const PASSWORD = "correct horse battery staple";

let hashPromise: Promise<string> | undefined;
/** One Argon2 hash of PASSWORD for all fixtures (hashing is deliberately slow). */
export async function passwordHash(): Promise<string> {
  const { hashPassword } = await import("@/lib/auth/password");
  hashPromise ??= hashPassword(PASSWORD);
  return hashPromise;
}

export async function createOrganisation(name = "Kinderopvang De Zonnebloem") {
  const db = await getDb();
  return db.organisation.create({ data: { name, slug: `org-${randomBytes(4).toString("hex")}` } });
}

export interface UserFixture {
  organisationId: string;
  email?: string;
  name?: string;
  role?: Role;
  locale?: string;
  /** false: no password yet (not activated). */
  activated?: boolean;
  disabled?: boolean;
  familyId?: string;
  guardianRank?: 1 | 2;
  groupIds?: string[];
}

export async function createUser(f: UserFixture) {
  const db = await getDb();
  const activated = f.activated ?? true;
  const user = await db.user.create({
    data: {
      organisationId: f.organisationId,
      email: f.email ?? `user-${randomBytes(4).toString("hex")}@example.test`,
      name: f.name ?? "Sanne de Vries",
      role: f.role ?? "PARENT",
      locale: f.locale ?? "nl",
      passwordHash: activated ? await passwordHash() : null,
      activatedAt: activated ? new Date() : null,
      disabledAt: f.disabled ? new Date() : null,
    },
  });
  if (f.familyId) await db.guardian.create({ data: { familyId: f.familyId, userId: user.id, rank: f.guardianRank ?? 1 } });
  for (const groupId of f.groupIds ?? []) await db.staffMembership.create({ data: { userId: user.id, groupId } });
  return user;
}

export async function createGroup(organisationId: string, name = "Kikkers") {
  const db = await getDb();
  const location = await db.location.create({ data: { organisationId, name: `Locatie ${name}` } });
  return db.group.create({ data: { locationId: location.id, name, type: "KDV" } });
}
