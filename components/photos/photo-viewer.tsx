"use client";

import { useLocale, useTranslations } from "next-intl";
import {
  useEffect,
  useId,
  useRef,
  useState,
  type MouseEvent,
  type PointerEvent,
  type ReactElement,
  type ReactNode,
  type Ref,
} from "react";
import { cn } from "@/components/ui/cn";
import { amsterdamIsoDate, formatDay } from "@/lib/format/date";
import { photoSrcSet, photoUrl, type PhotoView } from "@/lib/photos/urls";
import {
  clampView,
  FITTED,
  fitSize,
  isDoubleTap,
  isTap,
  isZoomed,
  MAX_SCALE,
  midpoint,
  distance,
  panBy,
  pinchView,
  stepIndex,
  swipeDirection,
  toggleZoom,
  wheelScale,
  zoomAt,
  zoomStep,
  type Point,
  type Size,
  type Tap,
  type View,
} from "./viewer-math";

/** The photo fields the gallery needs (one type for pages and viewer: lib/photos/urls.ts). */
export type GalleryPhoto = PhotoView;

// Thumbnails: 3 columns on phones, 4 from `sm`, inside the app's content column (max-w-4xl = 896 px).
// The browser picks w320/w640/w1280 from the srcset; the original is never in it (issue 4: "phones
// never fetch originals").
const THUMB_SIZES = "(min-width: 1024px) 220px, (min-width: 640px) 24vw, 34vw";

function photoDay(photo: GalleryPhoto, locale: string): string {
  return formatDay(amsterdamIsoDate(new Date(photo.takenAt ?? photo.createdAt)), locale);
}

/**
 * A grid of photo thumbnails; a thumbnail opens the full-screen viewer at that photo. Under each
 * downloadable photo a small link downloads the original (domain.md "Timeline, diary, photos").
 */
export function PhotoGallery({ photos, label }: { photos: GalleryPhoto[]; label: string }) {
  const t = useTranslations("Viewer");
  const locale = useLocale();
  const [open, setOpen] = useState<number | null>(null);
  const thumbs = useRef<Array<HTMLButtonElement | null>>([]);
  const idPrefix = useId();

  if (photos.length === 0) return null;
  const total = photos.length;

  const close = (index: number) => {
    setOpen(null);
    // Back to the thumbnail of the photo last shown (it may differ from the one that opened the viewer).
    thumbs.current[index]?.focus();
  };

  return (
    <>
      <ul aria-label={label} className="grid grid-cols-3 gap-2 sm:grid-cols-4">
        {photos.map((photo, index) => (
          <li key={photo.id} className="flex min-w-0 flex-col">
            <button
              ref={(el) => {
                thumbs.current[index] = el;
              }}
              type="button"
              onClick={() => setOpen(index)}
              aria-label={t("openPhoto", { index: index + 1, total, date: photoDay(photo, locale) })}
              aria-describedby={photo.alt ? `${idPrefix}-thumb-${index}` : undefined}
              className="block aspect-square w-full cursor-zoom-in overflow-hidden rounded-lg bg-line"
            >
              {/* Our own authorised, pre-sized variants (app/api/photos): next/image would resize them again. */}
              {/* eslint-disable-next-line @next/next/no-img-element */}
              <img
                id={`${idPrefix}-thumb-${index}`}
                src={photoUrl(photo, "w320")}
                srcSet={photoSrcSet(photo)}
                sizes={THUMB_SIZES}
                width={photo.width}
                height={photo.height}
                loading="lazy"
                decoding="async"
                alt={photo.alt}
                className="size-full object-cover"
              />
            </button>
            {photo.canDownload ? (
              <a
                href={photoUrl(photo, "original", { download: true })}
                download
                aria-label={t("downloadPhoto", { index: index + 1 })}
                className="mt-1 inline-flex min-h-11 items-center justify-center gap-1 rounded-lg px-1 text-sm font-medium text-brand-700 underline-offset-4 hover:bg-brand-50 hover:underline"
              >
                <ViewerIcon name="download" className="size-4 shrink-0" />
                {t("download")}
              </a>
            ) : null}
          </li>
        ))}
      </ul>
      {open !== null ? <PhotoViewer photos={photos} startIndex={open} label={label} onClose={close} /> : null}
    </>
  );
}

type Gesture =
  | { kind: "pan"; pointerId: number; start: Point; startView: View; moved: boolean; pointerType: string; zoomedAtStart: boolean }
  | { kind: "pinch"; start: { view: View; distance: number; midpoint: Point } }
  | null;

/**
 * The full-screen viewer: a modal <dialog> (the page behind is inert, Escape closes it, focus returns
 * to the thumbnail of the photo last shown). Controls and gestures:
 * - previous/next buttons, ArrowLeft/ArrowRight (Home/End: first/last), swipe on touch when not zoomed;
 *   the series stops at its ends (viewer-math.ts `stepIndex`);
 * - zoom buttons, the + and - keys (0 resets), the mouse wheel *with or without* Ctrl (a full-screen
 *   viewer has nothing else to scroll, and Chrome and Firefox report a trackpad pinch as Ctrl + wheel),
 *   two-finger pinch, double-click / double-tap; while zoomed, drag or the arrow keys move the photo.
 * Transitions only run for users who do not ask for reduced motion (`motion-safe:`).
 */
function PhotoViewer({
  photos,
  startIndex,
  label,
  onClose,
}: {
  photos: GalleryPhoto[];
  startIndex: number;
  label: string;
  onClose: (index: number) => void;
}) {
  const t = useTranslations("Viewer");
  const locale = useLocale();
  const dialog = useRef<HTMLDialogElement>(null);
  const idPrefix = useId();
  const stageRef = useRef<HTMLDivElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const downloadLink = useRef<HTMLAnchorElement>(null);
  const [index, setIndex] = useState(startIndex);
  const [rawView, setView] = useState<View>(FITTED);
  const [stage, setStage] = useState<Size>({ width: 0, height: 0 });
  const [failedId, setFailedId] = useState<string | null>(null);
  // Live gesture state: pointers currently down, and what they are doing.
  const pointers = useRef(new Map<number, Point>());
  const gesture = useRef<Gesture>(null);
  const lastTap = useRef<Tap | null>(null);
  const lastPointerType = useRef<string>("mouse");
  const [gesturing, setGesturing] = useState(false);
  const [swipeX, setSwipeX] = useState(0);

  const total = photos.length;
  // The series only grows while the viewer is open (the timeline loads more), but never trust that.
  const photo = photos[Math.min(index, total - 1)]!; // PhotoGallery never opens an empty series
  const fitted = fitSize(photo, stage);
  // Clamped at render time, so a resize (phone rotation) can never leave the photo off-screen.
  const view = clampView(rawView, fitted, stage);
  const zoomed = isZoomed(view);
  const atStart = index === 0;
  const atEnd = index === total - 1;

  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
    // Start on the close button rather than the first control (zoom out, inactive at first).
    closeButton.current?.focus();
    // The page behind must not scroll while the viewer covers it.
    const root = document.documentElement;
    const overflow = root.style.overflow;
    root.style.overflow = "hidden";
    return () => {
      root.style.overflow = overflow;
    };
  }, []);

  useEffect(() => {
    const el = stageRef.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setStage({ width: entry.contentRect.width, height: entry.contentRect.height });
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // React's onWheel is passive; preventing the browser's own (ctrl + wheel) page zoom needs a native listener.
  const { width: fittedWidth, height: fittedHeight } = fitted;
  const { width: stageWidth, height: stageHeight } = stage;
  useEffect(() => {
    const el = stageRef.current;
    if (!el) return;
    const f = { width: fittedWidth, height: fittedHeight };
    const s = { width: stageWidth, height: stageHeight };
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const focus = fromStageCentre(el, event.clientX, event.clientY);
      setView((v) => {
        const current = clampView(v, f, s);
        return zoomAt(current, wheelScale(current.scale, event.deltaY, event.deltaMode), focus, f, s);
      });
    };
    el.addEventListener("wheel", onWheel, { passive: false });
    return () => el.removeEventListener("wheel", onWheel);
  }, [fittedWidth, fittedHeight, stageWidth, stageHeight]);

  // Warm the cache for the neighbours, so next/previous shows the photo at once.
  useEffect(() => {
    for (const neighbour of [photos[index - 1], photos[index + 1]]) {
      if (neighbour) new Image().src = photoUrl(neighbour, "w1280");
    }
  }, [photos, index]);

  const go = (delta: number) => {
    const target = stepIndex(index, delta, total);
    if (target === index) return;
    // The download link goes when the next photo has none: keep the focus in the viewer, not on <body>.
    if (!photos[target]?.canDownload && document.activeElement === downloadLink.current) dialog.current?.focus();
    // Functional: two quick key presses must move two photos even before a re-render.
    setIndex((i) => stepIndex(i, delta, total));
    setView(FITTED);
    setSwipeX(0);
  };

  const zoomBy = (direction: 1 | -1) => setView(zoomStep(view, direction, fitted, stage));
  const reset = () => setView(FITTED);
  const pan = (dx: number, dy: number) => setView(panBy(view, { x: dx, y: dy }, fitted, stage));

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const step = Math.max(40, stage.width * 0.1);
    let handled = true;
    switch (event.key) {
      case "ArrowLeft":
        if (zoomed) pan(step, 0);
        else go(-1);
        break;
      case "ArrowRight":
        if (zoomed) pan(-step, 0);
        else go(1);
        break;
      case "ArrowUp":
        if (zoomed) pan(0, step);
        else handled = false;
        break;
      case "ArrowDown":
        if (zoomed) pan(0, -step);
        else handled = false;
        break;
      case "Home":
        go(-Infinity);
        break;
      case "End":
        go(Infinity);
        break;
      case "+":
      case "=":
        zoomBy(1);
        break;
      case "-":
      case "_":
        zoomBy(-1);
        break;
      case "0":
        reset();
        break;
      default:
        handled = false;
    }
    if (handled) event.preventDefault();
  };

  // Keys are handled on the document, not the dialog: they must work wherever the focus is while the
  // viewer is open (a click on the photo leaves it on the dialog itself, a removed control on <body>).
  const keyHandler = useRef(onKeyDown);
  useEffect(() => {
    keyHandler.current = onKeyDown;
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => keyHandler.current(event);
    document.addEventListener("keydown", listener);
    return () => document.removeEventListener("keydown", listener);
  }, []);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.pointerType === "mouse" && event.button !== 0) return;
    lastPointerType.current = event.pointerType;
    event.currentTarget.setPointerCapture(event.pointerId);
    const point = { x: event.clientX, y: event.clientY };
    pointers.current.set(event.pointerId, point);
    if (pointers.current.size === 1) {
      gesture.current = {
        kind: "pan",
        pointerId: event.pointerId,
        start: point,
        startView: view,
        moved: false,
        pointerType: event.pointerType,
        zoomedAtStart: zoomed,
      };
    } else if (pointers.current.size === 2) {
      const [a, b] = twoPointers(pointers.current);
      const el = event.currentTarget;
      const mid = midpoint(a, b);
      gesture.current = { kind: "pinch", start: { view, distance: distance(a, b), midpoint: fromStageCentre(el, mid.x, mid.y) } };
      setSwipeX(0);
    }
    setGesturing(true);
  };

  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!pointers.current.has(event.pointerId)) return;
    const point = { x: event.clientX, y: event.clientY };
    pointers.current.set(event.pointerId, point);
    const g = gesture.current;
    if (!g) return;
    if (g.kind === "pinch" && pointers.current.size >= 2) {
      const [a, b] = twoPointers(pointers.current);
      const mid = midpoint(a, b);
      const el = event.currentTarget;
      setView(pinchView(g.start, { distance: distance(a, b), midpoint: fromStageCentre(el, mid.x, mid.y) }, fitted, stage));
    } else if (g.kind === "pan" && g.pointerId === event.pointerId) {
      const delta = { x: point.x - g.start.x, y: point.y - g.start.y };
      if (!isTap(delta)) g.moved = true;
      if (g.zoomedAtStart) setView(panBy(g.startView, delta, fitted, stage));
      // The fitted photo follows a finger sideways, as feedback for the swipe.
      else if (g.pointerType !== "mouse") setSwipeX(delta.x);
    }
  };

  const endPointer = (event: PointerEvent<HTMLDivElement>, cancelled: boolean) => {
    if (!pointers.current.has(event.pointerId)) return;
    pointers.current.delete(event.pointerId);
    const g = gesture.current;
    const el = event.currentTarget;
    if (g?.kind === "pinch") {
      // One finger lifted: the other one carries on panning from here (never a swipe or tap).
      const [rest] = [...pointers.current.entries()];
      gesture.current = rest
        ? { kind: "pan", pointerId: rest[0], start: rest[1], startView: view, moved: true, pointerType: "touch", zoomedAtStart: true }
        : null;
      lastTap.current = null;
    } else if (g?.kind === "pan" && g.pointerId === event.pointerId) {
      gesture.current = null;
      const delta = { x: event.clientX - g.start.x, y: event.clientY - g.start.y };
      setSwipeX(0);
      if (!cancelled && g.pointerType !== "mouse") {
        if (!g.zoomedAtStart && g.moved) {
          const direction = swipeDirection(delta, stage.width);
          if (direction) go(direction === "next" ? 1 : -1);
        } else if (!g.moved) {
          // Touch has no dependable dblclick: two quick taps on one spot toggle the zoom.
          const tap = { at: event.timeStamp, point: { x: event.clientX, y: event.clientY } };
          if (isDoubleTap(lastTap.current, tap)) {
            lastTap.current = null;
            setView(toggleZoom(view, fromStageCentre(el, tap.point.x, tap.point.y), fitted, stage));
          } else {
            lastTap.current = tap;
          }
        }
      }
    }
    if (pointers.current.size === 0) setGesturing(false);
  };

  const onDoubleClick = (event: MouseEvent<HTMLDivElement>) => {
    if (lastPointerType.current !== "mouse") return; // handled as a double tap
    setView(toggleZoom(view, fromStageCentre(event.currentTarget, event.clientX, event.clientY), fitted, stage));
  };

  const day = photoDay(photo, locale);
  const percent = Math.round(view.scale * 100);
  const titleId = `${idPrefix}-title`;
  const hintId = `${idPrefix}-hint`;
  const transform = `translate3d(${view.x + swipeX}px, ${view.y}px, 0) scale(${view.scale})`;

  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      aria-describedby={hintId}
      tabIndex={-1}
      onClose={() => onClose(index)}
      className="fixed inset-0 m-0 size-full max-h-none max-w-none bg-black p-0 text-white outline-none backdrop:bg-black"
    >
      <div className="flex size-full flex-col">
        <div className="flex flex-wrap items-center gap-1 px-2 py-1 sm:gap-2 sm:px-4">
          <h2 id={titleId} className="sr-only">
            {label}
          </h2>
          <p className="mr-auto min-w-16 px-2 text-base font-semibold tabular-nums" aria-hidden="true" data-testid="photo-counter">
            {t("counter", { index: index + 1, total })}
          </p>
          <p className="sr-only" aria-live="polite" aria-atomic="true">
            {t("openPhoto", { index: index + 1, total, date: day })}
          </p>
          <span className="hidden px-1 text-sm tabular-nums text-white/80 sm:inline" aria-live="polite">
            {zoomed ? t("zoomLevel", { percent }) : null}
          </span>
          <ToolButton label={t("zoomOut")} icon="zoomOut" onClick={() => zoomBy(-1)} inactive={!zoomed} />
          <ToolButton label={t("zoomIn")} icon="zoomIn" onClick={() => zoomBy(1)} inactive={view.scale >= MAX_SCALE} />
          <ToolButton label={t("zoomReset")} icon="fit" onClick={reset} inactive={!zoomed} />
          {photo.canDownload ? (
            <a
              ref={downloadLink}
              href={photoUrl(photo, "original", { download: true })}
              download
              aria-label={t("downloadCurrent")}
              title={t("downloadCurrent")}
              className={cn(TOOL_CLASSES, "gap-2 px-3")}
            >
              <ViewerIcon name="download" className="size-6 shrink-0" />
              <span className="hidden sm:inline" aria-hidden="true">
                {t("download")}
              </span>
            </a>
          ) : null}
          <ToolButton ref={closeButton} label={t("close")} icon="close" onClick={() => dialog.current?.close()} />
        </div>

        <div className="relative min-h-0 flex-1">
          {/* The prev/next buttons are siblings of the stage, not children: the stage captures the pointer,
              which would otherwise swallow their clicks. */}
          <div
            ref={stageRef}
            className={cn(
              "absolute inset-0 flex touch-none items-center justify-center overflow-hidden select-none",
              zoomed ? (gesturing ? "cursor-grabbing" : "cursor-grab") : null,
            )}
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={(e) => endPointer(e, false)}
            onPointerCancel={(e) => endPointer(e, true)}
            onDoubleClick={onDoubleClick}
          >
            {failedId === photo.id ? (
              <p role="alert" className="px-4 text-center">
                {t("loadError")}
              </p>
            ) : (
              // The w1280 variant: sharp enough full screen on phones and laptops, a fraction of the original.
              // eslint-disable-next-line @next/next/no-img-element
              <img
                key={photo.id}
                src={photoUrl(photo, "w1280")}
                alt={photo.alt || t("fallbackAlt", { date: day })}
                width={photo.width}
                height={photo.height}
                draggable={false}
                onError={() => setFailedId(photo.id)}
                data-testid="photo-viewer-image"
                data-scale={view.scale}
                style={fitted.width > 0 ? { width: fitted.width, height: fitted.height, transform } : { transform }}
                className={cn(
                  // The stage takes every pointer event: one target for down, up and double click, and no
                  // native image drag getting in the way of panning.
                  "pointer-events-none max-w-none shrink-0 will-change-transform",
                  fitted.width > 0 ? null : "max-h-full max-w-full",
                  gesturing ? null : "motion-safe:transition-transform motion-safe:duration-150",
                )}
              />
            )}
          </div>
          <ToolButton
            label={t("previous")}
            icon="previous"
            onClick={() => go(-1)}
            inactive={atStart}
            className="absolute top-1/2 left-2 -translate-y-1/2 bg-black/50 sm:left-4"
          />
          <ToolButton
            label={t("next")}
            icon="next"
            onClick={() => go(1)}
            inactive={atEnd}
            className="absolute top-1/2 right-2 -translate-y-1/2 bg-black/50 sm:right-4"
          />
        </div>

        <div className="px-4 py-2 text-sm">
          {photo.alt ? <p className="font-medium">{photo.alt}</p> : null}
          <p className="text-white/80">{day}</p>
          <p id={hintId} className="mt-1 hidden text-xs text-white/70 md:block">
            {t("hint")}
          </p>
        </div>
      </div>
    </dialog>
  );
}

/** The first two pointers down (a pinch ignores a third finger). */
function twoPointers(pointers: Map<number, Point>): [Point, Point] {
  const [a, b] = [...pointers.values()];
  return [a ?? { x: 0, y: 0 }, b ?? a ?? { x: 0, y: 0 }];
}

/** A point in client coordinates as an offset from the stage's centre (the viewer-math convention). */
function fromStageCentre(el: HTMLElement, clientX: number, clientY: number): Point {
  const rect = el.getBoundingClientRect();
  return { x: clientX - (rect.left + rect.width / 2), y: clientY - (rect.top + rect.height / 2) };
}

const TOOL_CLASSES =
  "inline-flex min-h-11 min-w-11 items-center justify-center rounded-full text-white hover:bg-white/15 focus-visible:outline-white";

/**
 * An icon button of the viewer. At the ends of the series (or zoom range) it is `aria-disabled`, not
 * `disabled`: a disabled button would drop the keyboard focus out of the dialog.
 */
function ToolButton({
  label,
  icon,
  onClick,
  inactive = false,
  className,
  ref,
}: {
  ref?: Ref<HTMLButtonElement>;
  label: string;
  icon: ViewerIconName;
  onClick: () => void;
  inactive?: boolean;
  className?: string;
}) {
  return (
    <button
      ref={ref}
      type="button"
      aria-label={label}
      title={label}
      aria-disabled={inactive || undefined}
      onClick={inactive ? undefined : onClick}
      className={cn(TOOL_CLASSES, inactive ? "cursor-default opacity-40 hover:bg-transparent" : null, className)}
    >
      <ViewerIcon name={icon} className="size-6" />
    </button>
  );
}

type ViewerIconName = "previous" | "next" | "zoomIn" | "zoomOut" | "fit" | "download" | "close";

const ICON_PATHS: Record<ViewerIconName, ReactNode> = {
  previous: <path d="M15 5l-7 7 7 7" />,
  next: <path d="M9 5l7 7-7 7" />,
  zoomIn: (
    <>
      <circle cx="10.5" cy="10.5" r="6.5" />
      <path d="M15.5 15.5 20 20M10.5 7.5v6M7.5 10.5h6" />
    </>
  ),
  zoomOut: (
    <>
      <circle cx="10.5" cy="10.5" r="6.5" />
      <path d="M15.5 15.5 20 20M7.5 10.5h6" />
    </>
  ),
  fit: <path d="M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5" />,
  download: <path d="M12 4v11M7 10.5l5 5 5-5M5 19.5h14" />,
  close: <path d="M6 6l12 12M18 6 6 18" />,
};

function ViewerIcon({ name, className }: { name: ViewerIconName; className?: string }): ReactElement {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      className={className}
    >
      {ICON_PATHS[name]}
    </svg>
  );
}
