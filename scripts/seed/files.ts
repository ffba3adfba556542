// Demo files made locally (nothing is downloaded): colourful JPEG "photos" rendered by sharp from an
// SVG scene, and minimal PDF documents written by hand. Files are stored content-addressed under the
// storage folder, so writing the same file twice is harmless.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";

export interface StoredBlob {
  sha256: string;
  /** Relative to the storage folder, with forward slashes. */
  storageKey: string;
  bytes: number;
}

/** Writes `data` to `<storageDir>/<folder>/<sha[0..2]>/<sha>.<ext>` unless it is already there. */
export async function storeContentAddressed(
  storageDir: string,
  folder: string,
  ext: string,
  data: Buffer,
): Promise<StoredBlob> {
  const sha256 = createHash("sha256").update(data).digest("hex");
  const storageKey = `${folder}/${sha256.slice(0, 2)}/${sha256}.${ext}`;
  const target = path.join(storageDir, ...storageKey.split("/"));
  if (!existsSync(target)) {
    await mkdir(path.dirname(target), { recursive: true });
    // Write then rename: a crash never leaves a half-written file under its final (hash) name.
    const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(temp, data);
    await rename(temp, target);
  }
  return { sha256, storageKey, bytes: data.length };
}

// ─── Photos ──────────────────────────────────────────────────────────────────

/** A small deterministic PRNG, so the same scene always renders to the same bytes. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type SceneKind = "outdoor" | "blocks" | "balloons" | "rainbow";

export interface PhotoScene {
  seed: number;
  hue: number;
  kind: SceneKind;
  width?: number;
  height?: number;
}

/** An SVG picture without text (no fonts needed, so it renders the same on any machine). */
export function sceneSvg({ seed, hue, kind, width = 1600, height = 1200 }: PhotoScene): string {
  const random = mulberry32(seed);
  const h = (offset: number) => Math.round((hue + offset + 360) % 360);
  const shapes: string[] = [];
  const horizon = height * (0.58 + random() * 0.12);
  // Sky and ground.
  shapes.push(
    `<rect width="${width}" height="${height}" fill="url(#sky)"/>`,
    `<path d="M0 ${horizon} Q ${width * 0.3} ${horizon - 90} ${width * 0.55} ${horizon} T ${width} ${horizon - 40} V ${height} H 0 Z" fill="url(#ground)"/>`,
  );
  // Sun and clouds.
  const sunX = width * (0.65 + random() * 0.25);
  const sunY = height * (0.12 + random() * 0.12);
  shapes.push(`<circle cx="${sunX}" cy="${sunY}" r="${90 + random() * 60}" fill="hsl(48,96%,62%)" opacity="0.95"/>`);
  for (let i = 0; i < 3; i++) {
    const cx = width * random();
    const cy = height * (0.08 + random() * 0.25);
    shapes.push(
      `<g fill="#ffffff" opacity="0.85"><ellipse cx="${cx}" cy="${cy}" rx="${110 + random() * 70}" ry="${45 + random() * 20}"/>` +
        `<ellipse cx="${cx + 70}" cy="${cy - 25}" rx="${80 + random() * 40}" ry="${45 + random() * 20}"/></g>`,
    );
  }
  if (kind === "rainbow") {
    const colours = [0, 30, 55, 120, 210, 275];
    colours.forEach((colourHue, index) => {
      const r = width * 0.42 - index * 38;
      shapes.push(
        `<path d="M ${width / 2 - r} ${horizon + 40} A ${r} ${r} 0 0 1 ${width / 2 + r} ${horizon + 40}" fill="none" stroke="hsl(${colourHue},85%,58%)" stroke-width="38" opacity="0.9"/>`,
      );
    });
  }
  if (kind === "blocks") {
    let x = width * 0.12;
    while (x < width * 0.85) {
      const size = 110 + random() * 90;
      const stack = 1 + Math.floor(random() * 3);
      for (let level = 0; level < stack; level++) {
        const y = height * 0.92 - size * (level + 1);
        shapes.push(
          `<rect x="${x}" y="${y}" width="${size}" height="${size}" rx="14" fill="hsl(${h(random() * 360)},80%,${50 + random() * 15}%)" stroke="rgba(0,0,0,0.18)" stroke-width="6"/>`,
        );
      }
      x += size + 20 + random() * 60;
    }
  }
  if (kind === "balloons") {
    for (let i = 0; i < 7; i++) {
      const cx = width * (0.1 + random() * 0.8);
      const cy = height * (0.2 + random() * 0.4);
      const rx = 60 + random() * 35;
      shapes.push(
        `<path d="M ${cx} ${cy + rx * 1.25} q 25 120 -10 ${200 + random() * 100}" stroke="rgba(60,60,60,0.6)" stroke-width="4" fill="none"/>`,
        `<ellipse cx="${cx}" cy="${cy}" rx="${rx}" ry="${rx * 1.25}" fill="hsl(${h(i * 51)},85%,58%)"/>`,
        `<ellipse cx="${cx - rx * 0.35}" cy="${cy - rx * 0.5}" rx="${rx * 0.18}" ry="${rx * 0.3}" fill="#ffffff" opacity="0.45"/>`,
      );
    }
  }
  if (kind === "outdoor") {
    for (let i = 0; i < 4; i++) {
      const x = width * (0.05 + random() * 0.9);
      const base = horizon + 30 + random() * 120;
      const crown = 90 + random() * 70;
      shapes.push(
        `<rect x="${x - 18}" y="${base - crown * 1.6}" width="36" height="${crown * 1.6}" fill="hsl(28,45%,32%)"/>`,
        `<circle cx="${x}" cy="${base - crown * 1.8}" r="${crown}" fill="hsl(${110 + random() * 40},55%,${34 + random() * 12}%)"/>`,
      );
    }
    // A sandpit with a bucket.
    shapes.push(
      `<ellipse cx="${width * 0.5}" cy="${height * 0.88}" rx="${width * 0.28}" ry="${height * 0.07}" fill="hsl(42,70%,72%)"/>`,
      `<path d="M ${width * 0.47} ${height * 0.8} h 90 l -14 80 h -62 Z" fill="hsl(${h(180)},85%,55%)"/>`,
    );
  }
  // Confetti dots keep every picture a little different.
  for (let i = 0; i < 40; i++) {
    shapes.push(
      `<circle cx="${width * random()}" cy="${height * random()}" r="${4 + random() * 10}" fill="hsl(${h(random() * 360)},90%,65%)" opacity="0.55"/>`,
    );
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<defs><linearGradient id="sky" x1="0" y1="0" x2="0.4" y2="1"><stop offset="0" stop-color="hsl(${h(0)},75%,78%)"/><stop offset="1" stop-color="hsl(${h(40)},70%,90%)"/></linearGradient>` +
    `<linearGradient id="ground" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${h(-90)},55%,52%)"/><stop offset="1" stop-color="hsl(${h(-60)},60%,38%)"/></linearGradient></defs>` +
    shapes.join("") +
    `</svg>`
  );
}

export interface RenderedImage {
  data: Buffer;
  width: number;
  height: number;
}

/** Renders a scene to a baseline JPEG. sharp writes no EXIF/XMP unless asked to (`withMetadata`). */
export async function renderSceneJpeg(scene: PhotoScene): Promise<RenderedImage> {
  const { data, info } = await sharp(Buffer.from(sceneSvg(scene)))
    .flatten({ background: "#ffffff" })
    .jpeg({ quality: 82 })
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** A simple avatar for a staff profile: coloured background, head and shoulders. */
export async function renderAvatarJpeg(hue: number, size = 480): Promise<RenderedImage> {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 100 100">` +
    `<rect width="100" height="100" fill="hsl(${hue},60%,82%)"/>` +
    `<circle cx="50" cy="38" r="22" fill="hsl(${(hue + 20) % 360},35%,25%)"/>` +
    `<circle cx="50" cy="42" r="18" fill="hsl(25,45%,${62 + (hue % 12)}%)"/>` +
    `<path d="M 14 100 Q 16 66 50 64 Q 84 66 86 100 Z" fill="hsl(${(hue + 180) % 360},55%,45%)"/>` +
    `</svg>`;
  const { data, info } = await sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

// ─── PDF ─────────────────────────────────────────────────────────────────────

/** PDF text strings in the standard fonts are single-byte: keep to printable ASCII. */
function pdfText(value: string): string {
  const ascii = value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/€/g, "EUR")
    .replace(/[^\x20-\x7e]/g, "?");
  return ascii.replace(/[\\()]/g, (char) => `\\${char}`);
}

/** A valid one-page A4 PDF with a title and some lines of text (Helvetica, no embedded fonts). */
export function minimalPdf(title: string, lines: string[]): Buffer {
  const content = [
    "BT",
    "/F2 20 Tf",
    "56 770 Td",
    `(${pdfText(title)}) Tj`,
    "/F1 11 Tf",
    "0 -34 Td",
    ...lines.flatMap((line) => [`(${pdfText(line)}) Tj`, "0 -16 Td"]),
    "ET",
  ].join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
    `<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}\nendstream`,
    `<< /Title (${pdfText(title)}) /Producer (Ouderportaal demo seed) >>`,
  ];
  let body = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, "latin1"));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xrefOffset = Buffer.byteLength(body, "latin1");
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("");
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}
