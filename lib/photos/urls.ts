// Photo URLs, built only here (client-safe: no server imports). Every URL carries the first 16 hex
// digits of the stored original's sha256 (`?v=`), so a URL names exactly one version of the bytes and
// can be cached for a year (the route answers 404 when `v` does not match). Served by
// app/api/photos/[photoId]/[variant]/route.ts after an authorisation check.

/** A photo as pages hand it to the gallery and viewer (components/photos/photo-viewer.tsx). */
export interface PhotoView {
  id: string;
  sha256: string;
  width: number;
  height: number;
  /** The caption, or "" (the viewer then describes the photo by its date). */
  alt: string;
  /** Instants (ISO strings); the date shown is when it was taken, else when it was uploaded. */
  takenAt: string | null;
  createdAt: string;
  canDownload: boolean;
}

export const PHOTO_WIDTHS = [320, 640, 1280] as const;
export type PhotoWidth = (typeof PHOTO_WIDTHS)[number];

export const PHOTO_VARIANTS = ["w320", "w640", "w1280", "original"] as const;
export type PhotoVariant = (typeof PHOTO_VARIANTS)[number];

/** Length of the sha256 prefix in `?v=`. */
export const PHOTO_VERSION_LENGTH = 16;

export interface PhotoRef {
  id: string;
  sha256: string;
}

export function isPhotoVariant(value: unknown): value is PhotoVariant {
  return typeof value === "string" && (PHOTO_VARIANTS as readonly string[]).includes(value);
}

/** The thumbnail width of a variant, or null for the original. */
export function variantWidth(variant: PhotoVariant): PhotoWidth | null {
  return variant === "original" ? null : (Number(variant.slice(1)) as PhotoWidth);
}

/** The `?v=` value of a photo: the first 16 hex digits of its sha256. */
export function photoVersion(sha256: string): string {
  return sha256.slice(0, PHOTO_VERSION_LENGTH).toLowerCase();
}

/** `/api/photos/<id>/<variant>?v=<sha prefix>[&download=1]` */
export function photoUrl(photo: PhotoRef, variant: PhotoVariant, opts?: { download?: boolean }): string {
  const query = `v=${photoVersion(photo.sha256)}${opts?.download ? "&download=1" : ""}`;
  return `/api/photos/${encodeURIComponent(photo.id)}/${variant}?${query}`;
}

/** For `<img srcset>`: every thumbnail width, smallest first ("… 320w, … 640w, … 1280w"). */
export function photoSrcSet(photo: PhotoRef): string {
  return PHOTO_WIDTHS.map((width) => `${photoUrl(photo, `w${width}`)} ${width}w`).join(", ");
}
