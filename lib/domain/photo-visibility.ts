// Who may see (and so download) a photo, and which children may be tagged. domain.md "Privacy",
// seed 003 "Privacy en toestemming", issue 4 §4. lib/db/photo-access.ts is the same rule as a Prisma
// where clause; tests/photo-visibility.test.ts checks that the two agree.
//
// - Never across organisations.
// - Planners and admins see every photo of their organisation; staff the photos of the groups they
//   work in.
// - Guardians (rank 1 and 2 alike) see the photos in which one of their children is tagged, as long as
//   that child has a placement that has not ended, or ended at most `accessDaysAfterEnd` days ago
//   (OrganisationPolicy.downloadDaysAfterEnd: "downloaded for 6–8 weeks" after the placement ends).
//   The tag counts in a group the child is or was placed in (a child moving to another group keeps the
//   old group's photos); a tag in a group the child never attended is a mistake and shows nothing.
// - A photo shared with the group (audience GROUP) is also visible to every parent with a child placed
//   in the photo's group today — but only while every tagged child has consent for both PHOTOS and
//   GROUP_PHOTOS ("a photo is shared with the group only if every tagged child has consent for that").
//   If one of them has not (or withdraws it later), the photo falls back to TAGGED. A GROUP photo
//   without tags (the craft table, the garden) goes to the group.
// - A child without PHOTOS consent is not photographed, so cannot be tagged (checked at upload).

import { addDays, compareIsoDates } from "./dates";
import type { IsoDate } from "./types";

export type PhotoAudience = "TAGGED" | "GROUP";
export type ViewerRole = "PARENT" | "STAFF" | "PLANNER" | "ADMIN";
export type PhotoPermissionKind = "PHOTOS" | "GROUP_PHOTOS";

/** A child's consent rows (ChildPermission); a missing row means "not granted". */
export interface ConsentRow {
  kind: string;
  granted: boolean;
}

/** A placement period of a child (calendar days, end inclusive, null = open-ended). */
export interface PlacementSpan {
  childId: string;
  groupId: string;
  startDate: IsoDate;
  endDate: IsoDate | null;
}

export interface PhotoViewer {
  role: ViewerRole;
  organisationId: string;
  /** Parents: their family; null for staff. */
  familyId: string | null;
  /** Staff: the groups they work in. */
  groupIds: readonly string[];
  /** Parents: every placement of the family's children (any group, ended ones too). */
  familyPlacements: readonly PlacementSpan[];
}

export interface TaggedChild {
  childId: string;
  familyId: string;
  consents: readonly ConsentRow[];
}

export interface PhotoFacts {
  organisationId: string;
  groupId: string;
  audience: PhotoAudience;
  tags: readonly TaggedChild[];
}

export interface VisibilityContext {
  /** Today in Amsterdam. */
  today: IsoDate;
  /** OrganisationPolicy.downloadDaysAfterEnd of the viewer's organisation. */
  accessDaysAfterEnd: number;
}

export function hasConsent(consents: readonly ConsentRow[], kind: PhotoPermissionKind): boolean {
  return consents.some((c) => c.kind === kind && c.granted);
}

/** May this child be tagged in (photographed for) a photo at all? */
export function canTag(consents: readonly ConsentRow[]): boolean {
  return hasConsent(consents, "PHOTOS");
}

/** May a photo in which this child is tagged be shared with all parents of the group? */
export function canShareWithGroup(consents: readonly ConsentRow[]): boolean {
  return hasConsent(consents, "PHOTOS") && hasConsent(consents, "GROUP_PHOTOS");
}

/** The audience that really applies: GROUP only while every tagged child consents to it. */
export function effectiveAudience(photo: Pick<PhotoFacts, "audience" | "tags">): PhotoAudience {
  return photo.audience === "GROUP" && photo.tags.every((t) => canShareWithGroup(t.consents)) ? "GROUP" : "TAGGED";
}

/** The last day a guardian may still see the photos of a child with a placement ending on `endDate`. */
export function lastAccessDay(endDate: IsoDate, accessDaysAfterEnd: number): IsoDate {
  return addDays(endDate, Math.max(0, accessDaysAfterEnd));
}

/** A placement that gives its child's guardians access to the child's photos on `today`. */
export function givesTaggedAccess(p: PlacementSpan, ctx: VisibilityContext): boolean {
  return p.endDate === null || compareIsoDates(ctx.today, lastAccessDay(p.endDate, ctx.accessDaysAfterEnd)) <= 0;
}

/** A placement that makes its child's parents "parents of the group" on `today`. */
export function isCurrentPlacement(p: PlacementSpan, day: IsoDate): boolean {
  return compareIsoDates(p.startDate, day) <= 0 && (p.endDate === null || compareIsoDates(day, p.endDate) <= 0);
}

export function canSeePhoto(viewer: PhotoViewer, photo: PhotoFacts, ctx: VisibilityContext): boolean {
  if (viewer.organisationId !== photo.organisationId) return false;
  switch (viewer.role) {
    case "PLANNER":
    case "ADMIN":
      return true;
    case "STAFF":
      return viewer.groupIds.includes(photo.groupId);
    case "PARENT": {
      const familyId = viewer.familyId;
      if (!familyId) return false;
      const ownTagged = photo.tags.some(
        (t) =>
          t.familyId === familyId &&
          viewer.familyPlacements.some((p) => p.childId === t.childId && givesTaggedAccess(p, ctx)) &&
          viewer.familyPlacements.some((p) => p.childId === t.childId && p.groupId === photo.groupId),
      );
      if (ownTagged) return true;
      return (
        effectiveAudience(photo) === "GROUP" &&
        viewer.familyPlacements.some((p) => p.groupId === photo.groupId && isCurrentPlacement(p, ctx.today))
      );
    }
  }
}
