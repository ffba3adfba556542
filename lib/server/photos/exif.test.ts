import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { exifTakenAt, parseExifDate } from "./exif";

async function exifOf(ifd2: Record<string, string>): Promise<Buffer | undefined> {
  const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#888" } })
    .jpeg()
    .withExif({ IFD0: { Make: "TestCam" }, IFD2: ifd2 })
    .toBuffer();
  return (await sharp(jpeg).metadata()).exif;
}

const now = new Date("2026-06-15T12:00:00Z");

describe("EXIF taken-at", () => {
  it("reads DateTimeOriginal with its offset", async () => {
    const exif = await exifOf({ DateTimeOriginal: "2025:04:27 10:11:12", OffsetTimeOriginal: "+02:00" });
    expect(exifTakenAt(exif, now)?.toISOString()).toBe("2025-04-27T08:11:12.000Z");
  });

  it("reads a time without offset as Amsterdam time (summer and winter)", async () => {
    expect(exifTakenAt(await exifOf({ DateTimeOriginal: "2025:07:01 09:00:05" }), now)?.toISOString()).toBe("2025-07-01T07:00:05.000Z");
    expect(exifTakenAt(await exifOf({ DateTimeOriginal: "2025:01:15 09:00:00" }), now)?.toISOString()).toBe("2025-01-15T08:00:00.000Z");
  });

  it("falls back to DateTimeDigitized", async () => {
    expect(exifTakenAt(await exifOf({ DateTimeDigitized: "2024:12:24 18:30:00", OffsetTimeOriginal: "+01:00" }), now)?.toISOString()).toBe(
      "2024-12-24T17:30:00.000Z",
    );
  });

  it("ignores unset, impossible and future clocks", async () => {
    expect(exifTakenAt(await exifOf({ DateTimeOriginal: "0000:00:00 00:00:00" }), now)).toBeNull();
    expect(exifTakenAt(await exifOf({ DateTimeOriginal: "1980:01:01 00:00:00" }), now)).toBeNull();
    expect(exifTakenAt(await exifOf({ DateTimeOriginal: "2030:01:01 00:00:00" }), now)).toBeNull();
    expect(exifTakenAt(await exifOf({ DateTimeOriginal: "2025:02:30 10:00:00" }), now)).toBeNull();
    expect(exifTakenAt(await exifOf({ DateTimeOriginal: "yesterday" }), now)).toBeNull();
    expect(exifTakenAt(await exifOf({ ExposureTime: "1/100" }), now)).toBeNull();
  });

  it("survives garbage and truncation without throwing", async () => {
    const exif = (await exifOf({ DateTimeOriginal: "2025:04:27 10:11:12" }))!;
    expect(exifTakenAt(undefined, now)).toBeNull();
    expect(exifTakenAt(Buffer.from("Exif\0\0garbage-garbage"), now)).toBeNull();
    for (let cut = 0; cut < exif.length; cut += 7) expect(() => exifTakenAt(exif.subarray(0, cut), now)).not.toThrow();
    const flipped = Buffer.from(exif);
    for (let i = 14; i < flipped.length; i += 3) flipped[i] = 0xff;
    expect(() => exifTakenAt(flipped, now)).not.toThrow();
  });

  it("parses offsets west of Greenwich", () => {
    expect(parseExifDate("2025:04:27 10:11:12", "-05:00")?.toISOString()).toBe("2025-04-27T15:11:12.000Z");
  });
});
