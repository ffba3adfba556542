import { describe, expect, it } from "vitest";
import { photoErrorValues, PHOTO_LIMITS } from "@/lib/server/photos/process";
import { VIDEO_LIMITS } from "@/lib/server/photos/video";
import { acceptAttribute, checkUploadFile, MAX_PHOTO_BYTES, MAX_VIDEO_BYTES, megabytes, uploadKind } from "./upload-files";

const MB = 1024 * 1024;
const diary = { diary: true, acceptVideo: false };
const diaryWithVideo = { diary: true, acceptVideo: true };
const group = { diary: false, acceptVideo: true };

describe("the browser's file checks mirror the server's limits", () => {
  it("uses the server's byte limits and message values", () => {
    expect(MAX_PHOTO_BYTES).toBe(PHOTO_LIMITS.maxBytes);
    expect(MAX_VIDEO_BYTES).toBe(VIDEO_LIMITS.maxBytes);
    // The message values are the ones the server sends with Photos.errors.tooLarge.
    expect(checkUploadFile({ name: "a.jpg", type: "image/jpeg", size: MAX_PHOTO_BYTES + 1 }, diary)?.values).toEqual(photoErrorValues());
  });
});

describe("uploadKind", () => {
  it("goes by the browser's type first", () => {
    expect(uploadKind({ name: "x", type: "image/jpeg" })).toBe("photo");
    expect(uploadKind({ name: "x", type: "image/jpg" })).toBe("photo");
    expect(uploadKind({ name: "x", type: "image/avif" })).toBe("photo");
    expect(uploadKind({ name: "x", type: "IMAGE/PNG" })).toBe("photo");
    expect(uploadKind({ name: "x", type: "video/webm;codecs=vp8" })).toBe("video");
    expect(uploadKind({ name: "x", type: "video/mp4" })).toBe("video");
  });

  it("falls back on the extension when the type says nothing we know (HEIC often has no type)", () => {
    expect(uploadKind({ name: "IMG_0001.HEIC", type: "" })).toBe("photo");
    expect(uploadKind({ name: "clip.MOV.mp4", type: "application/octet-stream" })).toBe("video");
    expect(uploadKind({ name: "photo.jpeg", type: "image/x-unknown" })).toBe("photo");
  });

  it("knows nothing else", () => {
    expect(uploadKind({ name: "drawing.svg", type: "image/svg+xml" })).toBeNull();
    expect(uploadKind({ name: "anim.gif", type: "image/gif" })).toBeNull();
    expect(uploadKind({ name: "clip.mov", type: "video/quicktime" })).toBeNull();
    expect(uploadKind({ name: "letter.pdf", type: "application/pdf" })).toBeNull();
    expect(uploadKind({ name: "no-extension", type: "" })).toBeNull();
  });
});

describe("checkUploadFile", () => {
  it("accepts photos up to the limit", () => {
    expect(checkUploadFile({ name: "a.jpg", type: "image/jpeg", size: 1 }, diary)).toBeNull();
    expect(checkUploadFile({ name: "a.jpg", type: "image/jpeg", size: MAX_PHOTO_BYTES }, group)).toBeNull();
  });

  it("refuses an empty file, a file of another type and a photo over the limit", () => {
    expect(checkUploadFile({ name: "a.jpg", type: "image/jpeg", size: 0 }, diary)).toEqual({ code: "Photos.errors.empty" });
    expect(checkUploadFile({ name: "a.svg", type: "image/svg+xml", size: 100 }, diary)).toEqual({ code: "Photos.errors.unsupportedType" });
    expect(checkUploadFile({ name: "a.jpg", type: "image/jpeg", size: MAX_PHOTO_BYTES + 1 }, diary)).toEqual({
      code: "Photos.errors.tooLarge",
      values: { megabytes: 30, megapixels: 60 },
    });
  });

  it("takes a video only in a diary entry of an organisation that enables it, up to its own limit", () => {
    const video = { name: "clip.webm", type: "video/webm", size: 40 * MB };
    expect(checkUploadFile(video, diaryWithVideo)).toBeNull();
    expect(checkUploadFile({ ...video, size: MAX_VIDEO_BYTES }, diaryWithVideo)).toBeNull();
    expect(checkUploadFile(video, diary)).toEqual({ code: "Photos.errors.videoNotAllowed" });
    // A group's photos never take videos: the file is simply not one we can use there.
    expect(checkUploadFile(video, group)).toEqual({ code: "Photos.errors.unsupportedType" });
    expect(checkUploadFile({ ...video, size: MAX_VIDEO_BYTES + 1 }, diaryWithVideo)).toEqual({
      code: "Photos.errors.videoTooLarge",
      values: { megabytes: 100 },
    });
    // The photo limit is not the video limit.
    expect(checkUploadFile({ ...video, size: MAX_PHOTO_BYTES + 1 }, diaryWithVideo)).toBeNull();
  });
});

describe("acceptAttribute and megabytes", () => {
  it("offers videos only where they may be added", () => {
    expect(acceptAttribute(false)).toBe("image/jpeg,image/png,image/webp,image/avif,image/heic,image/heif");
    expect(acceptAttribute(true)).toBe("image/jpeg,image/png,image/webp,image/avif,image/heic,image/heif,video/mp4,video/webm");
  });

  it("rounds to one decimal, never to nothing", () => {
    expect(megabytes(2.44 * MB)).toBe(2.4);
    expect(megabytes(2.45 * MB)).toBe(2.5);
    expect(megabytes(100)).toBe(0.1);
  });
});
