import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { crc32, deflateSync } from "node:zlib";
import sharp, { type Sharp } from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalBlobStore, type BlobStore } from "@/lib/server/storage/store";
import {
  canDecodeHeic,
  MissingOriginalError,
  PHOTO_ERROR_CODES,
  PHOTO_LIMITS,
  PhotoProcessingError,
  processPhoto,
  sniffImageType,
  storePhoto,
  thumbnail,
  thumbnailKey,
  type PhotoErrorCode,
  type PhotoLimits,
} from "./process";

let base: string;
let store: LocalBlobStore;
beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), "ouderportaal-photos-"));
  store = new LocalBlobStore(base);
});
afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

const now = new Date("2026-06-15T12:00:00Z");

/** A picture with structure (not a flat colour), so encoders do real work. */
function scene(width: number, height: number, alpha = false): Sharp {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<rect width="${width}" height="${height}" fill="${alpha ? "none" : "#7ac"}"/>` +
    `<rect x="0" y="0" width="${width / 2}" height="${height / 4}" fill="#e33"/>` +
    `<circle cx="${width / 2}" cy="${height / 2}" r="${Math.min(width, height) / 4}" fill="#fc0"/></svg>`;
  return sharp(Buffer.from(svg));
}

/** A camera-like JPEG: landscape pixels with Orientation 6 (display rotated 90°), GPS and a date. */
async function cameraJpeg(): Promise<Buffer> {
  return scene(800, 600)
    .jpeg({ quality: 90 })
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Make: "TestCam", Model: "X1", Software: "Camera 1.0" },
      IFD2: { DateTimeOriginal: "2025:04:27 10:11:12", OffsetTimeOriginal: "+02:00" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "52/1 22/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "4/1 53/1 0/1" },
    })
    .toBuffer();
}

async function expectRefused(input: Buffer | Promise<Buffer>, code: PhotoErrorCode, limits: PhotoLimits = PHOTO_LIMITS) {
  const error = await processPhoto(await input, limits, now).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PhotoProcessingError);
  expect((error as PhotoProcessingError).code).toBe(code);
  expect((error as PhotoProcessingError).messageKey).toBe(`errors.${code}`);
}

// ─── PNG by hand, for files that lie about themselves ───────────────────────

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, "latin1"), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function png(width: number, height: number, bitDepth: number, colourType: number, idat: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.writeUInt8(bitDepth, 8);
  ihdr.writeUInt8(colourType, 9);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", idat),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

describe("sniffing", () => {
  it("knows images by their bytes, not their names", async () => {
    const base = scene(40, 30);
    expect(sniffImageType(await base.clone().jpeg().toBuffer())).toBe("jpeg");
    expect(sniffImageType(await base.clone().png().toBuffer())).toBe("png");
    expect(sniffImageType(await base.clone().webp().toBuffer())).toBe("webp");
    expect(sniffImageType(await base.clone().avif().toBuffer())).toBe("avif");
    expect(sniffImageType(await base.clone().gif().toBuffer())).toBeNull();
    expect(sniffImageType(await base.clone().tiff().toBuffer())).toBeNull();
    expect(sniffImageType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffImageType(Buffer.from("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic", "latin1"))).toBe("heic");
    expect(sniffImageType(Buffer.from("\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00isommp42", "latin1"))).toBeNull();
  });
});

describe("processPhoto", () => {
  it("auto-rotates, strips all metadata (GPS!) and keeps the date taken", async () => {
    const input = await cameraJpeg();
    const inputMeta = await sharp(input).metadata();
    expect(inputMeta.exif?.includes("TestCam")).toBe(true);

    const photo = await processPhoto(input, PHOTO_LIMITS, now);
    expect(photo.sourceType).toBe("jpeg");
    expect(photo.mimeType).toBe("image/jpeg");
    // 800×600 pixels shown upright as 600×800.
    expect([photo.width, photo.height]).toEqual([600, 800]);
    expect(photo.takenAt?.toISOString()).toBe("2025-04-27T08:11:12.000Z");

    const meta = await sharp(photo.data).metadata();
    expect(meta.format).toBe("jpeg");
    expect([meta.width, meta.height]).toEqual([600, 800]);
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(meta.iptc).toBeUndefined();
    expect(meta.icc).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    // Not even a trace of the camera or the GPS block in the bytes.
    for (const needle of ["Exif", "TestCam", "GPS", "2025:04:27"]) expect(photo.data.includes(needle)).toBe(false);

    // The red bar at the top left of the landscape picture is at the top right once turned upright.
    const { data: pixels, info } = await sharp(photo.data).raw().toBuffer({ resolveWithObject: true });
    const at = (x: number, y: number) => [...pixels.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3)];
    expect(at(590, 10)[0]).toBeGreaterThan(200);
    expect(at(10, 10)[0]).toBeLessThan(160);
  });

  it("content-addresses the stored bytes", async () => {
    const photo = await processPhoto(await cameraJpeg(), PHOTO_LIMITS, now);
    expect(photo.sha256).toBe(createHash("sha256").update(photo.data).digest("hex"));
    expect(photo.storageKey).toBe(`originals/${photo.sha256.slice(0, 2)}/${photo.sha256}.jpg`);
    expect(photo.bytes).toBe(photo.data.length);
  });

  it("turns PNG (with transparency), WebP and AVIF into JPEG", async () => {
    for (const [kind, input] of [
      ["png", await scene(300, 200, true).png().toBuffer()],
      ["webp", await scene(300, 200).webp().toBuffer()],
      ["avif", await scene(300, 200).avif().toBuffer()],
    ] as const) {
      const photo = await processPhoto(input, PHOTO_LIMITS, now);
      expect(photo.sourceType).toBe(kind);
      const meta = await sharp(photo.data).metadata();
      expect([meta.format, meta.width, meta.height, meta.channels, meta.hasAlpha]).toEqual(["jpeg", 300, 200, 3, false]);
      expect(photo.takenAt).toBeNull();
    }
  });

  it("strips GPS from a PNG's eXIf chunk too", async () => {
    const input = await scene(64, 64)
      .png()
      .withExif({ IFD3: { GPSLatitudeRef: "N", GPSLatitude: "52/1 22/1 0/1" } })
      .toBuffer();
    expect((await sharp(input).metadata()).exif).toBeDefined();
    const photo = await processPhoto(input, PHOTO_LIMITS, now);
    expect((await sharp(photo.data).metadata()).exif).toBeUndefined();
  });

  it("refuses an empty file and one over the byte limit", async () => {
    await expectRefused(Buffer.alloc(0), "empty");
    const input = await cameraJpeg();
    await expectRefused(input, "tooLarge", { ...PHOTO_LIMITS, maxBytes: input.length - 1 });
  });

  it("refuses an SVG with a script, whatever it is called", async () => {
    const svg = `<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script><rect width="10" height="10"/></svg>`;
    await expectRefused(Buffer.from(svg), "unsupportedType");
    await expectRefused(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>`), "unsupportedType");
  });

  it("refuses GIF, TIFF, HTML and text", async () => {
    await expectRefused(scene(20, 20).gif().toBuffer(), "unsupportedType");
    await expectRefused(scene(20, 20).tiff().toBuffer(), "unsupportedType");
    await expectRefused(Buffer.from("<!doctype html><script>alert(1)</script>"), "unsupportedType");
    await expectRefused(Buffer.from("just text"), "unsupportedType");
  });

  it("refuses a HEIC the decoder cannot read with its own message", async () => {
    const fakeHeic = Buffer.concat([Buffer.from("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic", "latin1"), Buffer.alloc(64)]);
    await expectRefused(fakeHeic, canDecodeHeic() ? "corrupt" : "heicUnsupported");
  });

  it("refuses a tiny PNG that declares huge dimensions before decoding it", async () => {
    const bomb = png(65_000, 65_000, 8, 2, deflateSync(Buffer.alloc(1024)));
    expect(bomb.length).toBeLessThan(2048);
    await expectRefused(bomb, "tooManyPixels");
  });

  it("refuses a real decompression bomb: a valid 30000×30000 solid PNG of ~100 kB", async () => {
    // 1-bit grey, every row "filter 0" + 3750 zero bytes: 112 MB of scanlines deflate to ~110 kB.
    const rows = Buffer.alloc(30_000 * 3751);
    const bomb = png(30_000, 30_000, 1, 0, deflateSync(rows, { level: 9 }));
    expect(bomb.length).toBeLessThan(PHOTO_LIMITS.maxBytes / 100);
    await expectRefused(bomb, "tooManyPixels");
  });

  it("refuses a picture wider than the longest side allowed even when the pixel count is small", async () => {
    await expectRefused(png(40_000, 1, 8, 0, deflateSync(Buffer.alloc(40_001))), "tooManyPixels");
  });

  it("takes the pixel limit from the limits given", async () => {
    const input = await scene(400, 300).png().toBuffer();
    await expectRefused(input, "tooManyPixels", { ...PHOTO_LIMITS, maxPixels: 400 * 300 - 1 });
  });

  it("cleans a polyglot: a real JPEG carrying HTML/script in a comment and after the image", async () => {
    const jpeg = await scene(320, 240).jpeg().toBuffer();
    const payload = Buffer.from("<html><body><script>alert(document.cookie)</script></body></html>");
    const comment = Buffer.concat([Buffer.from([0xff, 0xfe, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]), payload]);
    // SOI, then the COM segment, then the rest of the JPEG, then the payload again after EOI.
    const polyglot = Buffer.concat([jpeg.subarray(0, 2), comment, jpeg.subarray(2), payload]);
    expect(sniffImageType(polyglot)).toBe("jpeg");
    expect(polyglot.includes("<script>")).toBe(true);

    const photo = await processPhoto(polyglot, PHOTO_LIMITS, now);
    expect(photo.data.includes("<script")).toBe(false);
    expect(photo.data.includes("<html")).toBe(false);
    const meta = await sharp(photo.data).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["jpeg", 320, 240]);
    expect(photo.data.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9]));
  });

  it("refuses a JPEG header followed by HTML", async () => {
    await expectRefused(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from("<html><script>alert(1)</script></html>")]), "corrupt");
  });

  it("refuses a truncated JPEG", async () => {
    const jpeg = await scene(640, 480).jpeg({ quality: 90 }).toBuffer();
    await expectRefused(jpeg.subarray(0, Math.floor(jpeg.length * 0.6)), "corrupt");
    await expectRefused(jpeg.subarray(0, 200), "corrupt");
  });

  it("refuses a PNG with a broken checksum", async () => {
    const good = await scene(64, 64).png().toBuffer();
    const broken = Buffer.from(good);
    broken[broken.length - 20]! ^= 0xff; // inside the image data
    await expectRefused(broken, "corrupt");
  });

  it("has a message in both languages for every refusal", () => {
    for (const locale of ["nl", "en"]) {
      const messages = JSON.parse(readFileSync(path.resolve(import.meta.dirname, `../../../messages/${locale}.json`), "utf8")) as {
        Photos: { errors: Record<string, string> };
      };
      for (const code of PHOTO_ERROR_CODES) expect(messages.Photos.errors[code], `${locale} ${code}`).toBeTruthy();
    }
  });

  it("storePhoto writes the original under its content address once", async () => {
    const input = await cameraJpeg();
    const first = await storePhoto(store, input, PHOTO_LIMITS, now);
    const again = await storePhoto(store, input, PHOTO_LIMITS, now);
    expect(again.sha256).toBe(first.sha256);
    expect((await store.get(first.storageKey))?.equals(first.data)).toBe(true);
    expect(await readdir(path.join(base, "originals", first.sha256.slice(0, 2)))).toEqual([`${first.sha256}.jpg`]);
  });
});

describe("thumbnails", () => {
  /** The store with a count of writes per key, to see that a thumbnail is made once. */
  function counting(inner: BlobStore) {
    const puts = new Map<string, number>();
    const wrapped: BlobStore = {
      put: async (key, data) => {
        puts.set(key, (puts.get(key) ?? 0) + 1);
        await inner.put(key, data);
      },
      get: (key) => inner.get(key),
      has: (key) => inner.has(key),
      delete: (key) => inner.delete(key),
    };
    return { store: wrapped, puts };
  }

  it("makes every width in every format, smaller than the original and without metadata", async () => {
    const original = await storePhoto(store, await scene(1600, 1200).jpeg().withExif({ IFD3: { GPSLatitudeRef: "N" } }).toBuffer(), PHOTO_LIMITS, now);
    for (const width of [320, 640, 1280] as const) {
      for (const [format, sharpFormat, contentType] of [
        ["avif", "heif", "image/avif"],
        ["webp", "webp", "image/webp"],
        ["jpeg", "jpeg", "image/jpeg"],
      ] as const) {
        const thumb = await thumbnail(store, original, width, format);
        expect(thumb.contentType).toBe(contentType);
        const meta = await sharp(thumb.data).metadata();
        expect([meta.format, meta.width, meta.height], `${width} ${format}`).toEqual([sharpFormat, width, (width * 3) / 4]);
        expect(meta.exif).toBeUndefined();
        expect(thumb.data.length).toBeLessThan(original.bytes);
        expect((await store.get(thumbnailKey(original.sha256, width, format)))?.equals(thumb.data)).toBe(true);
      }
    }
    expect(thumbnailKey(original.sha256, 640, "jpeg")).toBe(`thumbs/${original.sha256.slice(0, 2)}/${original.sha256}-640.jpg`);
  });

  it("never enlarges a small photo", async () => {
    const original = await storePhoto(store, await scene(500, 400).jpeg().toBuffer(), PHOTO_LIMITS, now);
    const meta = await sharp((await thumbnail(store, original, 1280, "webp")).data).metadata();
    expect([meta.width, meta.height]).toEqual([500, 400]);
  });

  it("makes a thumbnail once, then serves it from the store", async () => {
    const { store: s, puts } = counting(store);
    const original = await storePhoto(s, await scene(900, 600).jpeg().toBuffer(), PHOTO_LIMITS, now);
    const first = await thumbnail(s, original, 640, "webp");
    const second = await thumbnail(s, original, 640, "webp");
    expect([first.cached, second.cached]).toEqual([false, true]);
    expect(second.data.equals(first.data)).toBe(true);
    expect(puts.get(thumbnailKey(original.sha256, 640, "webp"))).toBe(1);
  });

  it("concurrent requests for one thumbnail render it once and all get the same whole file", async () => {
    const { store: s, puts } = counting(store);
    const original = await storePhoto(s, await scene(1400, 1000).jpeg().toBuffer(), PHOTO_LIMITS, now);
    const results = await Promise.all(Array.from({ length: 12 }, () => thumbnail(s, original, 1280, "avif")));
    const key = thumbnailKey(original.sha256, 1280, "avif");
    expect(puts.get(key)).toBe(1);
    for (const r of results) expect(r.data.equals(results[0]!.data)).toBe(true);
    expect((await store.get(key))?.equals(results[0]!.data)).toBe(true);
    expect((await sharp(results[0]!.data).metadata()).width).toBe(1280);
    const folder = await readdir(path.join(base, "thumbs", original.sha256.slice(0, 2)));
    expect(folder.filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("concurrent requests through two separate stores (two processes) still leave one whole file", async () => {
    const original = await storePhoto(store, await scene(1200, 900).jpeg().toBuffer(), PHOTO_LIMITS, now);
    const other = new LocalBlobStore(base);
    const results = await Promise.all([
      ...Array.from({ length: 4 }, () => thumbnail(store, original, 320, "jpeg")),
      ...Array.from({ length: 4 }, () => thumbnail(other, original, 320, "jpeg")),
    ]);
    const stored = (await store.get(thumbnailKey(original.sha256, 320, "jpeg")))!;
    expect(results.some((r) => r.data.equals(stored))).toBe(true);
    expect((await sharp(stored).metadata()).width).toBe(320);
  });

  it("tells when the original is missing", async () => {
    const sha = "0".repeat(64);
    await expect(thumbnail(store, { sha256: sha, storageKey: `originals/00/${sha}.jpg` }, 320, "jpeg")).rejects.toBeInstanceOf(
      MissingOriginalError,
    );
  });
});
