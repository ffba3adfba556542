// Which children of the diary forms may get photos (lib/db/diary-photos.ts): those with PHOTOS consent —
// not one whose consent is missing or refused — and never a child of another organisation, whatever id
// is asked for.
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/types";
import { childrenWithPhotoConsent } from "@/lib/db/diary-photos";
import { createFamily, createGroup, createOrganisation } from "./photo-fixtures";

let parent: SessionUser;
let noor: string; // PHOTOS
let tess: string; // PHOTOS refused
let mila: string; // no rows at all
let bram: string; // PHOTOS, another organisation

beforeAll(async () => {
  const org = await createOrganisation("Zonnetje");
  const other = await createOrganisation("Elders");
  const group = await createGroup(org.locationId, "Dolfijnen");
  const otherGroup = await createGroup(other.locationId, "Uilen");
  const n = await createFamily(org.id, "Boer", { firstName: "Noor", groupId: group.id, consents: ["PHOTOS", "GROUP_PHOTOS"] });
  noor = n.childId;
  parent = n.guardian1;
  tess = (await createFamily(org.id, "Bos", { firstName: "Tess", groupId: group.id, consents: ["GROUP_PHOTOS"], refused: ["PHOTOS"] })).childId;
  mila = (await createFamily(org.id, "Meijer", { firstName: "Mila", groupId: group.id })).childId;
  bram = (await createFamily(other.id, "Smit", { firstName: "Bram", groupId: otherGroup.id, consents: ["PHOTOS"] })).childId;
});

describe("childrenWithPhotoConsent", () => {
  it("gives the children with PHOTOS consent, not those without or with it refused", async () => {
    expect(await childrenWithPhotoConsent(parent, [noor, tess, mila])).toEqual(new Set([noor]));
  });

  it("never answers for a child of another organisation", async () => {
    expect(await childrenWithPhotoConsent(parent, [bram, noor])).toEqual(new Set([noor]));
  });

  it("asks nothing for no children", async () => {
    expect(await childrenWithPhotoConsent(parent, [])).toEqual(new Set());
  });
});
