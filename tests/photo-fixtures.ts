// Shared set-up for tests/photo-*.test.ts: two organisations with groups, families, staff and photos,
// as real rows in the file's own database. Dates are relative to TODAY (Amsterdam), which the tests
// pass as `now` to the code under test.
import { randomUUID } from "node:crypto";
import type { SessionUser } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import { addDays } from "@/lib/domain/dates";
import { parseIsoDate } from "@/lib/format/date";
import type { PermissionKind, PhotoAudience } from "@/lib/generated/prisma/client";

export const NOW = new Date("2026-06-15T10:00:00Z");
export const TODAY = "2026-06-15";
export const ACCESS_DAYS = 56;

let counter = 0;

export async function createUser(
  organisationId: string,
  role: SessionUser["role"],
  opts: { familyId?: string; rank?: 1 | 2; groupIds?: string[]; name?: string } = {},
): Promise<SessionUser> {
  const n = ++counter;
  const email = `photo-user${n}-${randomUUID().slice(0, 6)}@example.test`;
  const name = opts.name ?? `${role} ${n}`;
  const row = await db.user.create({ data: { organisationId, email, name, role } });
  if (opts.familyId && opts.rank) await db.guardian.create({ data: { familyId: opts.familyId, userId: row.id, rank: opts.rank } });
  for (const groupId of opts.groupIds ?? []) await db.staffMembership.create({ data: { userId: row.id, groupId } });
  return {
    id: row.id,
    email,
    name,
    role,
    organisationId,
    locale: "nl",
    familyId: role === "PARENT" ? (opts.familyId ?? null) : null,
    guardianRank: role === "PARENT" ? (opts.rank ?? null) : null,
    groupIds: opts.groupIds ?? [],
  };
}

export async function createOrganisation(name: string, policy: { downloadDaysAfterEnd?: number } | null = { downloadDaysAfterEnd: ACCESS_DAYS }) {
  const org = await db.organisation.create({ data: { name, slug: `${name.toLowerCase().replace(/\W+/g, "-")}-${randomUUID().slice(0, 8)}` } });
  if (policy) await db.organisationPolicy.create({ data: { organisationId: org.id, ...policy } });
  const location = await db.location.create({ data: { organisationId: org.id, name: `${name} Centrum` } });
  return { id: org.id, locationId: location.id };
}

export async function createGroup(locationId: string, name: string) {
  return db.group.create({ data: { locationId, name, type: "KDV" } });
}

export interface ChildSpec {
  firstName: string;
  groupId: string;
  /** Days relative to TODAY; start defaults to -400, end to open-ended. */
  startOffset?: number;
  endOffset?: number | null;
  consents?: PermissionKind[];
  /** Explicitly refused kinds (a row with granted = false). */
  refused?: PermissionKind[];
}

/** A family with one child (placed as specified) and a rank 1 and a rank 2 guardian. */
export async function createFamily(organisationId: string, name: string, child: ChildSpec) {
  const family = await db.family.create({ data: { organisationId, name } });
  const c = await db.child.create({
    data: { familyId: family.id, firstName: child.firstName, lastName: name, birthDate: parseIsoDate("2024-01-01") },
  });
  await db.placement.create({
    data: {
      childId: c.id,
      groupId: child.groupId,
      startDate: parseIsoDate(addDays(TODAY, child.startOffset ?? -400)),
      endDate: child.endOffset == null ? null : parseIsoDate(addDays(TODAY, child.endOffset)),
      contractType: "FIXED",
      hourlyRateCents: 1000,
    },
  });
  for (const kind of child.consents ?? []) await db.childPermission.create({ data: { childId: c.id, kind, granted: true } });
  for (const kind of child.refused ?? []) await db.childPermission.create({ data: { childId: c.id, kind, granted: false } });
  const guardian1 = await createUser(organisationId, "PARENT", { familyId: family.id, rank: 1 });
  const guardian2 = await createUser(organisationId, "PARENT", { familyId: family.id, rank: 2 });
  return { familyId: family.id, childId: c.id, guardian1, guardian2 };
}

export interface PhotoSpec {
  groupId: string;
  uploadedById: string;
  audience: PhotoAudience;
  tags: string[];
  sha256?: string;
  storageKey?: string;
  width?: number;
  height?: number;
  bytes?: number;
  takenAt?: Date | null;
  kind?: "PHOTO" | "VIDEO";
  mimeType?: string;
}

export async function createPhoto(spec: PhotoSpec) {
  const sha256 = spec.sha256 ?? randomUUID().replace(/-/g, "").repeat(2);
  return db.photo.create({
    data: {
      groupId: spec.groupId,
      uploadedById: spec.uploadedById,
      audience: spec.audience,
      kind: spec.kind ?? "PHOTO",
      sha256,
      storageKey: spec.storageKey ?? `originals/${sha256.slice(0, 2)}/${sha256}.jpg`,
      mimeType: spec.mimeType ?? "image/jpeg",
      width: spec.width ?? 1600,
      height: spec.height ?? 1200,
      bytes: spec.bytes ?? 1000,
      takenAt: spec.takenAt ?? null,
      tags: { create: spec.tags.map((childId) => ({ childId })) },
    },
  });
}
