// The app icons, generated from app/icon.svg by scripts/build-icons.ts into public/icons/ (git-ignored).
// The manifest, the page metadata and the service worker's notifications refer to these files.

export type PwaIconKind =
  /** The source image as it is (rounded square, transparent corners). */
  | "any"
  /** Full-bleed background, the picture inside the central 80% circle that every mask keeps. */
  | "maskable"
  /** iOS home screen: no transparency (iOS fills it with black) and iOS rounds the corners itself. */
  | "apple"
  /** Android notification badge: only the alpha channel counts, so a white silhouette on transparent. */
  | "badge";

export type PwaIcon = { file: string; size: number; kind: PwaIconKind };

export const PWA_ICON_DIR = "/icons";

export const PWA_ICONS = [
  { file: "icon-192.png", size: 192, kind: "any" },
  { file: "icon-512.png", size: 512, kind: "any" },
  { file: "maskable-512.png", size: 512, kind: "maskable" },
  { file: "apple-touch-icon.png", size: 180, kind: "apple" },
  { file: "badge-96.png", size: 96, kind: "badge" },
] as const satisfies readonly PwaIcon[];

export type PwaIconFile = (typeof PWA_ICONS)[number]["file"];

/** The public URL of a generated icon, e.g. "/icons/icon-192.png". */
export function pwaIconUrl(file: PwaIconFile): string {
  return `${PWA_ICON_DIR}/${file}`;
}

/** The share of a maskable icon's side that holds the picture (the safe zone is a circle of 80%). */
export const MASKABLE_CONTENT_SHARE = 0.8;
