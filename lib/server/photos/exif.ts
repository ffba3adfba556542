// The moment a photo was taken, from its EXIF block (as sharp's metadata().exif hands it over:
// "Exif\0\0" + a TIFF structure). Only DateTimeOriginal (0x9003, falling back to DateTimeDigitized
// 0x9004) and its OffsetTimeOriginal (0x9011) are read; everything else — GPS included — is dropped
// with the rest of the metadata when the original is re-encoded. Defensive: any malformed structure
// gives null, never an exception or a read outside the buffer.

import { amsterdamInstant } from "@/lib/domain/requests";

const EXIF_IFD_POINTER = 0x8769;
const DATE_TIME_ORIGINAL = 0x9003;
const DATE_TIME_DIGITIZED = 0x9004;
const OFFSET_TIME_ORIGINAL = 0x9011;
const ASCII = 2;
const LONG = 4;

interface Entry {
  type: number;
  count: number;
  /** Offset (within the TIFF structure) of the 4-byte value field. */
  valueAt: number;
}

function tiffReader(tiff: Buffer) {
  const order = tiff.toString("latin1", 0, 2);
  if (order !== "II" && order !== "MM") return null;
  const little = order === "II";
  const u16 = (at: number) => (at + 2 <= tiff.length ? (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at)) : null);
  const u32 = (at: number) => (at + 4 <= tiff.length ? (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at)) : null);
  if (u16(2) !== 42) return null;

  const readIfd = (offset: number | null): Map<number, Entry> | null => {
    if (offset === null || offset < 8) return null;
    const count = u16(offset);
    if (count === null || count > 1000 || offset + 2 + count * 12 > tiff.length) return null;
    const entries = new Map<number, Entry>();
    for (let i = 0; i < count; i++) {
      const at = offset + 2 + i * 12;
      entries.set(u16(at)!, { type: u16(at + 2)!, count: u32(at + 4)!, valueAt: at + 8 });
    }
    return entries;
  };

  const ascii = (entry: Entry | undefined): string | null => {
    if (!entry || entry.type !== ASCII || entry.count === 0 || entry.count > 64) return null;
    const start = entry.count <= 4 ? entry.valueAt : u32(entry.valueAt);
    if (start === null || start + entry.count > tiff.length) return null;
    return tiff.toString("latin1", start, start + entry.count).replace(/\0.*$/s, "").trim();
  };

  const long = (entry: Entry | undefined): number | null =>
    entry && entry.type === LONG && entry.count === 1 ? u32(entry.valueAt) : null;

  return { readIfd, ascii, long, firstIfd: () => u32(4) };
}

const EXIF_DATE = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;
const OFFSET = /^([+-])(\d{2}):(\d{2})$/;

/** "2025:04:27 10:11:12" (+ optional "+02:00") → the instant; Amsterdam time when there is no offset. */
export function parseExifDate(value: string, offset: string | null): Date | null {
  const m = EXIF_DATE.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1) return null;
  const o = offset ? OFFSET.exec(offset) : null;
  if (o) {
    const sign = o[1] === "-" ? -1 : 1;
    const offsetMinutes = sign * (Number(o[2]) * 60 + Number(o[3]));
    return new Date(Date.UTC(year, month - 1, day, hour, minute, second) - offsetMinutes * 60_000);
  }
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  return new Date(amsterdamInstant(iso, hour * 60 + minute).getTime() + second * 1000);
}

/**
 * When the photo was taken according to its EXIF, or null (none, malformed, or implausible: before
 * 1990 or more than a day after `now`, as with cameras whose clock was never set).
 */
export function exifTakenAt(exif: Buffer | undefined, now: Date = new Date()): Date | null {
  if (!exif || exif.length < 14) return null;
  const tiff = exif.toString("latin1", 0, 6) === "Exif\0\0" ? exif.subarray(6) : exif;
  const reader = tiffReader(tiff);
  if (!reader) return null;
  const ifd0 = reader.readIfd(reader.firstIfd());
  const exifIfd = reader.readIfd(reader.long(ifd0?.get(EXIF_IFD_POINTER)));
  if (!exifIfd) return null;
  const value = reader.ascii(exifIfd.get(DATE_TIME_ORIGINAL)) ?? reader.ascii(exifIfd.get(DATE_TIME_DIGITIZED));
  if (!value) return null;
  const taken = parseExifDate(value, reader.ascii(exifIfd.get(OFFSET_TIME_ORIGINAL)));
  if (!taken) return null;
  if (taken.getUTCFullYear() < 1990 || taken.getTime() > now.getTime() + 86_400_000) return null;
  return taken;
}
