import { describe, expect, it } from "vitest";
import { isPhotoVariant, PHOTO_WIDTHS, photoSrcSet, photoUrl, photoVersion, variantWidth } from "./urls";

const photo = { id: "3f2a1c9e-8b7d-4e6f-a5b4-c3d2e1f0a9b8", sha256: "ABCDEF0123456789".toLowerCase() + "f".repeat(48) };

describe("photo URLs", () => {
  it("builds a thumbnail URL with the first 16 hex digits of the sha256", () => {
    expect(photoUrl(photo, "w640")).toBe(`/api/photos/${photo.id}/w640?v=abcdef0123456789`);
  });

  it("adds download=1 for the original download only when asked", () => {
    expect(photoUrl(photo, "original")).toBe(`/api/photos/${photo.id}/original?v=abcdef0123456789`);
    expect(photoUrl(photo, "original", { download: true })).toBe(`/api/photos/${photo.id}/original?v=abcdef0123456789&download=1`);
    expect(photoUrl(photo, "original", { download: false })).not.toContain("download");
  });

  it("lists every width in the srcset, smallest first", () => {
    expect(PHOTO_WIDTHS).toEqual([320, 640, 1280]);
    expect(photoSrcSet(photo)).toBe(
      [320, 640, 1280].map((w) => `/api/photos/${photo.id}/w${w}?v=abcdef0123456789 ${w}w`).join(", "),
    );
  });

  it("a different sha256 gives a different URL (content-addressed caching)", () => {
    const other = { ...photo, sha256: "0".repeat(64) };
    expect(photoUrl(other, "w320")).not.toBe(photoUrl(photo, "w320"));
    expect(photoVersion(other.sha256)).toBe("0000000000000000");
  });

  it("escapes an id that is not URL-safe instead of building another path", () => {
    expect(photoUrl({ id: "../x", sha256: photo.sha256 }, "w320")).toBe("/api/photos/..%2Fx/w320?v=abcdef0123456789");
  });

  it("knows its variants and their widths", () => {
    expect(["w320", "w640", "w1280", "original"].every(isPhotoVariant)).toBe(true);
    expect(isPhotoVariant("w100")).toBe(false);
    expect(isPhotoVariant("thumb")).toBe(false);
    expect(variantWidth("w1280")).toBe(1280);
    expect(variantWidth("original")).toBeNull();
  });
});
