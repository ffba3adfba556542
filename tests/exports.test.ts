// Diary and photo exports (issue 4 §6) against a real PostgreSQL, a real store folder and a real SMTP
// server in the test: requesting (own child only, in the window, a double submit is one job), the
// worker's ZIP read back entry by entry (only photos and videos this parent may see, of this child and
// period; escaped HTML; EXIF date, no GPS; videos byte for byte), the mailed link (only its owner, only
// until it expires; streamed, with Range), the ZIP streamed into the store with bounded buffering, the
// clean-up of the exports folder, and two workers at once doing a job once.
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { readdir, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pipeline, Readable, Transform, type Duplex } from "node:stream";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpCapture, type CapturedMail } from "./auth-mail-capture";
import { readZip } from "./zip";

const smtp = await startSmtpCapture();
const storageDir = mkdtempSync(path.join(os.tmpdir(), "ouderportaal-exports-"));
process.env.SMTP_URL = smtp.url;
process.env.APP_URL = "https://ouders.example.test";
process.env.STORAGE_DIR = storageDir;

const { db } = await import("@/lib/db/client");
const fx = await import("./photo-fixtures");
const { requestExport } = await import("@/lib/db/exports");
const { exportRequestSchema } = await import("@/lib/schemas/export");
const { runExportJobs, claimExportJob } = await import("@/lib/server/jobs/exports");
const { serveExport } = await import("@/lib/server/exports/download");
const { storePhoto } = await import("@/lib/server/photos/process");
const { storeVideo } = await import("@/lib/server/photos/video");
const { exifTakenAt } = await import("@/lib/server/photos/exif");
const { blobStore, LocalBlobStore } = await import("@/lib/server/storage/store");
const { buildExport } = await import("@/lib/server/exports/build");
type SessionUser = import("@/lib/auth/types").SessionUser;

const { NOW } = fx;
const store = blobStore();

// ─── helpers ────────────────────────────────────────────────────────────────

/** A small JPEG carrying a GPS position and a camera date, as a phone would upload it. */
async function phoneJpeg(colour: string): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: colour } })
    .withExif({
      IFD0: { Make: "TestPhone" },
      IFD2: { DateTimeOriginal: "2026:06:03 10:11:12" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "52/1 22/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "4/1 53/1 0/1" },
    })
    .jpeg()
    .toBuffer();
}

let colour = 0;
async function photo(spec: { groupId: string; uploadedById: string; audience: "TAGGED" | "GROUP"; tags: string[]; takenAt: Date | null; diaryEntryId?: string; caption?: string }) {
  colour += 1;
  const stored = await storePhoto(store, await phoneJpeg(`#${(colour * 2654435).toString(16).padStart(6, "0").slice(-6)}`));
  const row = await fx.createPhoto({ ...spec, sha256: stored.sha256, storageKey: stored.storageKey, width: stored.width, height: stored.height, bytes: stored.bytes });
  if (spec.diaryEntryId || spec.caption) await db.photo.update({ where: { id: row.id }, data: { diaryEntryId: spec.diaryEntryId ?? null, caption: spec.caption ?? null } });
  return row;
}

/** An MP4 as far as sniffing goes (ftyp isom/mp41, then an mdat box of random bytes). */
function mp4(size: number): Buffer {
  const ftyp = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from("ftypisom", "latin1"), Buffer.from([0, 0, 2, 0]), Buffer.from("isommp41", "latin1")]);
  const mdat = Buffer.alloc(8);
  mdat.writeUInt32BE(size - ftyp.length, 0);
  mdat.write("mdat", 4, "latin1");
  return Buffer.concat([ftyp, mdat, randomBytes(size - ftyp.length - 8)]);
}

/** A WebM: EBML header with DocType "webm", then random bytes. */
function webm(size: number): Buffer {
  const header = Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0xf7, 0x81, 0x01, 0x42, 0x82, 0x84, ...Buffer.from("webm", "latin1"), 0x42, 0x87, 0x81, 0x04]);
  return Buffer.concat([header, Buffer.from([0x18, 0x53, 0x80, 0x67]), randomBytes(size - header.length - 4)]);
}

/** A video in a diary entry, stored as uploads store it (content-addressed, as it is). */
async function video(spec: { groupId: string; uploadedById: string; tags: string[]; diaryEntryId: string; createdAt: Date; type: "mp4" | "webm"; size?: number }) {
  const data = spec.type === "mp4" ? mp4(spec.size ?? 20_000) : webm(spec.size ?? 20_000);
  const stored = await storeVideo(store, data, spec.type);
  const row = await fx.createPhoto({
    groupId: spec.groupId,
    uploadedById: spec.uploadedById,
    audience: "TAGGED",
    tags: spec.tags,
    kind: "VIDEO",
    mimeType: stored.mimeType,
    sha256: stored.sha256,
    storageKey: stored.storageKey,
    width: 0,
    height: 0,
    bytes: stored.bytes,
  });
  await db.photo.update({ where: { id: row.id }, data: { diaryEntryId: spec.diaryEntryId, createdAt: spec.createdAt } });
  return { ...row, data };
}

const short = (id: string) => id.replace(/-/g, "").slice(0, 8);

/** Tags of IFD0 of an EXIF block (sharp's metadata().exif: "Exif\0\0" + TIFF). */
function ifd0Tags(exif: Buffer): number[] {
  const tiff = exif.subarray(6);
  const little = tiff.toString("latin1", 0, 2) === "II";
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const offset = u32(4);
  return Array.from({ length: u16(offset) }, (_, i) => u16(offset + 2 + i * 12));
}
const GPS_IFD_POINTER = 0x8825;

const linkIn = (mail: CapturedMail) => {
  const m = /https:\/\/ouders\.example\.test\/api\/exports\/([A-Za-z0-9_-]{43})/.exec(mail.text);
  if (!m) throw new Error(`no export link in:\n${mail.text}`);
  return m[1]!;
};
const mailsTo = (u: SessionUser) => smtp.mails.filter((m) => m.envelopeTo.includes(u.email));

async function ask(user: SessionUser, input: Record<string, unknown>, now = NOW) {
  return requestExport(user, exportRequestSchema.parse({ idempotencyKey: randomUUID(), ...input }), now);
}

// ─── world ──────────────────────────────────────────────────────────────────

let w: Awaited<ReturnType<typeof world>>;

async function world() {
  const org = await fx.createOrganisation("Export Opvang");
  const other = await fx.createOrganisation("Andere Opvang");
  const g1 = await fx.createGroup(org.locationId, "Dolfijnen");
  const gOther = await fx.createGroup(other.locationId, "Vossen");
  const consents = ["PHOTOS", "GROUP_PHOTOS"] as const;
  const noor = await fx.createFamily(org.id, "Jansen", { firstName: "Noor", groupId: g1.id, consents: [...consents] });
  const sem = await fx.createFamily(org.id, "Bakker", { firstName: "Sem", groupId: g1.id, consents: [...consents] });
  // Placement ended 100 days ago: past the 56-day download window.
  const gone = await fx.createFamily(org.id, "Visser", { firstName: "Lot", groupId: g1.id, startOffset: -400, endOffset: -100, consents: [...consents] });
  const far = await fx.createFamily(other.id, "Smit", { firstName: "Ties", groupId: gOther.id, consents: [...consents] });
  const staff = await fx.createUser(org.id, "STAFF", { groupIds: [g1.id] });
  const otherStaff = await fx.createUser(other.id, "STAFF", { groupIds: [gOther.id] });

  const entry = (childId: string, date: string, body: string, authorId = staff.id) =>
    db.diaryEntry.create({ data: { childId, authorId, date: new Date(`${date}T00:00:00Z`), body } });
  const inPeriod = await entry(noor.childId, "2026-06-03", 'Noor zei: <script>alert("hoi")</script> & "lachte" veel.\nTweede regel.');
  const outside = await entry(noor.childId, "2026-05-01", "Buiten de periode");
  const semEntry = await entry(sem.childId, "2026-06-03", "Over Sem");

  const at = (iso: string) => new Date(iso);
  const p = {
    noorTagged: await photo({ groupId: g1.id, uploadedById: staff.id, audience: "TAGGED", tags: [noor.childId], takenAt: at("2026-06-03T08:11:12Z") }),
    noorAndSem: await photo({ groupId: g1.id, uploadedById: staff.id, audience: "TAGGED", tags: [noor.childId, sem.childId], takenAt: at("2026-06-04T09:00:00Z") }),
    groupWide: await photo({ groupId: g1.id, uploadedById: staff.id, audience: "GROUP", tags: [], takenAt: at("2026-06-05T12:30:00Z") }),
    attached: await photo({ groupId: g1.id, uploadedById: staff.id, audience: "TAGGED", tags: [noor.childId], takenAt: null, diaryEntryId: inPeriod.id, caption: "Zandbak <b>" }),
    noorOld: await photo({ groupId: g1.id, uploadedById: staff.id, audience: "TAGGED", tags: [noor.childId], takenAt: at("2026-04-20T10:00:00Z") }),
    semOnly: await photo({ groupId: g1.id, uploadedById: staff.id, audience: "TAGGED", tags: [sem.childId], takenAt: at("2026-06-03T10:00:00Z") }),
    otherOrg: await photo({ groupId: gOther.id, uploadedById: otherStaff.id, audience: "GROUP", tags: [], takenAt: at("2026-06-03T10:00:00Z") }),
  };
  // The attached photo was uploaded (createdAt) in the period.
  await db.photo.update({ where: { id: p.attached.id }, data: { createdAt: at("2026-06-03T14:00:00Z") } });
  const otherEntry = await entry(far.childId, "2026-06-03", "Elders", otherStaff.id);
  const v = {
    // In the period's entry; 15:00 UTC is 17:00 in Amsterdam.
    noorMp4: await video({ groupId: g1.id, uploadedById: staff.id, tags: [noor.childId], diaryEntryId: inPeriod.id, createdAt: at("2026-06-03T15:00:00Z"), type: "mp4" }),
    // In Noor's entry outside the period: only in the export of all photos.
    noorWebm: await video({ groupId: g1.id, uploadedById: staff.id, tags: [noor.childId], diaryEntryId: outside.id, createdAt: at("2026-05-01T09:00:00Z"), type: "webm" }),
    semMp4: await video({ groupId: g1.id, uploadedById: staff.id, tags: [sem.childId], diaryEntryId: semEntry.id, createdAt: at("2026-06-03T15:30:00Z"), type: "mp4" }),
    farMp4: await video({ groupId: gOther.id, uploadedById: otherStaff.id, tags: [far.childId], diaryEntryId: otherEntry.id, createdAt: at("2026-06-03T15:45:00Z"), type: "mp4" }),
  };
  return { org, g1, noor, sem, gone, far, staff, inPeriod, outside, semEntry, p, v };
}

beforeAll(async () => {
  w = await world();
});

afterAll(async () => {
  await smtp.stop();
  rmSync(storageDir, { recursive: true, force: true });
});

// ─── requesting ─────────────────────────────────────────────────────────────

describe("requestExport", () => {
  it("queues a job for a guardian of either rank, once per idempotency key (also when sent twice at once)", async () => {
    const key = randomUUID();
    const input = exportRequestSchema.parse({ childId: w.noor.childId, kind: "PHOTOS", idempotencyKey: key });
    const [a, b] = await Promise.all([requestExport(w.noor.guardian2, input, NOW), requestExport(w.noor.guardian2, input, NOW)]);
    const c = await requestExport(w.noor.guardian2, input, NOW);
    expect(a.ok && b.ok && c.ok).toBe(true);
    if (!a.ok || !b.ok || !c.ok) return;
    expect(new Set([a.data.jobId, b.data.jobId, c.data.jobId]).size).toBe(1);
    expect(await db.exportJob.count({ where: { userId: w.noor.guardian2.id, idempotencyKey: key } })).toBe(1);
    const job = await db.exportJob.findUniqueOrThrow({ where: { id: a.data.jobId } });
    expect(job).toMatchObject({ status: "QUEUED", kind: "PHOTOS", from: null, to: null, childId: w.noor.childId });
    await db.exportJob.delete({ where: { id: job.id } });
  });

  it("refuses another family's child, a child past the download window, staff and bad periods — and queues nothing", async () => {
    const before = await db.exportJob.count();
    expect(await ask(w.sem.guardian1, { childId: w.noor.childId, kind: "PHOTOS" })).toMatchObject({ ok: false, code: "errors.notFound" });
    expect(await ask(w.far.guardian1, { childId: w.noor.childId, kind: "PHOTOS" })).toMatchObject({ ok: false, code: "errors.notFound" });
    expect(await ask(w.gone.guardian1, { childId: w.gone.childId, kind: "DIARY", from: "2025-06-01", to: "2026-03-01" })).toMatchObject({ ok: false, code: "errors.notFound" });
    expect(await ask(w.staff, { childId: w.noor.childId, kind: "PHOTOS" })).toMatchObject({ ok: false, code: "errors.forbidden" });
    expect(await ask(w.noor.guardian1, { childId: w.noor.childId, kind: "DIARY", from: "2026-06-01", to: "2026-06-20" })).toMatchObject({ ok: false, code: "Export.errors.periodInvalid" });
    expect(exportRequestSchema.safeParse({ childId: w.noor.childId, kind: "DIARY", from: "2026-06-10", to: "2026-06-01", idempotencyKey: randomUUID() }).success).toBe(false);
    expect(await db.exportJob.count()).toBe(before);
  });

  it("still lets a guardian export within the window after the placement ended", async () => {
    const ended = await fx.createFamily(w.org.id, "Mulder", { firstName: "Fien", groupId: w.g1.id, endOffset: -30 });
    const r = await ask(ended.guardian1, { childId: ended.childId, kind: "PHOTOS" });
    expect(r.ok).toBe(true);
    if (r.ok) await db.exportJob.delete({ where: { id: r.data.jobId } });
  });
});

// ─── the worker, the ZIP, the mail and the link ─────────────────────────────

describe("runExportJobs", () => {
  let token: string;
  let files: Map<string, Buffer>;

  it("builds the diary ZIP of the period with only the photos the parent may see, and mails a link", async () => {
    const r = await ask(w.noor.guardian1, { childId: w.noor.childId, kind: "DIARY", from: "2026-06-01", to: "2026-06-14" });
    expect(r.ok).toBe(true);
    const run = await runExportJobs({ now: NOW });
    expect(run).toMatchObject({ done: 1, failed: 0, retried: 0 });

    const job = await db.exportJob.findFirstOrThrow({ where: { userId: w.noor.guardian1.id } });
    expect(job).toMatchObject({ status: "DONE", storageKey: `exports/${job.id}.zip`, error: null });
    expect(job.expiresAt!.getTime() - NOW.getTime()).toBe(7 * 24 * 3600 * 1000);

    const mail = await smtp.waitFor((m) => m.envelopeTo.includes(w.noor.guardian1.email));
    expect(mail.subject).toBe("Het dagboek van Noor staat klaar");
    token = linkIn(mail);
    expect(job.tokenHash).not.toContain(token);
    expect(mail.html).toContain(`/api/exports/${token}`);

    const response = await serveExport(w.noor.guardian1, token, store, NOW);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="dagboek-noor-2026-06-01-2026-06-14.zip"');
    const size = (await store.stat(job.storageKey!))!.size;
    expect(response.headers.get("content-length")).toBe(String(size));
    expect(response.headers.get("accept-ranges")).toBe("bytes");
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.length).toBe(size);
    files = await readZip(body);

    expect([...files.keys()].sort()).toEqual(
      [
        "index.html",
        // Amsterdam wall clock (UTC+2 in June): 08:11 UTC is 10:11.
        `photos/2026-06-03_1011_${short(w.p.noorTagged.id)}.jpg`,
        `photos/2026-06-03_1600_${short(w.p.attached.id)}.jpg`,
        `photos/2026-06-04_1100_${short(w.p.noorAndSem.id)}.jpg`,
        `photos/2026-06-05_1430_${short(w.p.groupWide.id)}.jpg`,
        `videos/2026-06-03_1700_${short(w.v.noorMp4.id)}.mp4`,
      ].sort(),
    );
    // Never Sem's own photo or video, the other organisation's, or Noor's photo and video outside the period.
    for (const id of [w.p.semOnly.id, w.p.otherOrg.id, w.p.noorOld.id, w.v.semMp4.id, w.v.farMp4.id, w.v.noorWebm.id]) {
      expect([...files.keys()].some((k) => k.includes(short(id)))).toBe(false);
    }
  });

  it("puts the videos in as stored, byte for byte, and shows them in their entry", () => {
    const name = `videos/2026-06-03_1700_${short(w.v.noorMp4.id)}.mp4`;
    expect(files.get(name)!.equals(w.v.noorMp4.data)).toBe(true);
    const html = files.get("index.html")!.toString("utf8");
    const article = html.split("<article>").find((a) => a.includes("Noor zei"))!;
    expect(article).toContain(`<video controls preload="metadata" playsinline src="${name}" aria-label="Video van Noor">`);
    expect(article).toContain(`<a href="${name}">Video openen</a>`);
  });

  it("answers a Range request with that part of the ZIP (206), and refuses one outside it (416)", async () => {
    const whole = await serveExport(w.noor.guardian1, token, store, NOW);
    const etag = whole.headers.get("etag")!;
    const all = Buffer.from(await whole.arrayBuffer());
    const ranged = await serveExport(w.noor.guardian1, token, store, NOW, new Request("http://x/", { headers: { range: "bytes=100-1099", "if-range": etag } }));
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get("content-range")).toBe(`bytes 100-1099/${all.length}`);
    expect(ranged.headers.get("content-length")).toBe("1000");
    expect(Buffer.from(await ranged.arrayBuffer()).equals(all.subarray(100, 1100))).toBe(true);
    const tail = await serveExport(w.noor.guardian1, token, store, NOW, new Request("http://x/", { headers: { range: "bytes=-10" } }));
    expect(Buffer.from(await tail.arrayBuffer()).equals(all.subarray(all.length - 10))).toBe(true);
    // Another version's If-Range: the whole file.
    const stale = await serveExport(w.noor.guardian1, token, store, NOW, new Request("http://x/", { headers: { range: "bytes=0-9", "if-range": '"other"' } }));
    expect(stale.status).toBe(200);
    expect(Buffer.from(await stale.arrayBuffer()).length).toBe(all.length);
    const outside = await serveExport(w.noor.guardian1, token, store, NOW, new Request("http://x/", { headers: { range: `bytes=${all.length}-` } }));
    expect(outside.status).toBe(416);
    expect(outside.headers.get("content-range")).toBe(`bytes */${all.length}`);
    // Another user's Range request is the same 404 as any other.
    expect((await serveExport(w.noor.guardian2, token, store, NOW, new Request("http://x/", { headers: { range: "bytes=0-9" } }))).status).toBe(404);
  });

  it("writes a readable, escaped, self-contained index.html with the entries of the period only", () => {
    const html = files.get("index.html")!.toString("utf8");
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain("Dagboek van Noor Jansen");
    expect(html).toContain("Noor zei: &lt;script&gt;alert(&quot;hoi&quot;)&lt;/script&gt; &amp; &quot;lachte&quot; veel.\nTweede regel.");
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("Buiten de periode");
    expect(html).not.toContain("Over Sem");
    expect(html).toContain('alt="Zandbak &lt;b&gt;"');
    // Photos by relative path, nothing fetched from elsewhere.
    const srcs = [...html.matchAll(/src="([^"]+)"/g)].map((m) => m[1]!);
    expect(srcs.length).toBe(5);
    for (const src of srcs) expect(files.has(src)).toBe(true);
    expect(html).not.toMatch(/https?:\/\//);
  });

  it("gives each JPEG the EXIF DateTimeOriginal of our record and no GPS", async () => {
    for (const [name, data] of files) {
      if (!name.endsWith(".jpg")) continue;
      const meta = await sharp(data).metadata();
      expect(meta.format).toBe("jpeg");
      expect(meta.exif).toBeDefined();
      expect(ifd0Tags(meta.exif!)).not.toContain(GPS_IFD_POINTER);
      expect(meta.exif!.includes(Buffer.from("TestPhone"))).toBe(false);
      const taken = exifTakenAt(meta.exif, NOW);
      const id = name.slice(-12, -4);
      const row = Object.values(w.p).find((p) => p.id.replace(/-/g, "").startsWith(id))!;
      const record = await db.photo.findUniqueOrThrow({ where: { id: row.id } });
      expect(taken?.toISOString()).toBe((record.takenAt ?? record.createdAt).toISOString());
    }
  });

  it("serves the link only to its owner and only until it expires", async () => {
    expect((await serveExport(w.noor.guardian1, token, store, NOW)).status).toBe(200);
    // The other guardian of the same child, another family, staff: the same 404.
    for (const user of [w.noor.guardian2, w.sem.guardian1, w.staff]) expect((await serveExport(user, token, store, NOW)).status).toBe(404);
    expect((await serveExport(w.noor.guardian1, token.replace(/^./, (c) => (c === "A" ? "B" : "A")), store, NOW)).status).toBe(404);
    expect((await serveExport(w.noor.guardian1, "../../etc/passwd", store, NOW)).status).toBe(404);
    const signedOut = await serveExport(null, token, store, NOW);
    expect(signedOut.status).toBe(303);
    expect(signedOut.headers.get("location")).toBe(`/nl/login?callbackUrl=${encodeURIComponent(`/api/exports/${token}`)}`);
    const later = new Date(NOW.getTime() + 7 * 24 * 3600 * 1000 + 1000);
    expect((await serveExport(w.noor.guardian1, token, store, later)).status).toBe(404);
  });

  it("deletes the ZIP once the link has expired", async () => {
    const job = await db.exportJob.findFirstOrThrow({ where: { userId: w.noor.guardian1.id } });
    expect(await store.has(job.storageKey!)).toBe(true);
    const run = await runExportJobs({ now: new Date(job.expiresAt!.getTime() + 1000) });
    expect(run.purged).toBe(1);
    expect(await store.has(`exports/${job.id}.zip`)).toBe(false);
    expect((await db.exportJob.findUniqueOrThrow({ where: { id: job.id } })).storageKey).toBeNull();
  });

  it("exports all photos of the child in English for an English-speaking guardian", async () => {
    await db.user.update({ where: { id: w.noor.guardian2.id }, data: { locale: "en" } });
    expect((await ask(w.noor.guardian2, { childId: w.noor.childId, kind: "PHOTOS" })).ok).toBe(true);
    expect(await runExportJobs({ now: NOW })).toMatchObject({ done: 1 });
    const mail = await smtp.waitFor((m) => m.envelopeTo.includes(w.noor.guardian2.email));
    expect(mail.subject).toBe("Noor's photos are ready");
    // The session's language names the file (the guardian now has "en").
    const response = await serveExport({ ...w.noor.guardian2, locale: "en" }, linkIn(mail), store, NOW);
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="photos-noor-2026-06-15.zip"');
    const zip = await readZip(Buffer.from(await response.arrayBuffer()));
    const html = zip.get("index.html")!.toString("utf8");
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("Photos of Noor Jansen");
    // Every photo of Noor the guardian may see, the old one too; still never Sem's or another organisation's.
    const names = [...zip.keys()].filter((k) => k.endsWith(".jpg"));
    expect(names).toHaveLength(5);
    expect(names.some((n) => n.startsWith("photos/2026-04-20_1200_"))).toBe(true);
    // And both of Noor's videos (the WebM as a .webm), never Sem's or the other organisation's.
    const videos = [...zip.keys()].filter((k) => k.startsWith("videos/")).sort();
    expect(videos).toEqual([`videos/2026-05-01_1100_${short(w.v.noorWebm.id)}.webm`, `videos/2026-06-03_1700_${short(w.v.noorMp4.id)}.mp4`]);
    expect(zip.get(videos[0]!)!.equals(w.v.noorWebm.data)).toBe(true);
    expect(html).toContain(`src="${videos[0]}" aria-label="Video of Noor"`);
  });

  it("fails a job whose child the user may no longer read, without mailing", async () => {
    const r = await ask(w.sem.guardian1, { childId: w.sem.childId, kind: "PHOTOS" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // The placement ends long before the job runs.
    await db.placement.updateMany({ where: { childId: w.sem.childId }, data: { endDate: new Date("2026-01-01T00:00:00Z") } });
    expect(await runExportJobs({ now: NOW })).toMatchObject({ done: 0, failed: 1 });
    expect(await db.exportJob.findUniqueOrThrow({ where: { id: r.data.jobId } })).toMatchObject({ status: "FAILED", storageKey: null, tokenHash: null });
    expect(mailsTo(w.sem.guardian1)).toHaveLength(0);
  });

  it("does a job once when two workers run at the same moment", async () => {
    const family = await fx.createFamily(w.org.id, "De Vries", { firstName: "Mees", groupId: w.g1.id, consents: ["PHOTOS"] });
    const r = await ask(family.guardian1, { childId: family.childId, kind: "DIARY", from: "2026-06-01", to: "2026-06-14" });
    expect(r.ok).toBe(true);
    const [a, b] = await Promise.all([runExportJobs({ now: NOW }), runExportJobs({ now: NOW })]);
    expect(a.done + b.done).toBe(1);
    await smtp.waitFor((m) => m.envelopeTo.includes(family.guardian1.email));
    expect(await db.exportJob.findMany({ where: { userId: family.guardian1.id }, select: { status: true, attempts: true } })).toEqual([{ status: "DONE", attempts: 1 }]);
    // Nothing is left to claim.
    expect(await claimExportJob(NOW)).toBeNull();
    expect(mailsTo(family.guardian1)).toHaveLength(1);
  });
});

// ─── streaming into the store ───────────────────────────────────────────────

/**
 * The application's store folder, watched: what is written with put() and with putStream(), and how
 * many bytes wait in the ZIP's output stream at most while a slow "disk" (one chunk per turn of the
 * event loop) takes them. Optionally a disk that breaks after some bytes.
 */
class WatchedStore extends LocalBlobStore {
  puts: string[] = [];
  streamed: { key: string; source: unknown }[] = [];
  maxWaiting = 0;
  taken = 0;
  readonly breakAfter: number | null;
  constructor(breakAfter: number | null = null) {
    super(storageDir);
    this.breakAfter = breakAfter;
  }
  override async put(key: string, data: Buffer): Promise<void> {
    this.puts.push(key);
    return super.put(key, data);
  }
  override putStream(key: string, source: Readable | AsyncIterable<Uint8Array>) {
    this.streamed.push({ key, source });
    const from = source as Readable & Partial<Pick<Duplex, "writableLength">>;
    const disk = new Transform({
      transform: (chunk: Buffer, _encoding, done) => {
        this.maxWaiting = Math.max(this.maxWaiting, from.readableLength + (from.writableLength ?? 0));
        this.taken += chunk.length;
        if (this.breakAfter !== null && this.taken > this.breakAfter) return done(new Error("disk full"));
        setImmediate(() => done(null, chunk));
      },
    });
    return super.putStream(key, pipeline(from, disk, () => undefined));
  }
}

describe("buildExport", () => {
  let family: Awaited<ReturnType<typeof fx.createFamily>>;
  let big: Awaited<ReturnType<typeof video>>[];
  let gone: Awaited<ReturnType<typeof photo>>;

  beforeAll(async () => {
    family = await fx.createFamily(w.org.id, "Kok", { firstName: "Fenna", groupId: w.g1.id, consents: ["PHOTOS"] });
    const day = await db.diaryEntry.create({ data: { childId: family.childId, authorId: w.staff.id, date: new Date("2026-06-10T00:00:00Z"), body: "Filmpjes" } });
    big = [];
    for (let i = 0; i < 3; i++) {
      big.push(
        await video({ groupId: w.g1.id, uploadedById: w.staff.id, tags: [family.childId], diaryEntryId: day.id, createdAt: new Date(`2026-06-10T0${i + 7}:00:00Z`), type: "mp4", size: 3 * 1024 * 1024 }),
      );
    }
    await photo({ groupId: w.g1.id, uploadedById: w.staff.id, audience: "TAGGED", tags: [family.childId], takenAt: new Date("2026-06-10T12:00:00Z") });
    gone = await photo({ groupId: w.g1.id, uploadedById: w.staff.id, audience: "TAGGED", tags: [family.childId], takenAt: new Date("2026-06-10T13:00:00Z") });
    await store.delete(gone.storageKey);
  });

  it("streams the ZIP into the store (never put() as a whole), with a bounded amount waiting", async () => {
    const watched = new WatchedStore();
    const key = `exports/${randomUUID()}.zip`;
    const built = await buildExport(watched, family.guardian1, { kind: "PHOTOS", childId: family.childId, from: null, to: null }, key, NOW);
    // Fenna's own photo and the group's photo without tags; the one whose original is gone is left out.
    expect(built).toMatchObject({ entries: 0, photos: 2, videos: 3, missing: 1 });
    expect(watched.puts).toEqual([]);
    expect(watched.streamed).toHaveLength(1);
    expect(watched.streamed[0]!.key).toBe(key);
    expect(watched.streamed[0]!.source).toBeInstanceOf(Readable);
    const size = (await store.stat(key))!.size;
    expect(built.bytes).toBe(size);
    expect(size).toBeGreaterThan(9 * 1024 * 1024);
    // 9 MB went through; what waited for the slow disk at any moment stayed a small fraction of it.
    expect(watched.maxWaiting).toBeLessThan(1024 * 1024);

    const zip = await readZip((await store.get(key))!);
    for (const v of big) {
      const name = [...zip.keys()].find((k) => k.startsWith("videos/") && k.includes(short(v.id)));
      expect(name).toMatch(/^videos\/2026-06-10_\d{4}_[0-9a-f]{8}\.mp4$/);
      expect(zip.get(name!)!.equals(v.data)).toBe(true);
    }
    // The photo whose original is gone is left out, and not referenced by index.html either.
    expect([...zip.keys()].some((k) => k.includes(short(gone.id)))).toBe(false);
    const html = zip.get("index.html")!.toString("utf8");
    for (const src of [...html.matchAll(/src="([^"]+)"/g)].map((m) => m[1]!)) expect(zip.has(src)).toBe(true);
    await store.delete(key);
  });

  it("leaves nothing under the key, not even a temp file, when the store fails halfway", async () => {
    const watched = new WatchedStore(4 * 1024 * 1024);
    const key = `exports/${randomUUID()}.zip`;
    await expect(buildExport(watched, family.guardian1, { kind: "PHOTOS", childId: family.childId, from: null, to: null }, key, NOW)).rejects.toThrow("disk full");
    expect(await store.has(key)).toBe(false);
    expect((await readdir(path.join(storageDir, "exports"))).some((n) => n.startsWith(key.slice("exports/".length)))).toBe(false);
  });
});

// ─── cleaning the exports folder ────────────────────────────────────────────

describe("the exports folder", () => {
  it("loses ZIPs no job accounts for and half-written leftovers, once stale; keeps valid ZIPs and fresh files", async () => {
    const folder = path.join(storageDir, "exports");
    const longAgo = new Date(NOW.getTime() - 24 * 3600 * 1000);
    // A valid, mailed ZIP (unexpired at NOW), written long ago.
    const r = await ask(w.noor.guardian1, { childId: w.noor.childId, kind: "PHOTOS" });
    expect(r.ok).toBe(true);
    expect(await runExportJobs({ now: NOW })).toMatchObject({ done: 1 });
    if (!r.ok) return;
    const kept = `${r.data.jobId}.zip`;
    const orphan = `${randomUUID()}.zip`; // its job (and user) were deleted
    const stray = "not-an-export.bin";
    const dead = `${randomUUID()}.zip.999.0123456789ab.tmp`;
    const fresh = `${randomUUID()}.zip.999.ba9876543210.tmp`;
    for (const name of [orphan, stray, dead, fresh]) await writeFile(path.join(folder, name), "x");
    for (const name of [kept, orphan, stray, dead]) await utimes(path.join(folder, name), longAgo, longAgo);
    // "fresh" has today's (real) time: newer than NOW.

    const run = await runExportJobs({ now: NOW });
    expect(run.purged).toBe(3);
    const left = await readdir(folder);
    expect(left).toContain(kept);
    expect(left).toContain(fresh);
    for (const name of [orphan, stray, dead]) expect(left).not.toContain(name);
  });

  it("deletes the ZIP of a job that failed after it was stored", async () => {
    const r = await ask(w.noor.guardian1, { childId: w.noor.childId, kind: "PHOTOS" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(await runExportJobs({ now: NOW })).toMatchObject({ done: 1 });
    const key = `exports/${r.data.jobId}.zip`;
    expect(await store.has(key)).toBe(true);
    await db.exportJob.update({ where: { id: r.data.jobId }, data: { status: "FAILED" } });
    await runExportJobs({ now: NOW });
    expect(await store.has(key)).toBe(false);
    expect((await db.exportJob.findUniqueOrThrow({ where: { id: r.data.jobId } })).storageKey).toBeNull();
  });
});

// ─── the export page's list ─────────────────────────────────────────────────

describe("listExportRequests", () => {
  it("shows the user's own requests, newest first, as being made, ready until …, expired or failed", async () => {
    const { listExportRequests } = await import("@/lib/db/exports");
    const family = await fx.createFamily(w.org.id, "Peters", { firstName: "Jip", groupId: w.g1.id, consents: ["PHOTOS"] });
    const make = (minutes: number, data: Record<string, unknown>) =>
      db.exportJob.create({
        data: { userId: family.guardian1.id, childId: family.childId, kind: "PHOTOS", idempotencyKey: randomUUID(), createdAt: new Date(NOW.getTime() - minutes * 60_000), ...data },
      });
    const queued = await make(1, { status: "QUEUED" });
    const running = await make(2, { status: "RUNNING" });
    const done = await make(3, { status: "DONE", expiresAt: new Date(NOW.getTime() + 3600_000) });
    const expired = await make(4, { status: "DONE", expiresAt: new Date(NOW.getTime() - 1000) });
    const failed = await make(5, { status: "FAILED" });
    const diary = await make(6, { status: "QUEUED", kind: "DIARY", from: new Date("2026-06-01T00:00:00Z"), to: new Date("2026-06-14T00:00:00Z") });
    // The other guardian's request is not in this list.
    await db.exportJob.create({ data: { userId: family.guardian2.id, childId: family.childId, kind: "PHOTOS", idempotencyKey: randomUUID(), createdAt: NOW } });

    const rows = await listExportRequests(family.guardian1, NOW);
    expect(rows.map((r) => [r.id, r.state])).toEqual([
      [queued.id, "pending"],
      [running.id, "pending"],
      [done.id, "done"],
      [expired.id, "expired"],
      [failed.id, "failed"],
      [diary.id, "pending"],
    ]);
    expect(rows[2]!.expiresAt).toEqual(done.expiresAt);
    expect(rows[3]!.expiresAt).toBeNull();
    expect(rows[5]).toMatchObject({ kind: "DIARY", from: "2026-06-01", to: "2026-06-14", childFirstName: "Jip" });
    expect(await listExportRequests(family.guardian1, NOW, 2)).toHaveLength(2);
  });
});
