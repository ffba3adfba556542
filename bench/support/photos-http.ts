// Part of bench/photos.ts: cached thumbnails over HTTP against the production server (`next start`),
// each against the same baseline in the same run, with the same number of requests and concurrency:
//   static   the w640 AVIF thumbnail's bytes as a static file from public/ (Next's static file serving)
//   route    GET /api/photos/<id>/w640 with the session cookie: next-auth session → visibility check in
//            PostgreSQL → the cached thumbnail from the store (the same bytes as `static`)
//   image    GET /_next/image?url=<the original JPEG in public/>&w=640&q=75, warm: Next's image
//            optimizer answering from .next/cache/images (the default config: WebP, quality 75). Photos are
//            never served this way in the app; it is the yardstick for "as fast as a stock image cache".
// Every response's status, type and bytes are checked (and X-Nextjs-Cache: HIT for `image`), so a failing
// route cannot look fast. Requests go through Node's fetch (undici, keep-alive connections), in
// interleaved rounds so drift on a shared machine hits each variant alike; the median round counts.
// Next reads public/ once when it starts, so the files are copied in before; they are removed after,
// with the image cache entries the bench made and the server (also on failure and Ctrl-C).
import { existsSync, mkdirSync, readdirSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { onCleanup } from "./cleanup";
import { logIn, startNextServer } from "./next-server";

export interface PhotosOverHttpOptions {
  root: string;
  port: number;
  requests: number;
  concurrency: number;
  rounds: number;
  /** Environment of the server: DATABASE_URL and STORAGE_DIR of the bench's world, among others. */
  env: NodeJS.ProcessEnv;
  /** A parent with a password who can see `photo`. */
  login: { email: string; password: string };
  photo: { id: string; sha256: string };
  /** URL path of the photo's w640 thumbnail (lib/photos/urls.ts). */
  routePath: string;
  accept: string;
  /** The bytes the route answers for `accept`: the cached w640 AVIF thumbnail. */
  thumbnail: Buffer;
  /** The stored original (JPEG), the source for /_next/image. */
  original: Buffer;
}

interface Variant {
  label: string;
  url: string;
  headers: Record<string, string>;
  /** Throws when the response is not the expected one. */
  check(response: Response, body: Buffer): void;
}

interface Round {
  ms: number;
  perSecond: number;
  p50: number;
}

async function pool(count: number, concurrency: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await task(next++);
    }),
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function request(variant: Variant): Promise<{ response: Response; body: Buffer }> {
  const response = await fetch(variant.url, { headers: variant.headers });
  const body = Buffer.from(await response.arrayBuffer());
  variant.check(response, body);
  return { response, body };
}

async function load(variant: Variant, count: number, concurrency: number): Promise<Round> {
  const latencies: number[] = new Array(count);
  const started = performance.now();
  await pool(count, concurrency, async (i) => {
    const t = performance.now();
    await request(variant);
    latencies[i] = performance.now() - t;
  });
  const ms = performance.now() - started;
  return { ms, perSecond: (count / ms) * 1000, p50: median(latencies) };
}

function must(label: string, condition: boolean, what: string) {
  if (!condition) throw new Error(`${label}: ${what}`);
}

export async function benchPhotosOverHttp(options: PhotosOverHttpOptions): Promise<void> {
  const { root, requests, concurrency, rounds } = options;
  const version = options.photo.sha256.slice(0, 16);

  // Static files, named by content (a cache entry left by an interrupted run cannot stand for other bytes).
  const publicDir = path.join(root, "public");
  const benchDir = path.join(publicDir, "_bench");
  const createdPublic = !existsSync(publicDir);
  const removeStatic = onCleanup("public/_bench", () => {
    rmSync(benchDir, { recursive: true, force: true });
    if (createdPublic && existsSync(publicDir) && readdirSync(publicDir).length === 0) rmdirSync(publicDir);
  });
  rmSync(benchDir, { recursive: true, force: true });
  mkdirSync(benchDir, { recursive: true });
  const staticPath = `/_bench/${version}-w640.avif`;
  const sourcePath = `/_bench/${version}.jpg`;
  writeFileSync(path.join(publicDir, staticPath), options.thumbnail);
  writeFileSync(path.join(publicDir, sourcePath), options.original);

  // /_next/image entries this run adds to .next/cache/images are removed after the server stops (it is
  // a cache: an entry another server made meanwhile only costs that server one regeneration).
  const imageCache = path.join(root, ".next/cache/images");
  const listCache = () => (existsSync(imageCache) ? readdirSync(imageCache) : []);
  const cacheExisted = existsSync(imageCache);
  const cachedBefore = new Set(listCache());
  const removeCacheEntries = onCleanup(".next/cache/images entries", () => {
    for (const entry of listCache()) if (!cachedBefore.has(entry)) rmSync(path.join(imageCache, entry), { recursive: true, force: true });
    if (!cacheExisted && existsSync(imageCache) && readdirSync(imageCache).length === 0) rmdirSync(imageCache);
  });

  try {
    const server = await startNextServer({ root, port: options.port, env: options.env });
    try {
      const base = server.baseUrl;
      const cookie = await logIn(base, options.login.email, options.login.password);

      // The route really is authorised: without the session it answers 401.
      const anonymous = await fetch(`${base}${options.routePath}`, { headers: { Accept: options.accept } });
      await anonymous.arrayBuffer();
      must("route without session", anonymous.status === 401, `expected 401, got ${anonymous.status}`);

      const sameBytes = (label: string, type: string) => (response: Response, body: Buffer) => {
        must(label, response.status === 200, `status ${response.status}`);
        must(label, response.headers.get("content-type") === type, `content-type ${response.headers.get("content-type")}`);
        must(label, body.equals(options.thumbnail), `${body.length} bytes, not the thumbnail's ${options.thumbnail.length}`);
      };
      const staticVariant: Variant = {
        label: `static file from public/ (w640 AVIF, ${options.thumbnail.length} B)`,
        url: `${base}${staticPath}`,
        headers: { Accept: options.accept },
        check: sameBytes("static", "image/avif"),
      };
      const routeVariant: Variant = {
        label: `/api/photos/<id>/w640, authorised (same bytes)`,
        url: `${base}${options.routePath}`,
        headers: { Accept: options.accept, Cookie: cookie },
        check: sameBytes("route", "image/avif"),
      };

      // /_next/image: the first request optimizes and fills the cache; every later one must be a HIT
      // with the same bytes.
      const imageUrl = `${base}/_next/image?url=${encodeURIComponent(sourcePath)}&w=640&q=75`;
      const coldStarted = performance.now();
      const cold = await fetch(imageUrl, { headers: { Accept: options.accept } });
      const optimized = Buffer.from(await cold.arrayBuffer());
      const coldMs = performance.now() - coldStarted;
      must("/_next/image", cold.status === 200, `status ${cold.status}: ${optimized.toString("utf8", 0, 200)}`);
      const imageType = cold.headers.get("content-type") ?? "";
      const { width: optimizedWidth } = await sharp(optimized).metadata();
      must("/_next/image", imageType.startsWith("image/") && optimizedWidth === 640, `got ${imageType}, ${optimizedWidth} px wide`);
      const imageVariant: Variant = {
        label: `/_next/image w=640 q=75, warm (${imageType}, ${optimized.length} B)`,
        url: imageUrl,
        headers: { Accept: options.accept },
        check(response, body) {
          must("/_next/image", response.status === 200, `status ${response.status}`);
          must("/_next/image", response.headers.get("x-nextjs-cache") === "HIT", `X-Nextjs-Cache ${response.headers.get("x-nextjs-cache")}, not HIT`);
          must("/_next/image", body.equals(optimized), `${body.length} bytes, not the cached ${optimized.length}`);
        },
      };

      const variants = [staticVariant, routeVariant, imageVariant];
      // Warm-up (JIT, connections, the session's first database round trips), not measured.
      for (const variant of variants) await load(variant, Math.min(200, requests), concurrency);
      const results = new Map<Variant, Round[]>(variants.map((v) => [v, []]));
      for (let round = 0; round < rounds; round++) {
        for (const variant of variants) results.get(variant)!.push(await load(variant, requests, concurrency));
      }
      const medianRound = (variant: Variant) => {
        const sorted = [...results.get(variant)!].sort((a, b) => a.ms - b.ms);
        return sorted[Math.floor(sorted.length / 2)]!;
      };
      const baseline = medianRound(staticVariant);

      console.log(
        `photo thumbnails over HTTP (next start, Node fetch with keep-alive): ${requests} requests, concurrency ${concurrency}, median of ${rounds} interleaved rounds`,
      );
      for (const variant of variants) {
        const r = medianRound(variant);
        console.log(
          `  ${variant.label.padEnd(50)} ${r.ms.toFixed(0).padStart(6)} ms = ${r.perSecond.toFixed(0).padStart(6)}/s, p50 ${r.p50.toFixed(1).padStart(5)} ms, static/this ${(baseline.perSecond / r.perSecond).toFixed(2)}x`,
        );
      }
      console.log(`  (the first /_next/image request, cold: ${coldMs.toFixed(0)} ms, X-Nextjs-Cache ${cold.headers.get("x-nextjs-cache")})`);
      const route = medianRound(routeVariant);
      const image = medianRound(imageVariant);
      console.log(
        `  ratio static/route throughput: ${(baseline.perSecond / route.perSecond).toFixed(1)}x; /_next/image warm/route: ${(image.perSecond / route.perSecond).toFixed(1)}x`,
      );
    } catch (error) {
      throw new Error(`${(error as Error).message}\n--- last output of next start ---\n${server.log()}`, { cause: error });
    } finally {
      await server.stop();
    }
  } finally {
    await removeCacheEntries();
    await removeStatic();
  }
}
