// Generates the app icons (public/icons/*, git-ignored) from the one source image app/icon.svg, with sharp.
// Runs as npm "prebuild" and from scripts/run.ts for dev and start; the list of icons is lib/pwa/icons.ts.
//
//   tsx scripts/build-icons.ts           (re)builds the icons when the source or this script is newer
//   tsx scripts/build-icons.ts --force   always rebuilds
import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import sharp from "sharp";
import { MASKABLE_CONTENT_SHARE, PWA_ICONS, type PwaIcon } from "../lib/pwa/icons";
import { PWA_THEME_COLOR } from "../lib/pwa/theme";

const ROOT = path.resolve(import.meta.dirname, "..");
export const ICON_SOURCE = path.join(ROOT, "app/icon.svg");
export const ICON_OUT_DIR = path.join(ROOT, "public/icons");

/** The source rendered as a square PNG of `size` pixels (rendered large, then scaled down: crisp edges). */
async function render(svg: Buffer, size: number): Promise<Buffer> {
  const { width = 64 } = await sharp(svg).metadata();
  const density = Math.min(2400, Math.ceil((72 * size * 2) / width));
  return sharp(svg, { density }).resize(size, size, { fit: "contain", background: "#0000" }).png().toBuffer();
}

function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.replace("#", ""), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** A square of the brand colour with the source, scaled to `share` of the side, in the middle. */
async function onBrandSquare(svg: Buffer, size: number, share: number): Promise<Buffer> {
  const inner = Math.round(size * share);
  const picture = await render(svg, inner);
  const offset = Math.round((size - inner) / 2);
  return sharp({ create: { width: size, height: size, channels: 4, background: PWA_THEME_COLOR } })
    .composite([{ input: picture, left: offset, top: offset }])
    .flatten({ background: PWA_THEME_COLOR })
    .png()
    .toBuffer();
}

/**
 * A white silhouette of everything in the source that is not the brand-coloured background, on
 * transparent: the alpha of each pixel grows with its colour distance from the background (smooth,
 * anti-aliased edges), so the badge follows any change of the source image.
 */
async function badge(svg: Buffer, size: number): Promise<Buffer> {
  const { data, info } = await sharp(await render(svg, size)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const [br, bg, bb] = hexToRgb(PWA_THEME_COLOR);
  const full = 96; // a colour distance from the background at which a pixel counts as fully foreground
  const out = Buffer.alloc(data.length);
  for (let i = 0; i < data.length; i += 4) {
    const distance = Math.hypot(data[i]! - br, data[i + 1]! - bg, data[i + 2]! - bb);
    out[i] = out[i + 1] = out[i + 2] = 255;
    out[i + 3] = Math.round((data[i + 3]! * Math.min(1, distance / full)));
  }
  return sharp(out, { raw: { width: info.width, height: info.height, channels: 4 } }).png().toBuffer();
}

export async function iconPng(svg: Buffer, icon: Pick<PwaIcon, "kind" | "size">): Promise<Buffer> {
  switch (icon.kind) {
    case "any":
      return render(svg, icon.size);
    case "maskable":
      return onBrandSquare(svg, icon.size, MASKABLE_CONTENT_SHARE);
    case "apple":
      return onBrandSquare(svg, icon.size, 1);
    case "badge":
      return badge(svg, icon.size);
  }
}

function isUpToDate(outDir: string, source: string): boolean {
  const newest = Math.max(statSync(source).mtimeMs, statSync(new URL(import.meta.url)).mtimeMs);
  return PWA_ICONS.every((icon) => {
    const file = path.join(outDir, icon.file);
    return existsSync(file) && statSync(file).mtimeMs >= newest;
  });
}

/** Writes every icon of lib/pwa/icons.ts into `outDir`; returns the files written (none when up to date). */
export async function buildIcons({
  source = ICON_SOURCE,
  outDir = ICON_OUT_DIR,
  force = false,
}: { source?: string; outDir?: string; force?: boolean } = {}): Promise<string[]> {
  if (!force && isUpToDate(outDir, source)) return [];
  const svg = readFileSync(source);
  mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  for (const icon of PWA_ICONS) {
    const file = path.join(outDir, icon.file);
    await sharp(await iconPng(svg, icon)).toFile(file);
    written.push(file);
  }
  return written;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const written = await buildIcons({ force: process.argv.includes("--force") });
  process.stdout.write(
    written.length
      ? `[icons] wrote ${written.map((f) => path.relative(ROOT, f)).join(", ")}\n`
      : "[icons] public/icons is up to date\n",
  );
}
