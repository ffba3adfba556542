// Videos in diary entries (OrganisationPolicy.videoInDiaryEnabled) against PostgreSQL and a real store:
// upload accepted or refused by the policy and by sniffing the bytes (never the name), the video size
// limit, storage as-is under videos/, serving the original with HTTP Range (206/416), visibility like
// photos, and the entry's `videos` in the timeline DTO.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import { createDiaryEntry } from "@/lib/db/diary";
import { getDiaryEntry, getTimelinePage } from "@/lib/db/timeline";
import { photoUrl } from "@/lib/photos/urls";
import { uploadQuery, type PhotoUploadMetaInput } from "@/lib/schemas/photo-upload";
import { parseRange, servePhoto } from "@/lib/server/photos/serve";
import { handleUpload } from "@/lib/server/photos/upload";
import { sniffVideoType, VIDEO_LIMITS, type VideoLimits } from "@/lib/server/photos/video";
import { LocalBlobStore } from "@/lib/server/storage/store";
import { createFamily, createGroup, createOrganisation, createUser, NOW, TODAY } from "./photo-fixtures";

let base: string;
let store: LocalBlobStore;
let groupId: string;
let staff: SessionUser;
let otherGroupStaff: SessionUser;
let noor: Awaited<ReturnType<typeof createFamily>>;
let julia: Awaited<ReturnType<typeof createFamily>>; // same group, another family
let offFamily: Awaited<ReturnType<typeof createFamily>>; // an organisation with video off
let entryId: string;
let offEntryId: string;

/** An MP4 as a phone writes it, as far as sniffing goes: an ftyp box (isom, mp41) and an mdat box. */
function mp4(size = 5000): Buffer {
  const ftyp = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from("ftypisom", "latin1"), Buffer.from([0, 0, 2, 0]), Buffer.from("isommp41", "latin1")]);
  const payload = randomBytes(size - ftyp.length - 8);
  const mdatHeader = Buffer.alloc(8);
  mdatHeader.writeUInt32BE(payload.length + 8, 0);
  mdatHeader.write("mdat", 4, "latin1");
  return Buffer.concat([ftyp, mdatHeader, payload]);
}

/** A WebM: EBML header with DocType "webm", then a Segment of random bytes. */
function webm(size = 3000): Buffer {
  const header = Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0xf7, 0x81, 0x01, 0x42, 0x82, 0x84, ...Buffer.from("webm", "latin1"), 0x42, 0x87, 0x81, 0x04]);
  return Buffer.concat([header, Buffer.from([0x18, 0x53, 0x80, 0x67]), randomBytes(size - header.length - 4)]);
}

function meta(over: Partial<PhotoUploadMetaInput> = {}): PhotoUploadMetaInput {
  return { diaryEntryId: entryId, childIds: [], audience: "TAGGED", clientKey: randomUUID(), batchId: randomUUID(), ...over };
}

function post(user: SessionUser, m: PhotoUploadMetaInput, body: Buffer, opts: { length?: string; videoLimits?: VideoLimits } = {}) {
  const headers = new Headers({ "content-type": "application/octet-stream", host: "localhost" });
  if (opts.length) headers.set("content-length", opts.length);
  const request = new Request(`http://localhost/api/photos/upload?${uploadQuery(m)}`, { method: "POST", headers, body: new Uint8Array(body) });
  return handleUpload(user, request, { store, now: NOW, videoLimits: opts.videoLimits });
}

function get(user: SessionUser, photo: { id: string; sha256: string }, headers: Record<string, string> = {}, variant: "original" | "w320" = "original") {
  const url = `http://localhost${photoUrl(photo, variant)}`;
  return servePhoto(user, { photoId: photo.id, variant }, new Request(url, { headers }), { store, now: NOW });
}

async function uploadVideo(user: SessionUser, body: Buffer, m: Partial<PhotoUploadMetaInput> = {}) {
  const res = await post(user, meta(m), body);
  expect(res.status).toBe(201);
  const { photoId } = (await res.json()) as { photoId: string };
  return db.photo.findUniqueOrThrow({ where: { id: photoId } });
}

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), "ouderportaal-video-"));
  store = new LocalBlobStore(base);
  const org = await createOrganisation("Video");
  await db.organisationPolicy.update({ where: { organisationId: org.id }, data: { videoInDiaryEnabled: true } });
  groupId = (await createGroup(org.locationId, "Dolfijnen")).id;
  const otherGroupId = (await createGroup(org.locationId, "Zeesterren")).id;
  staff = await createUser(org.id, "STAFF", { groupIds: [groupId] });
  otherGroupStaff = await createUser(org.id, "STAFF", { groupIds: [otherGroupId] });
  noor = await createFamily(org.id, "Boer", { firstName: "Noor", groupId, consents: ["PHOTOS", "GROUP_PHOTOS"] });
  julia = await createFamily(org.id, "Berg", { firstName: "Julia", groupId, consents: ["PHOTOS", "GROUP_PHOTOS"] });
  const written = await createDiaryEntry(noor.guardian1, { childId: noor.childId, date: TODAY, body: "Naar het bos", idempotencyKey: randomUUID() }, NOW);
  if (!written.ok) throw new Error(written.code);
  entryId = written.data.entryId;

  const off = await createOrganisation("Zonder video"); // the default policy: video off
  const offGroup = await createGroup(off.locationId, "Egeltjes");
  offFamily = await createFamily(off.id, "Smit", { firstName: "Sem", groupId: offGroup.id, consents: ["PHOTOS"] });
  const offWritten = await createDiaryEntry(offFamily.guardian1, { childId: offFamily.childId, date: TODAY, body: "Thuis", idempotencyKey: randomUUID() }, NOW);
  if (!offWritten.ok) throw new Error(offWritten.code);
  offEntryId = offWritten.data.entryId;
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe("sniffing", () => {
  it("knows MP4 by its ftyp brands and WebM by its EBML DocType, and nothing else", async () => {
    expect(sniffVideoType(mp4())).toBe("mp4");
    expect(sniffVideoType(webm())).toBe("webm");
    const avifLike = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from("ftypavif", "latin1"), Buffer.from([0, 0, 0, 0]), Buffer.from("mif1miaf", "latin1")]);
    expect(sniffVideoType(avifLike)).toBeNull();
    expect(sniffVideoType(randomBytes(500))).toBeNull();
    expect(sniffVideoType(await sharp({ create: { width: 8, height: 8, channels: 3, background: "#abc" } }).jpeg().toBuffer())).toBeNull();
  });
});

describe("uploading a video to a diary entry", () => {
  it("stores an MP4 as it is, content-addressed under videos/, as kind VIDEO with unknown dimensions", async () => {
    const file = mp4();
    const video = await uploadVideo(noor.guardian1, file, { caption: "Op de schommel", originalName: "IMG_0001.MOV" });
    const sha = createHash("sha256").update(file).digest("hex");
    expect(video).toMatchObject({ kind: "VIDEO", mimeType: "video/mp4", sha256: sha, storageKey: `videos/${sha.slice(0, 2)}/${sha}.mp4`, width: 0, height: 0, bytes: file.length, diaryEntryId: entryId, groupId });
    expect((await store.get(video.storageKey))!.equals(file)).toBe(true);
    const tags = await db.photoTag.findMany({ where: { photoId: video.id } });
    expect(tags.map((t) => t.childId)).toEqual([noor.childId]);
  });

  it("stores a WebM as video/webm", async () => {
    const file = webm();
    const video = await uploadVideo(staff, file);
    expect(video).toMatchObject({ kind: "VIDEO", mimeType: "video/webm", width: 0, height: 0 });
    expect(video.storageKey).toMatch(/^videos\/[0-9a-f]{2}\/[0-9a-f]{64}\.webm$/);
    expect((await store.get(video.storageKey))!.equals(file)).toBe(true);
  });

  it("treats a JPEG named .mp4 as a photo, and refuses random bytes named .mp4", async () => {
    const jpeg = await sharp({ create: { width: 40, height: 30, channels: 3, background: "#c84" } }).jpeg().toBuffer();
    const res = await post(noor.guardian1, meta({ originalName: "film.mp4" }), jpeg);
    expect(res.status).toBe(201);
    const { photoId } = (await res.json()) as { photoId: string };
    expect(await db.photo.findUniqueOrThrow({ where: { id: photoId } })).toMatchObject({ kind: "PHOTO", mimeType: "image/jpeg", width: 40, height: 30 });

    const before = await db.photo.count();
    const random = await post(noor.guardian1, meta({ originalName: "film.mp4" }), randomBytes(4000));
    expect(random.status).toBe(422);
    expect(await random.json()).toMatchObject({ ok: false, code: "Photos.errors.unsupportedType" });
    expect(await db.photo.count()).toBe(before);
  });

  it("refuses a video when the organisation has video off, stores nothing", async () => {
    const before = await db.photo.count();
    const res = await post(offFamily.guardian1, meta({ diaryEntryId: offEntryId }), mp4());
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ ok: false, code: "Photos.errors.videoNotAllowed" });
    expect(await db.photo.count()).toBe(before);
  });

  it("refuses a video in a group upload (video is for diary entries only)", async () => {
    const res = await post(staff, { groupId, childIds: [noor.childId], audience: "TAGGED", clientKey: randomUUID(), batchId: randomUUID() }, mp4());
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ code: "Photos.errors.videoNotAllowed" });
  });

  it("another family cannot add a video to the entry", async () => {
    const res = await post(julia.guardian1, meta(), mp4());
    expect(res.status).toBe(404);
  });

  it("has its own size limit, checked on Content-Length before the body is read and on the bytes", async () => {
    expect(VIDEO_LIMITS.maxBytes).toBe(100 * 1024 * 1024);
    const limits = { maxBytes: 4096 };
    const declared = await post(noor.guardian1, meta(), mp4(5000), { length: "5000", videoLimits: limits });
    expect(declared.status).toBe(413);
    expect(await declared.json()).toMatchObject({ code: "Photos.errors.videoTooLarge", values: { megabytes: 0 } });
    const streamed = await post(noor.guardian1, meta(), mp4(5000), { videoLimits: limits });
    expect(streamed.status).toBe(413);
    expect(await streamed.json()).toMatchObject({ code: "Photos.errors.videoTooLarge" });
    // Above the photo limit (30 MB) but within the video limit: accepted where video is on …
    expect((await post(noor.guardian1, meta(), mp4(5000), { videoLimits: { maxBytes: 6000 } })).status).toBe(201);
    // … while with video off the photo limit holds before anything is read.
    const off = await post(offFamily.guardian1, meta({ diaryEntryId: offEntryId }), mp4(), { length: String(31 * 1024 * 1024) });
    expect(off.status).toBe(413);
    expect(await off.json()).toMatchObject({ code: "Photos.errors.tooLarge", values: { megabytes: 30 } });
  });
});

describe("serving a video with HTTP Range", () => {
  let video: { id: string; sha256: string };
  let file: Buffer;
  const SIZE = 20_000;

  beforeAll(async () => {
    file = mp4(SIZE);
    video = await uploadVideo(noor.guardian1, file);
  });

  it("the whole file, announcing byte ranges, with the photo caching rules", async () => {
    const res = await get(noor.guardian2, video);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("video/mp4");
    expect(res.headers.get("accept-ranges")).toBe("bytes");
    expect(res.headers.get("content-length")).toBe(String(SIZE));
    expect(res.headers.get("etag")).toBe(`"${video.sha256}-original-original"`);
    expect(res.headers.get("cache-control")).toBe("private, max-age=31536000, immutable");
    expect(res.headers.get("content-disposition")).toMatch(/^inline; filename="Noor-2026-06-15-[0-9a-f]{8}\.mp4"$/);
    expect(Buffer.from(await res.arrayBuffer()).equals(file)).toBe(true);
    const revalidated = await get(noor.guardian2, video, { "if-none-match": res.headers.get("etag")! });
    expect(revalidated.status).toBe(304);
  });

  it("206 for the first bytes, a middle range, an open range and a suffix", async () => {
    const cases: [string, number, number][] = [
      ["bytes=0-99", 0, 99],
      ["bytes=1000-1999", 1000, 1999],
      ["bytes=19000-", 19000, SIZE - 1],
      ["bytes=-500", SIZE - 500, SIZE - 1],
      ["bytes=19990-50000", 19990, SIZE - 1], // clamped to the end
    ];
    for (const [range, start, end] of cases) {
      const res = await get(noor.guardian1, video, { range });
      expect(res.status, range).toBe(206);
      expect(res.headers.get("content-range"), range).toBe(`bytes ${start}-${end}/${SIZE}`);
      expect(res.headers.get("content-length"), range).toBe(String(end - start + 1));
      expect(res.headers.get("content-type")).toBe("video/mp4");
      expect(Buffer.from(await res.arrayBuffer()).equals(file.subarray(start, end + 1)), range).toBe(true);
    }
  });

  it("416 with the size for a range outside the file or an empty suffix", async () => {
    for (const range of [`bytes=${SIZE}-`, `bytes=${SIZE + 10}-${SIZE + 20}`, "bytes=-0"]) {
      const res = await get(noor.guardian1, video, { range });
      expect(res.status, range).toBe(416);
      expect(res.headers.get("content-range"), range).toBe(`bytes */${SIZE}`);
      expect(res.headers.get("cache-control")).toBe("private, no-store");
    }
  });

  it("the whole file for several ranges, a malformed header or a stale If-Range", async () => {
    const variants: Record<string, string>[] = [{ range: "bytes=0-10,20-30" }, { range: "items=0-10" }, { range: "bytes=0-10", "if-range": '"other"' }];
    for (const headers of variants) {
      const res = await get(noor.guardian1, video, headers);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-length")).toBe(String(SIZE));
    }
    const current = await get(noor.guardian1, video, { range: "bytes=0-10", "if-range": `"${video.sha256}-original-original"` });
    expect(current.status).toBe(206);
  });

  it("visible like a photo: the family and the group's staff; another family, other staff and another organisation 404", async () => {
    expect((await get(staff, video, { range: "bytes=0-9" })).status).toBe(206);
    for (const user of [julia.guardian1, otherGroupStaff, offFamily.guardian1]) {
      expect((await get(user, video)).status).toBe(404);
      expect((await get(user, video, { range: "bytes=0-9" })).status).toBe(404);
    }
  });

  it("no thumbnails of a video", async () => {
    expect((await get(noor.guardian1, video, {}, "w320")).status).toBe(404);
  });

  it("the diary entry and the timeline list the videos apart from the photos", async () => {
    const entry = await getDiaryEntry(noor.guardian1, entryId, NOW);
    expect(entry!.videos.map((v) => v.id)).toContain(video.id);
    expect(entry!.videos.every((v) => v.mimeType.startsWith("video/"))).toBe(true);
    expect(entry!.photos.map((p) => p.id)).not.toContain(video.id);
    expect(entry!.photos.length).toBeGreaterThan(0); // the JPEG named .mp4
    const page = await getTimelinePage(noor.guardian1, { now: NOW });
    const item = page.items.find((i) => i.kind === "DIARY" && i.entry.id === entryId);
    expect(item && item.kind === "DIARY" ? item.entry.videos.map((v) => v.id) : []).toContain(video.id);
    expect(await getDiaryEntry(julia.guardian1, entryId, NOW)).toBeNull();
  });
});

describe("parseRange", () => {
  it("reads one range and clamps it; null for what it ignores", () => {
    expect(parseRange("bytes=0-0", 10)).toEqual({ start: 0, end: 0 });
    expect(parseRange("bytes=-20", 10)).toEqual({ start: 0, end: 9 });
    expect(parseRange("bytes=5-2", 10)).toBeNull();
    expect(parseRange("bytes=-", 10)).toBeNull();
    expect(parseRange(null, 10)).toBeNull();
    expect(parseRange("bytes=10-", 10)).toBe("unsatisfiable");
    expect(parseRange("bytes=0-", 0)).toBe("unsatisfiable");
  });
});
