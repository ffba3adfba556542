import { describe, expect, it } from "vitest";
import { checkExportPeriod, exifDateTime, exportPhotoFileName, exportZipFileName, renderExportHtml, videoExtension } from "./exports";

describe("exportPhotoFileName", () => {
  it("names a photo by its Amsterdam wall clock and the first 8 characters of its id", () => {
    expect(exportPhotoFileName(new Date("2026-06-03T08:11:59Z"), "ab12cd34-0000-4000-8000-000000000000")).toBe("2026-06-03_1011_ab12cd34.jpg");
    // Winter time (UTC+1), and the Amsterdam day after UTC midnight.
    expect(exportPhotoFileName(new Date("2026-01-31T23:30:00Z"), "FFEE-1234-5678")).toBe("2026-02-01_0030_ffee1234.jpg");
  });

  it("keeps a video's own extension, and nothing but letters and digits in it", () => {
    expect(exportPhotoFileName(new Date("2026-06-03T08:11:59Z"), "ab12cd34-0000", "webm")).toBe("2026-06-03_1011_ab12cd34.webm");
    expect(exportPhotoFileName(new Date("2026-06-03T08:11:59Z"), "ab12cd34-0000", "../MP4")).toBe("2026-06-03_1011_ab12cd34.mp4");
    expect(videoExtension("video/mp4")).toBe("mp4");
    expect(videoExtension("video/webm")).toBe("webm");
    expect(videoExtension("application/x-unknown")).toBe("bin");
  });
});

describe("exportZipFileName", () => {
  it("names a diary ZIP by child and period, a photo ZIP by child and the day it was made", () => {
    expect(exportZipFileName({ prefix: "dagboek", firstName: "Noor", from: "2026-09-01", to: "2026-11-30", madeOn: "2026-12-01" })).toBe(
      "dagboek-noor-2026-09-01-2026-11-30.zip",
    );
    expect(exportZipFileName({ prefix: "fotos", firstName: "Noor", from: null, to: null, madeOn: "2026-12-01" })).toBe("fotos-noor-2026-12-01.zip");
  });

  it("keeps letters of any script but no separators, quotes or spaces", () => {
    expect(exportZipFileName({ prefix: "dagboek", firstName: "Zoë Anne", from: null, to: null, madeOn: "2026-12-01" })).toBe("dagboek-zoë-anne-2026-12-01.zip");
    expect(exportZipFileName({ prefix: "photos", firstName: '../"x"/', from: null, to: null, madeOn: "2026-12-01" })).toBe("photos-x-2026-12-01.zip");
    expect(exportZipFileName({ prefix: "photos", firstName: "  ", from: null, to: null, madeOn: "2026-12-01" })).toBe("photos-kind-2026-12-01.zip");
  });
});

describe("exifDateTime", () => {
  it("gives the local time with its offset, in summer and in winter", () => {
    expect(exifDateTime(new Date("2026-06-03T08:11:12Z"))).toEqual({ dateTime: "2026:06:03 10:11:12", offset: "+02:00" });
    expect(exifDateTime(new Date("2026-12-24T16:05:00Z"))).toEqual({ dateTime: "2026:12:24 17:05:00", offset: "+01:00" });
  });
});

describe("checkExportPeriod", () => {
  it("takes a period up to today, refuses a reversed, future or too long one", () => {
    expect(checkExportPeriod("2026-06-01", "2026-06-15", "2026-06-15")).toEqual({ ok: true });
    expect(checkExportPeriod("2026-06-10", "2026-06-01", "2026-06-15")).toEqual({ ok: false, error: "FROM_AFTER_TO" });
    expect(checkExportPeriod("2026-06-01", "2026-06-16", "2026-06-15")).toEqual({ ok: false, error: "TO_IN_FUTURE" });
    expect(checkExportPeriod("2010-01-01", "2026-06-15", "2026-06-15")).toEqual({ ok: false, error: "TOO_LONG" });
  });
});

describe("renderExportHtml", () => {
  const base = {
    lang: "nl",
    title: "Dagboek van <Noor>",
    intro: ["Periode"],
    entriesHeading: "Dagboek",
    noEntries: "Geen",
    photosHeading: "Foto's",
    noPhotos: "Geen foto's",
    writtenBy: "Geschreven door",
    photos: [],
  };

  it("escapes every text and references photos relatively", () => {
    const html = renderExportHtml({
      ...base,
      entries: [{ day: "3 juni", author: 'Sanne "S" <b>', body: "<img src=x onerror=alert(1)>", photos: [{ file: "photos/a b.jpg", alt: '"><script>', when: "10:11" }] }],
    });
    expect(html).toContain("<title>Dagboek van &lt;Noor&gt;</title>");
    expect(html).toContain("Sanne &quot;S&quot; &lt;b&gt;");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain('src="photos/a%20b.jpg"');
    expect(html).toContain('alt="&quot;&gt;&lt;script&gt;"');
    expect(html).not.toMatch(/<script|onerror=alert\(1\)>/);
  });

  it("shows a video with the browser's controls and a link to its file, its label escaped", () => {
    const html = renderExportHtml({
      ...base,
      openVideo: "Video openen",
      entries: [
        {
          day: "3 juni",
          author: "Sanne",
          body: "Buiten",
          photos: [{ file: "videos/2026-06-03_1011_ab12cd34.webm", alt: 'Video van "Noor"', when: "10:11", kind: "video" }],
        },
      ],
    });
    expect(html).toContain(
      '<video controls preload="metadata" playsinline src="videos/2026-06-03_1011_ab12cd34.webm" aria-label="Video van &quot;Noor&quot;"><a href="videos/2026-06-03_1011_ab12cd34.webm">Video openen</a></video>',
    );
    expect(html).not.toContain('<img src="videos/');
    expect(html).toContain("media-src 'self'");
  });

  it("leaves the diary section out of a photo export", () => {
    const html = renderExportHtml({ ...base, entriesHeading: null, entries: [] });
    expect(html).not.toContain("<h2>Dagboek</h2>");
    expect(html).toContain("<p>Geen foto&#39;s</p>");
  });
});
