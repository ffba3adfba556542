// Uploading photos (lib/server/photos/upload.ts + lib/db/photo-upload.ts) against PostgreSQL and a real
// store: who may upload for which group or diary entry, consent for tags and the GROUP audience, the
// pipeline's refusals, the size limit, idempotent retries, and the batched NEW_PHOTOS notifications.
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import { createDiaryEntry } from "@/lib/db/diary";
import { uploadQuery, type PhotoUploadMetaInput } from "@/lib/schemas/photo-upload";
import { PHOTO_LIMITS } from "@/lib/server/photos/process";
import { handleUpload } from "@/lib/server/photos/upload";
import { LocalBlobStore } from "@/lib/server/storage/store";
import { createFamily, createGroup, createOrganisation, createUser, NOW, TODAY } from "./photo-fixtures";

let base: string;
let store: LocalBlobStore;
let groupId: string;
let otherGroupId: string;
let staff: SessionUser;
let otherStaff: SessionUser;
let noor: Awaited<ReturnType<typeof createFamily>>; // PHOTOS + GROUP_PHOTOS
let tess: Awaited<ReturnType<typeof createFamily>>; // PHOTOS only
let mila: Awaited<ReturnType<typeof createFamily>>; // no consent
let bram: Awaited<ReturnType<typeof createFamily>>; // another group

/** A JPEG with GPS data and EXIF orientation 6 (stored 60×40, upright 40×60). */
async function exifJpeg(shade = 30): Promise<Buffer> {
  return sharp({ create: { width: 60, height: 40, channels: 3, background: { r: 200, g: shade, b: 30 } } })
    .jpeg()
    .withExif({ IFD0: { Make: "TestCam" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "52/1 5/1 0/1" } })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

function meta(over: Partial<PhotoUploadMetaInput> = {}): PhotoUploadMetaInput {
  return { groupId, childIds: [], audience: "TAGGED", clientKey: randomUUID(), batchId: randomUUID(), ...over };
}

function post(user: SessionUser | null, m: PhotoUploadMetaInput, body: Buffer, init: { type?: string; origin?: string; length?: string } = {}) {
  const headers = new Headers({ "content-type": init.type ?? "application/octet-stream", host: "localhost" });
  if (init.origin) headers.set("origin", init.origin);
  if (init.length) headers.set("content-length", init.length);
  const request = new Request(`http://localhost/api/photos/upload?${uploadQuery(m)}`, { method: "POST", headers, body: new Uint8Array(body) });
  return handleUpload(user, request, { store, now: NOW });
}

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), "photo-upload-"));
  store = new LocalBlobStore(base);
  const org = await createOrganisation("Upload");
  groupId = (await createGroup(org.locationId, "Dolfijnen")).id;
  otherGroupId = (await createGroup(org.locationId, "Zeesterren")).id;
  staff = await createUser(org.id, "STAFF", { groupIds: [groupId], name: "Sanne" });
  otherStaff = await createUser(org.id, "STAFF", { groupIds: [otherGroupId] });
  noor = await createFamily(org.id, "Boer", { firstName: "Noor", groupId, consents: ["PHOTOS", "GROUP_PHOTOS"] });
  tess = await createFamily(org.id, "Bos", { firstName: "Tess", groupId, consents: ["PHOTOS"], refused: ["GROUP_PHOTOS"] });
  mila = await createFamily(org.id, "Meijer", { firstName: "Mila", groupId, refused: ["PHOTOS", "GROUP_PHOTOS"] });
  bram = await createFamily(org.id, "Vos", { firstName: "Bram", groupId: otherGroupId, consents: ["PHOTOS", "GROUP_PHOTOS"] });
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe("staff upload for a group", () => {
  it("stores a rotated, metadata-free original with its tags", async () => {
    const m = meta({ childIds: [noor.childId], caption: "Zandbak" });
    const res = await post(staff, m, await exifJpeg());
    expect(res.status).toBe(201);
    const body = (await res.json()) as { ok: boolean; photoId: string };
    expect(body.ok).toBe(true);
    const photo = await db.photo.findUniqueOrThrow({ where: { id: body.photoId }, include: { tags: true } });
    expect(photo).toMatchObject({ groupId, uploadedById: staff.id, audience: "TAGGED", caption: "Zandbak", width: 40, height: 60, diaryEntryId: null });
    expect(photo.tags.map((t) => t.childId)).toEqual([noor.childId]);
    const stored = await store.get(photo.storageKey);
    expect(stored).not.toBeNull();
    const info = await sharp(stored!).metadata();
    expect([info.width, info.height, info.exif, info.orientation]).toEqual([40, 60, undefined, undefined]);
  });

  it("a retry with the same client key returns the first photo and writes nothing", async () => {
    const m = meta({ childIds: [noor.childId] });
    const file = await exifJpeg(60);
    const first = (await (await post(staff, m, file)).json()) as { photoId: string };
    const again = await post(staff, m, file);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ ok: true, photoId: first.photoId, replayed: true });
    expect(await db.photo.count({ where: { uploadedById: staff.id, clientKey: m.clientKey } })).toBe(1);
  });

  it("refuses a child without photo consent, naming the child, and stores nothing", async () => {
    const before = await db.photo.count();
    const res = await post(staff, meta({ childIds: [noor.childId, mila.childId] }), await exifJpeg(90));
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ ok: false, code: "Photos.errors.noPhotoConsent", values: { name: "Mila" } });
    expect(await db.photo.count()).toBe(before);
  });

  it("shares with the group only when every tagged child consents to it", async () => {
    const refused = await post(staff, meta({ childIds: [noor.childId, tess.childId], audience: "GROUP" }), await exifJpeg(100));
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({ code: "Photos.errors.groupNeedsConsent", values: { name: "Tess" } });
    const allowed = await post(staff, meta({ childIds: [noor.childId], audience: "GROUP" }), await exifJpeg(110));
    expect(allowed.status).toBe(201);
  });

  it("refuses a child of another group, another group's staff and parents", async () => {
    const notInGroup = await post(staff, meta({ childIds: [bram.childId] }), await exifJpeg());
    expect(notInGroup.status).toBe(422);
    expect(await notInGroup.json()).toMatchObject({ code: "Photos.errors.childNotInGroup" });
    expect((await post(otherStaff, meta({ childIds: [noor.childId] }), await exifJpeg())).status).toBe(404);
    expect((await post(noor.guardian1, meta({ childIds: [noor.childId] }), await exifJpeg())).status).toBe(403);
    expect((await post(null, meta(), await exifJpeg())).status).toBe(401);
  });

  it("refuses an SVG by its bytes, whatever it is called", async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
    const res = await post(staff, meta({ originalName: "photo.jpg" }), svg);
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ ok: false, code: "Photos.errors.unsupportedType" });
  });

  it("holds the size limit before reading the body, and while reading it", async () => {
    const declared = await post(staff, meta(), Buffer.alloc(10), { length: String(PHOTO_LIMITS.maxBytes + 1) });
    expect(declared.status).toBe(413);
    expect(await declared.json()).toMatchObject({ code: "Photos.errors.tooLarge", values: { megabytes: 30 } });
    const small = { ...PHOTO_LIMITS, maxBytes: 100 };
    const headers = new Headers({ "content-type": "application/octet-stream", host: "localhost" });
    const streamed = await handleUpload(
      staff,
      new Request(`http://localhost/api/photos/upload?${uploadQuery(meta())}`, { method: "POST", headers, body: new Uint8Array(await exifJpeg()) }),
      { store, now: NOW, limits: small },
    );
    expect(streamed.status).toBe(413);
  });

  it("accepts only octet-stream bodies from this site", async () => {
    expect((await post(staff, meta(), await exifJpeg(), { type: "multipart/form-data; boundary=x" })).status).toBe(415);
    expect((await post(staff, meta(), await exifJpeg(), { origin: "https://evil.example" })).status).toBe(403);
    expect((await post(staff, meta({ childIds: [noor.childId] }), await exifJpeg(120), { origin: "http://localhost" })).status).toBe(201);
  });
});

describe("NEW_PHOTOS notifications", () => {
  it("one per guardian per upload session, counting the photos; the whole group for GROUP", async () => {
    const batchId = randomUUID();
    for (const shade of [130, 140, 150]) {
      expect((await post(staff, meta({ batchId, childIds: [noor.childId] }), await exifJpeg(shade))).status).toBe(201);
    }
    const noorNotes = await db.notification.findMany({
      where: { userId: { in: [noor.guardian1.id, noor.guardian2.id] }, event: "NEW_PHOTOS", data: { path: ["batchKey"], equals: `${batchId}:${groupId}` } },
    });
    expect(noorNotes).toHaveLength(2);
    for (const n of noorNotes) expect(n.data).toMatchObject({ count: 3, childNames: ["Noor"], groupName: "Dolfijnen", uploaderName: "Sanne" });
    // TAGGED: another family of the group hears nothing.
    expect(await db.notification.count({ where: { userId: tess.guardian1.id, data: { path: ["batchKey"], equals: `${batchId}:${groupId}` } } })).toBe(0);

    const groupBatch = randomUUID();
    await post(staff, meta({ batchId: groupBatch, audience: "GROUP" }), await exifJpeg(160));
    await post(staff, meta({ batchId: groupBatch, audience: "GROUP" }), await exifJpeg(170));
    const tessNotes = await db.notification.findMany({ where: { userId: tess.guardian1.id, data: { path: ["batchKey"], equals: `${groupBatch}:${groupId}` } } });
    expect(tessNotes).toHaveLength(1);
    expect(tessNotes[0]!.data).toMatchObject({ count: 2 });
    // Another group's family does not.
    expect(await db.notification.count({ where: { userId: bram.guardian1.id, event: "NEW_PHOTOS" } })).toBe(0);
  });

  it("concurrent uploads of one session still make one notification per guardian", async () => {
    const batchId = randomUUID();
    const results = await Promise.all([180, 190, 200, 210].map(async (shade) => post(staff, meta({ batchId, childIds: [noor.childId] }), await exifJpeg(shade))));
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    const notes = await db.notification.findMany({ where: { userId: noor.guardian1.id, data: { path: ["batchKey"], equals: `${batchId}:${groupId}` } } });
    expect(notes).toHaveLength(1);
    expect(notes[0]!.data).toMatchObject({ count: 4 });
  });
});

describe("photos on a diary entry", () => {
  it("a guardian adds photos to their child's entry: tagged, TAGGED, the other guardian is told", async () => {
    const written = await createDiaryEntry(noor.guardian1, { childId: noor.childId, date: TODAY, body: "Naar het bos", idempotencyKey: randomUUID() }, NOW);
    if (!written.ok) throw new Error(written.code);
    const entryId = written.data.entryId;
    const res = await post(noor.guardian1, { diaryEntryId: entryId, childIds: [mila.childId], audience: "GROUP", clientKey: randomUUID(), batchId: randomUUID() }, await exifJpeg(220));
    expect(res.status).toBe(201);
    const { photoId } = (await res.json()) as { photoId: string };
    const photo = await db.photo.findUniqueOrThrow({ where: { id: photoId }, include: { tags: true } });
    // Whatever the request said: the entry's child, the child's group, the family only.
    expect(photo).toMatchObject({ diaryEntryId: entryId, groupId, audience: "TAGGED", uploadedById: noor.guardian1.id });
    expect(photo.tags.map((t) => t.childId)).toEqual([noor.childId]);
    const notes = await db.notification.findMany({ where: { event: "NEW_PHOTOS", data: { path: ["diaryEntryId"], equals: entryId } } });
    expect(notes.map((n) => n.userId)).toEqual([noor.guardian2.id]);
    expect(notes[0]!.url).toBe(`/diary/${entryId}`);

    // Staff of the child's group may add photos to it too; another family and another group may not.
    expect((await post(staff, { diaryEntryId: entryId, clientKey: randomUUID(), batchId: randomUUID() }, await exifJpeg(230))).status).toBe(201);
    expect((await post(tess.guardian1, { diaryEntryId: entryId, clientKey: randomUUID(), batchId: randomUUID() }, await exifJpeg(240))).status).toBe(404);
    expect((await post(otherStaff, { diaryEntryId: entryId, clientKey: randomUUID(), batchId: randomUUID() }, await exifJpeg(250))).status).toBe(404);
  });

  it("photos saved with a staff daily report add no second notice while the report's notice is unread", async () => {
    const written = await createDiaryEntry(staff, { childId: noor.childId, date: TODAY, body: "Gebouwd met blokken", idempotencyKey: randomUUID() }, NOW);
    if (!written.ok) throw new Error(written.code);
    const entryId = written.data.entryId;
    const entryNotes = await db.notification.findMany({ where: { event: "NEW_DIARY_ENTRY", data: { path: ["entryId"], equals: entryId } } });
    expect(entryNotes.map((n) => n.userId).sort()).toEqual([noor.guardian1.id, noor.guardian2.id].sort());
    // Guardian 2 has already read the report; guardian 1 has not.
    await db.notification.updateMany({ where: { userId: noor.guardian2.id, event: "NEW_DIARY_ENTRY", data: { path: ["entryId"], equals: entryId } }, data: { readAt: NOW } });

    const batchId = randomUUID();
    for (const shade of [60, 70]) {
      expect((await post(staff, { diaryEntryId: entryId, clientKey: randomUUID(), batchId }, await exifJpeg(shade))).status).toBe(201);
    }
    const photoNotes = await db.notification.findMany({ where: { event: "NEW_PHOTOS", data: { path: ["diaryEntryId"], equals: entryId } } });
    expect(photoNotes.map((n) => n.userId)).toEqual([noor.guardian2.id]);
    expect(photoNotes[0]!.data).toMatchObject({ count: 2 });
  });

  it("a child without photo consent gets no photos on its entry", async () => {
    const written = await createDiaryEntry(mila.guardian1, { childId: mila.childId, date: TODAY, body: "Thuis", idempotencyKey: randomUUID() }, NOW);
    if (!written.ok) throw new Error(written.code);
    const res = await post(mila.guardian1, { diaryEntryId: written.data.entryId, clientKey: randomUUID(), batchId: randomUUID() }, await exifJpeg());
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ code: "Photos.errors.noPhotoConsent", values: { name: "Mila" } });
  });
});
