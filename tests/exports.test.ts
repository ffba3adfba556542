// Diary and photo exports (issue 4 §6) against a real PostgreSQL, a real store folder and a real SMTP
// server in the test: requesting (own child only, in the window, a double submit is one job), the
// worker's ZIP read back entry by entry (only photos this parent may see, of this child and period;
// escaped HTML; EXIF date, no GPS), the mailed link (only its owner, only until it expires), and two
// workers at once doing a job once.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import yauzl from "yauzl";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpCapture, type CapturedMail } from "./auth-mail-capture";

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
const { exifTakenAt } = await import("@/lib/server/photos/exif");
const { blobStore } = await import("@/lib/server/storage/store");
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

function readZip(buffer: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const files = new Map<string, Buffer>();
      zip.on("entry", (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (err, stream) => {
          if (err || !stream) return reject(err);
          const chunks: Buffer[] = [];
          stream.on("data", (c: Buffer) => chunks.push(c));
          stream.on("end", () => {
            files.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on("end", () => resolve(files));
      zip.on("error", reject);
      zip.readEntry();
    });
  });
}

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
  return { org, g1, noor, sem, gone, far, staff, inPeriod, outside, semEntry, p };
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
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="dagboek-Noor-2026-06-15\.zip"$/);
    files = await readZip(Buffer.from(await response.arrayBuffer()));

    const short = (id: string) => id.replace(/-/g, "").slice(0, 8);
    expect([...files.keys()].sort()).toEqual(
      [
        "index.html",
        // Amsterdam wall clock (UTC+2 in June): 08:11 UTC is 10:11.
        `photos/2026-06-03_1011_${short(w.p.noorTagged.id)}.jpg`,
        `photos/2026-06-03_1600_${short(w.p.attached.id)}.jpg`,
        `photos/2026-06-04_1100_${short(w.p.noorAndSem.id)}.jpg`,
        `photos/2026-06-05_1430_${short(w.p.groupWide.id)}.jpg`,
      ].sort(),
    );
    // Never Sem's own photo, the other organisation's, or Noor's photo outside the period.
    for (const id of [w.p.semOnly.id, w.p.otherOrg.id, w.p.noorOld.id]) expect([...files.keys()].some((k) => k.includes(short(id)))).toBe(false);
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
    expect(srcs.length).toBe(4);
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
    const zip = await readZip(Buffer.from(await (await serveExport(w.noor.guardian2, linkIn(mail), store, NOW)).arrayBuffer()));
    const html = zip.get("index.html")!.toString("utf8");
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("Photos of Noor Jansen");
    // Every photo of Noor the guardian may see, the old one too; still never Sem's or another organisation's.
    const names = [...zip.keys()].filter((k) => k.endsWith(".jpg"));
    expect(names).toHaveLength(5);
    expect(names.some((n) => n.startsWith("photos/2026-04-20_1200_"))).toBe(true);
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
