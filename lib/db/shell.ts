import "server-only";
import { cache } from "react";
import type { SessionUser } from "@/lib/auth/types";
import { PLANNER_ROLES } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import { amsterdamToday, toIsoDate } from "@/lib/format/date";
import type { ContractType, GroupType } from "@/lib/generated/prisma/enums";

// Queries behind the app shell and the first pages. Every function takes the signed-in user's scope
// and filters by it in the query itself, so a guessed id of another family or group finds nothing.
// They return plain DTOs (dates as "YYYY-MM-DD"), never Prisma rows.

export type ParentScope = Pick<SessionUser, "organisationId" | "familyId">;
export type StaffScope = Pick<SessionUser, "id" | "organisationId" | "role">;

export interface GroupSummary {
  id: string;
  name: string;
  type: GroupType;
  locationId: string;
  locationName: string;
}

export interface ChildSummary {
  id: string;
  firstName: string;
  lastName: string;
  /** Groups with a placement running today (Amsterdam). */
  currentGroups: GroupSummary[];
}

export interface PlacementSummary {
  group: GroupSummary;
  startDate: string;
  endDate: string | null;
  contractType: ContractType;
  /** true when it runs today, false when it starts later. */
  current: boolean;
}

export interface ChildDetails {
  id: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  mentorName: string | null;
  /** Current and upcoming placements, earliest first; ended ones are left out. */
  placements: PlacementSummary[];
}

export interface GroupChild {
  id: string;
  firstName: string;
  lastName: string;
  birthDate: string;
}

export interface StaffGroupDetails extends GroupSummary {
  children: GroupChild[];
}

const groupSelect = {
  id: true,
  name: true,
  type: true,
  location: { select: { id: true, name: true } },
} as const;

function toGroupSummary(g: { id: string; name: string; type: GroupType; location: { id: string; name: string } }): GroupSummary {
  return { id: g.id, name: g.name, type: g.type, locationId: g.location.id, locationName: g.location.name };
}

/** Placement periods that have not ended by `day` (a `@db.Date` value). */
function notEndedBy(day: Date) {
  return { OR: [{ endDate: null }, { endDate: { gte: day } }] };
}

/** The family's children with the groups they are placed in today. Empty for users without a family. */
export const getFamilyChildren = cache(async (scope: ParentScope, now: Date = new Date()): Promise<ChildSummary[]> => {
  if (!scope.familyId) return [];
  const today = amsterdamToday(now);
  const children = await db.child.findMany({
    where: { familyId: scope.familyId, family: { organisationId: scope.organisationId } },
    orderBy: [{ birthDate: "asc" }, { firstName: "asc" }, { id: "asc" }],
    select: {
      id: true,
      firstName: true,
      lastName: true,
      placements: {
        where: { startDate: { lte: today }, ...notEndedBy(today) },
        orderBy: { startDate: "asc" },
        select: { group: { select: groupSelect } },
      },
    },
  });
  return children.map((c) => ({
    id: c.id,
    firstName: c.firstName,
    lastName: c.lastName,
    currentGroups: uniqueGroups(c.placements.map((p) => toGroupSummary(p.group))),
  }));
});

/** One child of the parent's own family, or null (another family's child, unknown id, no family). */
export const getChildForParent = cache(
  async (scope: ParentScope, childId: string, now: Date = new Date()): Promise<ChildDetails | null> => {
    if (!scope.familyId || !isUuid(childId)) return null;
    const today = amsterdamToday(now);
    const child = await db.child.findFirst({
      where: { id: childId, familyId: scope.familyId, family: { organisationId: scope.organisationId } },
      select: {
        id: true,
        firstName: true,
        lastName: true,
        birthDate: true,
        mentor: { select: { name: true } },
        placements: {
          where: notEndedBy(today),
          orderBy: [{ startDate: "asc" }, { id: "asc" }],
          select: { startDate: true, endDate: true, contractType: true, group: { select: groupSelect } },
        },
      },
    });
    if (!child) return null;
    return {
      id: child.id,
      firstName: child.firstName,
      lastName: child.lastName,
      birthDate: toIsoDate(child.birthDate),
      mentorName: child.mentor?.name ?? null,
      placements: child.placements.map((p) => ({
        group: toGroupSummary(p.group),
        startDate: toIsoDate(p.startDate),
        endDate: p.endDate ? toIsoDate(p.endDate) : null,
        contractType: p.contractType,
        current: p.startDate.getTime() <= today.getTime(),
      })),
    };
  },
);

/** The groups a staff member works in (by membership), with their location, sorted by location and name. */
export const getStaffGroups = cache(async (scope: StaffScope): Promise<GroupSummary[]> => {
  const groups = await db.group.findMany({
    where: { staff: { some: { userId: scope.id } }, location: { organisationId: scope.organisationId } },
    orderBy: [{ location: { name: "asc" } }, { name: "asc" }, { id: "asc" }],
    select: groupSelect,
  });
  return groups.map(toGroupSummary);
});

/**
 * A group with the children placed in it today, or null when the user may not see it: staff only see
 * groups they are a member of; planners and admins see every group of their organisation.
 */
export const getStaffGroup = cache(
  async (scope: StaffScope, groupId: string, now: Date = new Date()): Promise<StaffGroupDetails | null> => {
    if (!isUuid(groupId)) return null;
    const today = amsterdamToday(now);
    const mayViewAll = PLANNER_ROLES.includes(scope.role);
    const group = await db.group.findFirst({
      where: {
        id: groupId,
        location: { organisationId: scope.organisationId },
        ...(mayViewAll ? {} : { staff: { some: { userId: scope.id } } }),
      },
      select: {
        ...groupSelect,
        placements: {
          where: { startDate: { lte: today }, ...notEndedBy(today) },
          select: { child: { select: { id: true, firstName: true, lastName: true, birthDate: true } } },
        },
      },
    });
    if (!group) return null;
    const children = new Map<string, GroupChild>();
    for (const { child } of group.placements) {
      children.set(child.id, {
        id: child.id,
        firstName: child.firstName,
        lastName: child.lastName,
        birthDate: toIsoDate(child.birthDate),
      });
    }
    return {
      ...toGroupSummary(group),
      children: [...children.values()].sort(
        (a, b) => a.firstName.localeCompare(b.firstName, "nl") || a.lastName.localeCompare(b.lastName, "nl"),
      ),
    };
  },
);

function uniqueGroups(groups: GroupSummary[]): GroupSummary[] {
  return [...new Map(groups.map((g) => [g.id, g])).values()];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids come from the URL; a malformed one would make PostgreSQL reject the uuid cast with a 500. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
