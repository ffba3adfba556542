import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PWA_ICONS } from "@/lib/pwa/icons";
import { PWA_THEME_COLOR } from "@/lib/pwa/theme";
import { buildIcons } from "../../scripts/build-icons";

// Generates the icons from the real app/icon.svg into a temporary folder and reads the pixels back.
let outDir: string;
beforeAll(async () => {
  outDir = mkdtempSync(path.join(tmpdir(), "ouderportaal-icons-"));
  await buildIcons({ outDir, force: true });
});
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

async function pixels(file: string) {
  const { data, info } = await sharp(path.join(outDir, file)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const at = (x: number, y: number) => {
    const i = (y * info.width + x) * 4;
    return { r: data[i]!, g: data[i + 1]!, b: data[i + 2]!, a: data[i + 3]! };
  };
  return { info, data, at };
}

const brand = {
  r: Number.parseInt(PWA_THEME_COLOR.slice(1, 3), 16),
  g: Number.parseInt(PWA_THEME_COLOR.slice(3, 5), 16),
  b: Number.parseInt(PWA_THEME_COLOR.slice(5, 7), 16),
  a: 255,
};

describe("scripts/build-icons.ts", () => {
  it.each(PWA_ICONS)("writes $file as a $size×$size PNG", async ({ file, size }) => {
    const meta = await sharp(path.join(outDir, file)).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["png", size, size]);
  });

  it("keeps the rounded corners of the source transparent in the plain icons", async () => {
    const { at } = await pixels("icon-512.png");
    expect(at(0, 0).a).toBe(0);
    expect(at(256, 20)).toEqual(brand);
  });

  it("fills the maskable icon and the iOS icon edge to edge with the brand colour", async () => {
    for (const file of ["maskable-512.png", "apple-touch-icon.png"]) {
      const { info, at } = await pixels(file);
      const last = info.width - 1;
      for (const [x, y] of [[0, 0], [last, 0], [0, last], [last, last]] as const) expect(at(x, y)).toEqual(brand);
    }
  });

  it("keeps the picture of the maskable icon inside the safe zone (a centred circle of 80%)", async () => {
    const { info, at } = await pixels("maskable-512.png");
    const centre = info.width / 2;
    const radius = info.width * 0.4;
    let outside = 0;
    let inside = 0;
    for (let y = 0; y < info.height; y++) {
      for (let x = 0; x < info.width; x++) {
        const p = at(x, y);
        const isPicture = Math.abs(p.r - brand.r) + Math.abs(p.g - brand.g) + Math.abs(p.b - brand.b) > 24;
        if (!isPicture) continue;
        if (Math.hypot(x + 0.5 - centre, y + 0.5 - centre) > radius) outside++;
        else inside++;
      }
    }
    expect(inside).toBeGreaterThan(info.width * info.height * 0.1);
    expect(outside).toBe(0);
  });

  it("makes the notification badge a white silhouette on transparent", async () => {
    const { data, at } = await pixels("badge-96.png");
    let opaque = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3]! > 0) expect([data[i], data[i + 1], data[i + 2]]).toEqual([255, 255, 255]);
      if (data[i + 3] === 255) opaque++;
    }
    expect(at(0, 0).a).toBe(0);
    // The brand-coloured background is gone, the figures are there.
    expect(at(48, 10).a).toBe(0);
    expect(opaque).toBeGreaterThan(96 * 96 * 0.15);
  });

  it("does nothing when the icons are newer than the source", async () => {
    expect(await buildIcons({ outDir })).toEqual([]);
  });
});
