// The photo route's request logic (lib/server/photos/serve.ts) against PostgreSQL and a real store:
// 401/400/404/304, headers, Accept negotiation, downloads, and another family's request.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/types";
import { photoUrl, type PhotoVariant } from "@/lib/photos/urls";
import { PHOTO_LIMITS, storePhoto, thumbnailKey } from "@/lib/server/photos/process";
import { contentDisposition, ifNoneMatchHits, negotiateThumbnailFormat, servePhoto } from "@/lib/server/photos/serve";
import { LocalBlobStore } from "@/lib/server/storage/store";
import { createFamily, createGroup, createOrganisation, createPhoto, createUser, NOW } from "./photo-fixtures";

let base: string;
let store: LocalBlobStore;
let noorParent: SessionUser;
let zoeParent: SessionUser;
let otherFamily: SessionUser;
let staff: SessionUser;
let otherGroupStaff: SessionUser;
let tagged: { id: string; sha256: string; storageKey: string };
let groupPhoto: { id: string; sha256: string };
let zoePhoto: { id: string; sha256: string };
let lostPhoto: { id: string; sha256: string };
let video: { id: string; sha256: string };
let originalBytes: Buffer;

const AVIF_ACCEPT = "image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8"; // Chrome
const WEBP_ACCEPT = "image/webp,*/*"; // older Safari/Firefox

function get(user: SessionUser | null, photo: { id: string; sha256: string }, variant: PhotoVariant | string, init: { accept?: string; ifNoneMatch?: string; download?: boolean; v?: string | null } = {}) {
  const url = new URL(`http://localhost${photoUrl(photo, variant as PhotoVariant, { download: init.download })}`);
  if (init.v === null) url.searchParams.delete("v");
  else if (init.v !== undefined) url.searchParams.set("v", init.v);
  const headers = new Headers();
  if (init.accept) headers.set("accept", init.accept);
  if (init.ifNoneMatch) headers.set("if-none-match", init.ifNoneMatch);
  return servePhoto(user, { photoId: photo.id, variant }, new Request(url, { headers }), { store, now: NOW });
}

async function bytes(response: Response): Promise<Buffer> {
  return Buffer.from(await response.arrayBuffer());
}

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), "ouderportaal-serve-"));
  store = new LocalBlobStore(base);
  const org = await createOrganisation("Zonnebloem");
  const dolfijnen = await createGroup(org.locationId, "Dolfijnen");
  const zeesterren = await createGroup(org.locationId, "Zeesterren");
  const consents = ["PHOTOS", "GROUP_PHOTOS"] as ("PHOTOS" | "GROUP_PHOTOS")[];
  const noor = await createFamily(org.id, "De Boer", { firstName: "Noor", groupId: dolfijnen.id, consents });
  const zoe = await createFamily(org.id, "Öztürk", { firstName: "Zoë", groupId: dolfijnen.id, consents });
  const julia = await createFamily(org.id, "Van den Berg", { firstName: "Julia", groupId: dolfijnen.id, consents });
  noorParent = noor.guardian2;
  zoeParent = zoe.guardian1;
  otherFamily = julia.guardian1;
  staff = await createUser(org.id, "STAFF", { groupIds: [dolfijnen.id] });
  otherGroupStaff = await createUser(org.id, "STAFF", { groupIds: [zeesterren.id] });

  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1200"><rect width="1600" height="1200" fill="#7ac"/><circle cx="800" cy="600" r="300" fill="#fc0"/></svg>`;
  const camera = await sharp(Buffer.from(svg))
    .jpeg({ quality: 90 })
    .withExif({
      IFD2: { DateTimeOriginal: "2025:04:27 10:11:12", OffsetTimeOriginal: "+02:00" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "52/1 22/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "4/1 53/1 0/1" },
    })
    .toBuffer();
  const stored = await storePhoto(store, camera, PHOTO_LIMITS, NOW);
  originalBytes = stored.data;
  const row = (audience: "TAGGED" | "GROUP", tags: string[], extra: { sha256?: string; storageKey?: string } = {}) =>
    createPhoto({
      groupId: dolfijnen.id,
      uploadedById: staff.id,
      audience,
      tags,
      sha256: extra.sha256 ?? stored.sha256,
      storageKey: extra.storageKey ?? stored.storageKey,
      width: stored.width,
      height: stored.height,
      bytes: stored.bytes,
      takenAt: stored.takenAt,
    });
  tagged = await row("TAGGED", [noor.childId]);
  groupPhoto = await row("GROUP", [noor.childId]);
  zoePhoto = await row("TAGGED", [zoe.childId]);
  const missingSha = "f".repeat(64);
  lostPhoto = await row("TAGGED", [noor.childId], { sha256: missingSha, storageKey: `originals/ff/${missingSha}.jpg` });
  video = await createPhoto({ groupId: dolfijnen.id, uploadedById: staff.id, audience: "TAGGED", tags: [noor.childId], kind: "VIDEO", mimeType: "video/mp4", sha256: "e".repeat(64), storageKey: `originals/ee/${"e".repeat(64)}.mp4` });
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe("GET /api/photos/[photoId]/[variant]", () => {
  it("401 without a session, before anything else", async () => {
    const response = await get(null, tagged, "w320");
    expect(response.status).toBe(401);
    expect(response.headers.get("cache-control")).toContain("no-store");
    expect((await get(null, tagged, "bogus")).status).toBe(401);
  });

  it("400 for an unknown variant", async () => {
    for (const variant of ["w100", "thumb", "..", "original.jpg", "W320"]) {
      expect((await get(noorParent, tagged, variant)).status, variant).toBe(400);
    }
  });

  it("404 alike for a photo that does not exist and one that is not visible", async () => {
    const missing = await get(noorParent, { id: "00000000-0000-4000-8000-000000000000", sha256: tagged.sha256 }, "w320");
    const malformed = await get(noorParent, { id: "../../etc/passwd", sha256: tagged.sha256 }, "w320");
    const hidden = await get(otherFamily, tagged, "w320");
    const hiddenOriginal = await get(otherFamily, tagged, "original", { download: true });
    const otherGroup = await get(otherGroupStaff, tagged, "w640");
    for (const response of [missing, malformed, hidden, hiddenOriginal, otherGroup]) {
      expect(response.status).toBe(404);
      expect(await response.text()).toBe("Not found");
      expect(response.headers.get("cache-control")).toBe("private, no-store");
      expect(response.headers.get("etag")).toBeNull();
    }
  });

  it("404 when ?v= is missing or not the photo's sha prefix", async () => {
    expect((await get(noorParent, tagged, "w320", { v: null })).status).toBe(404);
    expect((await get(noorParent, tagged, "w320", { v: "0123456789abcdef" })).status).toBe(404);
    expect((await get(noorParent, tagged, "w320", { v: tagged.sha256 })).status).toBe(404);
    expect((await get(noorParent, tagged, "w320", { v: tagged.sha256.slice(0, 16).toUpperCase() })).status).toBe(404);
  });

  it("serves a thumbnail in the best format the client accepts, with long-lived private caching", async () => {
    const cases = [
      [AVIF_ACCEPT, "image/avif", "heif"],
      [WEBP_ACCEPT, "image/webp", "webp"],
      ["image/avif;q=0, image/webp", "image/webp", "webp"],
      ["*/*", "image/jpeg", "jpeg"],
      [undefined, "image/jpeg", "jpeg"],
    ] as const;
    const etags = new Set<string>();
    for (const [accept, contentType, format] of cases) {
      const response = await get(noorParent, tagged, "w640", { accept });
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe(contentType);
      expect(response.headers.get("vary")).toBe("Accept");
      expect(response.headers.get("cache-control")).toBe("private, max-age=31536000, immutable");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("content-disposition")).toBeNull();
      const etag = response.headers.get("etag")!;
      expect(etag).toMatch(/^"[0-9a-f]{64}-w640-(avif|webp|jpeg)"$/);
      etags.add(etag);
      const body = await bytes(response);
      expect(Number(response.headers.get("content-length"))).toBe(body.length);
      const meta = await sharp(body).metadata();
      expect([meta.format, meta.width, meta.height, meta.exif]).toEqual([format, 640, 480, undefined]);
    }
    expect(etags.size).toBe(3);
    // Made once and kept in the store.
    for (const f of ["avif", "webp", "jpeg"] as const) expect(await store.has(thumbnailKey(tagged.sha256, 640, f))).toBe(true);
  });

  it("each width has its own ETag and size", async () => {
    const widths = new Map<string, number>();
    for (const variant of ["w320", "w640", "w1280"] as const) {
      const response = await get(staff, tagged, variant, { accept: WEBP_ACCEPT });
      expect(response.status).toBe(200);
      widths.set(response.headers.get("etag")!, (await sharp(await bytes(response)).metadata()).width!);
    }
    expect([...widths.values()]).toEqual([320, 640, 1280]);
  });

  it("304 for a matching If-None-Match (also in a list or weak), 200 for another", async () => {
    const first = await get(noorParent, tagged, "w320", { accept: AVIF_ACCEPT });
    const etag = first.headers.get("etag")!;
    for (const ifNoneMatch of [etag, `"nope", ${etag}`, `W/${etag}`, "*"]) {
      const response = await get(noorParent, tagged, "w320", { accept: AVIF_ACCEPT, ifNoneMatch });
      expect(response.status, ifNoneMatch).toBe(304);
      expect(response.headers.get("etag")).toBe(etag);
      expect(response.headers.get("cache-control")).toBe("private, max-age=31536000, immutable");
      expect(response.headers.get("vary")).toBe("Accept");
      expect((await bytes(response)).length).toBe(0);
    }
    // The same tag for another format is not a match: the client gets the WebP bytes.
    const webp = await get(noorParent, tagged, "w320", { accept: WEBP_ACCEPT, ifNoneMatch: etag });
    expect(webp.status).toBe(200);
    expect(webp.headers.get("content-type")).toBe("image/webp");
  });

  it("never answers 304 to someone who may not see the photo", async () => {
    const etag = (await get(noorParent, tagged, "w320", { accept: AVIF_ACCEPT })).headers.get("etag")!;
    expect((await get(otherFamily, tagged, "w320", { accept: AVIF_ACCEPT, ifNoneMatch: etag })).status).toBe(404);
    expect((await get(null, tagged, "w320", { accept: AVIF_ACCEPT, ifNoneMatch: etag })).status).toBe(401);
  });

  it("downloads the stored original as an attachment named after the child and the day it was taken, without GPS", async () => {
    const response = await get(noorParent, tagged, "original", { download: true, accept: AVIF_ACCEPT });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/jpeg");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="Noor-2025-04-27-${tagged.id.slice(0, 8)}.jpg"`);
    expect(response.headers.get("vary")).toBeNull();
    expect(response.headers.get("etag")).toBe(`"${tagged.sha256}-original-original"`);
    const body = await bytes(response);
    expect(body.equals(originalBytes)).toBe(true);
    const meta = await sharp(body).metadata();
    expect([meta.format, meta.width, meta.height, meta.exif]).toEqual(["jpeg", 1600, 1200, undefined]);
    expect(body.includes("GPS")).toBe(false);
  });

  it("shows the original inline without download=1", async () => {
    const response = await get(noorParent, tagged, "original");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/^inline; filename="Noor-2025-04-27-/);
  });

  it("names a non-ASCII child with an ASCII fallback and an RFC 5987 filename*", async () => {
    const response = await get(zoeParent, zoePhoto, "original", { download: true });
    const short = zoePhoto.id.slice(0, 8);
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="Zoe-2025-04-27-${short}.jpg"; filename*=UTF-8''Zo%C3%AB-2025-04-27-${short}.jpg`,
    );
  });

  it("another family may see a group photo, but its file name never reveals who is tagged", async () => {
    const thumb = await get(otherFamily, groupPhoto, "w320", { accept: WEBP_ACCEPT });
    expect(thumb.status).toBe(200);
    const download = await get(otherFamily, groupPhoto, "original", { download: true });
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toBe(`attachment; filename="Dolfijnen-2025-04-27-${groupPhoto.id.slice(0, 8)}.jpg"`);
    // The tagged family's download carries the child's name.
    const own = await get(noorParent, groupPhoto, "original", { download: true });
    expect(own.headers.get("content-disposition")).toContain('filename="Noor-');
  });

  it("staff of the group get everything, staff of another group nothing", async () => {
    expect((await get(staff, zoePhoto, "original", { download: true })).status).toBe(200);
    expect((await get(otherGroupStaff, zoePhoto, "original", { download: true })).status).toBe(404);
  });

  it("404 (not a crash) when the stored original is gone, and no thumbnails of a video", async () => {
    expect((await get(staff, lostPhoto, "w320")).status).toBe(404);
    expect((await get(staff, lostPhoto, "original")).status).toBe(404);
    expect((await get(staff, video, "w320")).status).toBe(404);
  });
});

describe("helpers", () => {
  it("negotiates AVIF, then WebP, else JPEG", () => {
    expect(negotiateThumbnailFormat(AVIF_ACCEPT)).toBe("avif");
    expect(negotiateThumbnailFormat("image/webp;q=0.9")).toBe("webp");
    expect(negotiateThumbnailFormat("image/avif;q=0,image/webp;q=0")).toBe("jpeg");
    expect(negotiateThumbnailFormat("image/*")).toBe("jpeg");
    expect(negotiateThumbnailFormat(null)).toBe("jpeg");
    expect(negotiateThumbnailFormat("IMAGE/AVIF")).toBe("avif");
  });

  it("compares If-None-Match weakly", () => {
    expect(ifNoneMatchHits('"a"', '"a"')).toBe(true);
    expect(ifNoneMatchHits('W/"a"', '"a"')).toBe(true);
    expect(ifNoneMatchHits('"b", "a"', '"a"')).toBe(true);
    expect(ifNoneMatchHits('"b"', '"a"')).toBe(false);
    expect(ifNoneMatchHits(null, '"a"')).toBe(false);
  });

  it("keeps quotes, slashes and control characters out of file names", () => {
    expect(contentDisposition("attachment", 'a"b/c\\d\r\ne.jpg')).toBe('attachment; filename="a-b-c-d-e.jpg"');
    expect(contentDisposition("attachment", "../../.bashrc")).toBe('attachment; filename="bashrc"');
    expect(contentDisposition("attachment", "Dolfijnen-2025-04-27-abcd1234.jpg")).toBe('attachment; filename="Dolfijnen-2025-04-27-abcd1234.jpg"');
    expect(contentDisposition("inline", "Émile's foto.jpg")).toBe(
      `inline; filename="Emile-s-foto.jpg"; filename*=UTF-8''%C3%89mile%27s%20foto.jpg`,
    );
  });
});
