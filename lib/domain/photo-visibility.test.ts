import { describe, expect, it } from "vitest";
import {
  canSeePhoto,
  canShareWithGroup,
  canTag,
  effectiveAudience,
  givesTaggedAccess,
  isCurrentPlacement,
  lastAccessDay,
  type ConsentRow,
  type PhotoFacts,
  type PhotoViewer,
  type PlacementSpan,
  type VisibilityContext,
} from "./photo-visibility";

const ORG = "org-1";
const GROUP = "group-dolfijnen";
const OTHER_GROUP = "group-zeesterren";
const ctx: VisibilityContext = { today: "2026-06-15", accessDaysAfterEnd: 56 };

const both: ConsentRow[] = [
  { kind: "PHOTOS", granted: true },
  { kind: "GROUP_PHOTOS", granted: true },
];
const photosOnly: ConsentRow[] = [
  { kind: "PHOTOS", granted: true },
  { kind: "GROUP_PHOTOS", granted: false },
];

const open = (childId: string, groupId = GROUP): PlacementSpan => ({ childId, groupId, startDate: "2025-01-01", endDate: null });
const ended = (childId: string, endDate: string, groupId = GROUP): PlacementSpan => ({ childId, groupId, startDate: "2025-01-01", endDate });

function parent(familyId: string, placements: PlacementSpan[], organisationId = ORG): PhotoViewer {
  return { role: "PARENT", organisationId, familyId, groupIds: [], familyPlacements: placements };
}
function staff(role: "STAFF" | "PLANNER" | "ADMIN", groupIds: string[], organisationId = ORG): PhotoViewer {
  return { role, organisationId, familyId: null, groupIds, familyPlacements: [] };
}
function photo(audience: PhotoFacts["audience"], tags: PhotoFacts["tags"], groupId = GROUP, organisationId = ORG): PhotoFacts {
  return { organisationId, groupId, audience, tags };
}

const noor = { childId: "noor", familyId: "fam-a", consents: both };
const julia = { childId: "julia", familyId: "fam-b", consents: both };
const sem = { childId: "sem", familyId: "fam-c", consents: photosOnly };

describe("consent", () => {
  it("tags only children with photo consent; a missing row is no consent", () => {
    expect(canTag(both)).toBe(true);
    expect(canTag([{ kind: "PHOTOS", granted: false }])).toBe(false);
    expect(canTag([])).toBe(false);
    expect(canTag([{ kind: "GROUP_PHOTOS", granted: true }])).toBe(false);
  });

  it("shares with the group only with PHOTOS and GROUP_PHOTOS", () => {
    expect(canShareWithGroup(both)).toBe(true);
    expect(canShareWithGroup(photosOnly)).toBe(false);
    expect(canShareWithGroup([{ kind: "GROUP_PHOTOS", granted: true }])).toBe(false);
  });

  it("a GROUP photo falls back to TAGGED when one tagged child lacks group consent", () => {
    expect(effectiveAudience(photo("GROUP", [noor, julia]))).toBe("GROUP");
    expect(effectiveAudience(photo("GROUP", [noor, sem]))).toBe("TAGGED");
    expect(effectiveAudience(photo("TAGGED", [noor]))).toBe("TAGGED");
    expect(effectiveAudience(photo("GROUP", []))).toBe("GROUP");
  });
});

describe("placement periods", () => {
  it("keeps tagged access until the window after the end date (inclusive)", () => {
    expect(lastAccessDay("2026-05-01", 56)).toBe("2026-06-26");
    expect(givesTaggedAccess(ended("noor", "2026-04-20"), ctx)).toBe(true); // last day 2026-06-15
    expect(givesTaggedAccess(ended("noor", "2026-04-19"), ctx)).toBe(false);
    expect(givesTaggedAccess(open("noor"), ctx)).toBe(true);
    expect(givesTaggedAccess(ended("noor", "2026-06-14"), { ...ctx, accessDaysAfterEnd: 0 })).toBe(false);
    expect(givesTaggedAccess(ended("noor", "2026-06-15"), { ...ctx, accessDaysAfterEnd: 0 })).toBe(true);
  });

  it("a current placement has started and not ended", () => {
    expect(isCurrentPlacement(open("noor"), "2026-06-15")).toBe(true);
    expect(isCurrentPlacement({ ...open("noor"), startDate: "2026-06-16" }, "2026-06-15")).toBe(false);
    expect(isCurrentPlacement(ended("noor", "2026-06-15"), "2026-06-15")).toBe(true);
    expect(isCurrentPlacement(ended("noor", "2026-06-14"), "2026-06-15")).toBe(false);
  });
});

describe("canSeePhoto", () => {
  const famA = parent("fam-a", [open("noor")]);
  const famB = parent("fam-b", [open("julia")]);
  const famC = parent("fam-c", [open("sem")]);

  it("shows a TAGGED photo to the guardians of a tagged child only", () => {
    const p = photo("TAGGED", [noor]);
    expect(canSeePhoto(famA, p, ctx)).toBe(true);
    expect(canSeePhoto(famB, p, ctx)).toBe(false);
  });

  it("shows a consented GROUP photo to every parent placed in the group today", () => {
    const p = photo("GROUP", [noor]);
    expect(canSeePhoto(famB, p, ctx)).toBe(true);
    expect(canSeePhoto(parent("fam-d", [open("kim", OTHER_GROUP)]), p, ctx)).toBe(false);
    expect(canSeePhoto(parent("fam-d", [ended("kim", "2026-06-14")]), p, ctx)).toBe(false);
    expect(canSeePhoto(parent("fam-d", [{ ...open("kim"), startDate: "2026-09-01" }]), p, ctx)).toBe(false);
  });

  it("keeps a GROUP photo with a non-consenting child among the tagged guardians", () => {
    const p = photo("GROUP", [noor, sem]);
    expect(canSeePhoto(famA, p, ctx)).toBe(true);
    expect(canSeePhoto(famC, p, ctx)).toBe(true);
    expect(canSeePhoto(famB, p, ctx)).toBe(false);
  });

  it("keeps the tagged child's photos for the window after its placement ended, not longer", () => {
    const p = photo("TAGGED", [noor]);
    expect(canSeePhoto(parent("fam-a", [ended("noor", "2026-05-01")]), p, ctx)).toBe(true);
    expect(canSeePhoto(parent("fam-a", [ended("noor", "2026-04-01")]), p, ctx)).toBe(false);
    // A later placement in another group keeps access to the photos of the old group.
    expect(canSeePhoto(parent("fam-a", [ended("noor", "2025-06-01"), open("noor", OTHER_GROUP)]), p, ctx)).toBe(true);
  });

  it("a tag counts only in a group the child is or was placed in", () => {
    expect(canSeePhoto(famA, photo("TAGGED", [noor], OTHER_GROUP), ctx)).toBe(false);
    expect(canSeePhoto(parent("fam-a", [ended("noor", "2024-01-01", OTHER_GROUP), open("noor")]), photo("TAGGED", [noor], OTHER_GROUP), ctx)).toBe(true);
  });

  it("ended placements give no group photos, even inside the window", () => {
    expect(canSeePhoto(parent("fam-b", [ended("julia", "2026-06-01")]), photo("GROUP", [noor]), ctx)).toBe(false);
  });

  it("a guardian whose child is tagged but another family's placement is listed gets nothing", () => {
    // familyPlacements of the wrong child: the tag must be of the viewer's family AND placed.
    expect(canSeePhoto(parent("fam-a", [open("julia")]), photo("TAGGED", [noor]), ctx)).toBe(false);
    expect(canSeePhoto(parent("fam-b", [open("noor")]), photo("TAGGED", [noor]), ctx)).toBe(false);
  });

  it("staff see the photos of their own groups; planners and admins the whole organisation", () => {
    const p = photo("TAGGED", [noor]);
    expect(canSeePhoto(staff("STAFF", [GROUP]), p, ctx)).toBe(true);
    expect(canSeePhoto(staff("STAFF", [OTHER_GROUP]), p, ctx)).toBe(false);
    expect(canSeePhoto(staff("PLANNER", []), p, ctx)).toBe(true);
    expect(canSeePhoto(staff("ADMIN", []), p, ctx)).toBe(true);
  });

  it("never crosses organisations", () => {
    const p = photo("GROUP", [noor], GROUP, "org-2");
    expect(canSeePhoto(famA, p, ctx)).toBe(false);
    expect(canSeePhoto(famB, p, ctx)).toBe(false);
    expect(canSeePhoto(staff("STAFF", [GROUP]), p, ctx)).toBe(false);
    expect(canSeePhoto(staff("ADMIN", []), p, ctx)).toBe(false);
  });

  it("a parent without a family sees nothing", () => {
    expect(canSeePhoto({ ...famA, familyId: null }, photo("GROUP", []), ctx)).toBe(false);
  });
});
