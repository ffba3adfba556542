import "server-only";
import type { SessionUser } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import { canSeePhoto, givesTaggedAccess, isCurrentPlacement, type PhotoViewer } from "@/lib/domain/photo-visibility";
import { amsterdamIsoDate, toIsoDate } from "@/lib/format/date";
import type { Photo, Prisma } from "@/lib/generated/prisma/client";

// "Which photos may this user see?" in two shapes that must agree (tests/photo-visibility.test.ts):
// - visiblePhotosWhere(): a Prisma where clause, for lists (timeline, exports) and counts;
// - findVisiblePhoto(): one photo, decided by the pure rule of lib/domain/photo-visibility.ts.
// Seeing a photo includes downloading its original (domain.md: "only downloadable by those allowed
// to see the photo").

/** Policy default when an organisation has no OrganisationPolicy row (the column's default). */
export const DEFAULT_PHOTO_ACCESS_DAYS_AFTER_END = 56;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const MATCH_NOTHING: Prisma.PhotoWhereInput = { id: { in: [] } };

/** OrganisationPolicy.downloadDaysAfterEnd: how long guardians keep their child's photos after a placement ends. */
export async function photoAccessDaysAfterEnd(organisationId: string): Promise<number> {
  const policy = await db.organisationPolicy.findUnique({
    where: { organisationId },
    select: { downloadDaysAfterEnd: true },
  });
  return policy?.downloadDaysAfterEnd ?? DEFAULT_PHOTO_ACCESS_DAYS_AFTER_END;
}

/**
 * What a user's photo access comes down to, loaded once per request, so the where clause only
 * compares Photo columns with constants and can walk the (groupId, createdAt, id) index.
 */
export type PhotoAccessScope =
  | { kind: "none" }
  | { kind: "organisation"; organisationId: string }
  | { kind: "groups"; groupIds: string[] }
  | {
      kind: "family";
      /** Children whose tagged photos the family may see, with every group of the organisation they are or were placed in. */
      taggedChildren: { childId: string; groupIds: string[] }[];
      /** Groups a child of the family is placed in today: their consented GROUP photos. */
      currentGroupIds: string[];
    };

/** Loads the user's scope (the family's placements and the policy window; staff groups of the organisation). */
export async function loadPhotoAccessScope(user: SessionUser, now: Date = new Date()): Promise<PhotoAccessScope> {
  const inOrganisation = { location: { organisationId: user.organisationId } };
  switch (user.role) {
    case "PLANNER":
    case "ADMIN":
      return { kind: "organisation", organisationId: user.organisationId };
    case "STAFF": {
      if (user.groupIds.length === 0) return { kind: "none" };
      const groups = await db.group.findMany({ where: { id: { in: [...user.groupIds] }, ...inOrganisation }, select: { id: true } });
      return groups.length ? { kind: "groups", groupIds: groups.map((g) => g.id).sort() } : { kind: "none" };
    }
    case "PARENT": {
      if (!user.familyId) return { kind: "none" };
      const [placements, accessDaysAfterEnd] = await Promise.all([
        db.placement.findMany({
          where: { child: { familyId: user.familyId, family: { organisationId: user.organisationId } }, group: inOrganisation },
          select: { childId: true, groupId: true, startDate: true, endDate: true },
          orderBy: [{ childId: "asc" }, { groupId: "asc" }],
        }),
        photoAccessDaysAfterEnd(user.organisationId),
      ]);
      const ctx = { today: amsterdamIsoDate(now), accessDaysAfterEnd };
      const spans = placements.map((p) => ({
        childId: p.childId,
        groupId: p.groupId,
        startDate: toIsoDate(p.startDate),
        endDate: p.endDate ? toIsoDate(p.endDate) : null,
      }));
      const byChild = new Map<string, typeof spans>();
      for (const span of spans) byChild.set(span.childId, [...(byChild.get(span.childId) ?? []), span]);
      const taggedChildren = [...byChild]
        .filter(([, own]) => own.some((p) => givesTaggedAccess(p, ctx)))
        .map(([childId, own]) => ({ childId, groupIds: [...new Set(own.map((p) => p.groupId))] }));
      const currentGroupIds = [...new Set(spans.filter((p) => isCurrentPlacement(p, ctx.today)).map((p) => p.groupId))].sort();
      return taggedChildren.length || currentGroupIds.length ? { kind: "family", taggedChildren, currentGroupIds } : { kind: "none" };
    }
  }
}

/** The where clause of a loaded scope (no query). */
export function photoScopeWhere(scope: PhotoAccessScope): Prisma.PhotoWhereInput {
  switch (scope.kind) {
    case "none":
      return MATCH_NOTHING;
    case "organisation":
      return { group: { location: { organisationId: scope.organisationId } } };
    case "groups":
      return { groupId: { in: scope.groupIds } };
    case "family": {
      const branches: Prisma.PhotoWhereInput[] = scope.taggedChildren.map((c) => ({
        groupId: { in: c.groupIds },
        tags: { some: { childId: c.childId } },
      }));
      if (scope.currentGroupIds.length) {
        branches.push({
          audience: "GROUP",
          groupId: { in: scope.currentGroupIds },
          // Every tagged child consents to both (vacuously true without tags).
          tags: {
            every: {
              child: {
                AND: [
                  { permissions: { some: { kind: "PHOTOS", granted: true } } },
                  { permissions: { some: { kind: "GROUP_PHOTOS", granted: true } } },
                ],
              },
            },
          },
        });
      }
      const groupIds = [...new Set([...scope.taggedChildren.flatMap((c) => c.groupIds), ...scope.currentGroupIds])].sort();
      // The outer groupId filter is implied by the branches; it lets PostgreSQL use the group index.
      return { AND: [{ groupId: { in: groupIds } }, { OR: branches }] };
    }
  }
}

/**
 * Photos `user` may see (and download) at `now`. Loads the user's scope first (one or two small
 * queries), so the clause itself stays index-friendly for timelines of any length.
 */
export async function visiblePhotosWhere(user: SessionUser, now: Date = new Date()): Promise<Prisma.PhotoWhereInput> {
  return photoScopeWhere(await loadPhotoAccessScope(user, now));
}

export type PhotoRow = Photo & {
  groupName: string;
  /** The tagged children the viewer may know about: for a parent only their own, for staff all. */
  taggedChildren: { id: string; firstName: string }[];
};

interface PhotoFactsRow extends Photo {
  groupName: string;
  organisationId: string;
  accessDaysAfterEnd: number | null;
  tags: { id: string; firstName: string; familyId: string; consents: { kind: string; granted: boolean }[] }[];
  familyPlacements: { childId: string; groupId: string; startDate: string; endDate: string | null }[];
}

/**
 * One photo if `user` may see it, else null — the same for a photo that does not exist. The route
 * calls this for every thumbnail, so the facts come in one round trip (the photo, its organisation
 * and policy, the tagged children with their consents, the viewer family's placements) and the pure
 * rule of lib/domain/photo-visibility.ts decides: an implementation independent of
 * visiblePhotosWhere, which tests/photo-visibility.test.ts holds against it.
 */
export async function findVisiblePhoto(user: SessionUser, photoId: string, now: Date = new Date()): Promise<PhotoRow | null> {
  if (!UUID.test(photoId)) return null;
  const familyId = user.role === "PARENT" ? user.familyId : null;
  const rows = await db.$queryRaw<PhotoFactsRow[]>`
    SELECT p.*, g.name AS "groupName", l."organisationId", pol."downloadDaysAfterEnd" AS "accessDaysAfterEnd",
      COALESCE((
        SELECT json_agg(json_build_object(
          'id', c.id, 'firstName', c."firstName", 'familyId', c."familyId",
          'consents', COALESCE((SELECT json_agg(json_build_object('kind', cp.kind, 'granted', cp.granted))
                                FROM "ChildPermission" cp WHERE cp."childId" = c.id), '[]'::json)
        ) ORDER BY c.id)
        FROM "PhotoTag" t JOIN "Child" c ON c.id = t."childId"
        WHERE t."photoId" = p.id
      ), '[]'::json) AS tags,
      COALESCE((
        SELECT json_agg(json_build_object('childId', pl."childId", 'groupId', pl."groupId", 'startDate', pl."startDate", 'endDate', pl."endDate"))
        FROM "Placement" pl JOIN "Child" c ON c.id = pl."childId" JOIN "Family" f ON f.id = c."familyId"
        WHERE c."familyId" = ${familyId}::uuid AND f."organisationId" = ${user.organisationId}::uuid
      ), '[]'::json) AS "familyPlacements"
    FROM "Photo" p
    JOIN "Group" g ON g.id = p."groupId"
    JOIN "Location" l ON l.id = g."locationId"
    LEFT JOIN "OrganisationPolicy" pol ON pol."organisationId" = l."organisationId"
    WHERE p.id = ${photoId}::uuid`;
  const facts = rows[0];
  if (!facts) return null;

  const { groupName, organisationId, accessDaysAfterEnd, tags, familyPlacements, ...photo } = facts;
  const viewer: PhotoViewer = {
    role: user.role,
    organisationId: user.organisationId,
    familyId,
    groupIds: user.groupIds,
    familyPlacements,
  };
  const visible = canSeePhoto(
    viewer,
    {
      organisationId,
      groupId: photo.groupId,
      audience: photo.audience,
      tags: tags.map((c) => ({ childId: c.id, familyId: c.familyId, consents: c.consents })),
    },
    {
      today: amsterdamIsoDate(now),
      // The photo's organisation is the viewer's (or the rule refuses anyway): its policy applies.
      accessDaysAfterEnd: accessDaysAfterEnd ?? DEFAULT_PHOTO_ACCESS_DAYS_AFTER_END,
    },
  );
  if (!visible) return null;

  return {
    ...photo,
    groupName,
    taggedChildren: tags
      .filter((c) => user.role !== "PARENT" || c.familyId === user.familyId)
      .map((c) => ({ id: c.id, firstName: c.firstName })),
  };
}
