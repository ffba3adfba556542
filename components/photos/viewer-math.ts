// Pure geometry and gesture rules of the photo viewer (components/photos/photo-viewer.tsx), kept free
// of React and the DOM so they can be unit-tested exhaustively.
//
// The photo is laid out "contain"-fitted in the middle of the stage and transformed with
// `translate(x, y) scale(scale)` around its centre, so `x`/`y` are the offset of the photo's centre
// from the stage's centre in screen pixels.

export interface Size {
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface View {
  scale: number;
  x: number;
  y: number;
}

export const MIN_SCALE = 1;
export const MAX_SCALE = 5;
/** One press of a zoom button or key multiplies (or divides) the scale by this. */
export const ZOOM_STEP = 1.5;
/** Where a double click or double tap zooms to from the fitted view. */
export const DOUBLE_TAP_SCALE = 2.5;
/** Scales this close to 1 count as "not zoomed" (a pinch rarely ends exactly at 1). */
const FIT_EPSILON = 0.01;

export const FITTED: View = { scale: 1, x: 0, y: 0 };

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

export function clampScale(scale: number): number {
  if (!Number.isFinite(scale)) return MIN_SCALE;
  const clamped = clamp(scale, MIN_SCALE, MAX_SCALE);
  return clamped - MIN_SCALE < FIT_EPSILON ? MIN_SCALE : clamped;
}

export function isZoomed(view: View): boolean {
  return view.scale > MIN_SCALE;
}

/**
 * The size of a photo "contain"-fitted in the stage: as large as fits, aspect ratio kept. Small photos
 * are scaled up too (the viewer shows the w1280 variant, so this is the normal case on a phone).
 */
export function fitSize(photo: Size, stage: Size): Size {
  if (photo.width <= 0 || photo.height <= 0 || stage.width <= 0 || stage.height <= 0) return { width: 0, height: 0 };
  const ratio = Math.min(stage.width / photo.width, stage.height / photo.height);
  return { width: photo.width * ratio, height: photo.height * ratio };
}

/**
 * Keeps the zoomed photo covering the stage: the offset may move an edge of the photo up to the
 * stage's edge, never further; along an axis where the photo is smaller than the stage it stays centred.
 */
export function clampView(view: View, fitted: Size, stage: Size): View {
  const scale = clampScale(view.scale);
  const maxX = Math.max(0, (fitted.width * scale - stage.width) / 2);
  const maxY = Math.max(0, (fitted.height * scale - stage.height) / 2);
  // `+ 0` turns -0 into 0, so a centred view is always exactly FITTED.
  return { scale, x: clamp(view.x, -maxX, maxX) + 0, y: clamp(view.y, -maxY, maxY) + 0 };
}

/**
 * Zooms to `scale` keeping the photo point under `focus` (screen pixels from the stage's centre: the
 * mouse pointer, the middle of a pinch) where it is, then clamps.
 */
export function zoomAt(view: View, scale: number, focus: Point, fitted: Size, stage: Size): View {
  const next = clampScale(scale);
  const ratio = next / view.scale;
  return clampView(
    { scale: next, x: focus.x - ratio * (focus.x - view.x), y: focus.y - ratio * (focus.y - view.y) },
    fitted,
    stage,
  );
}

/** Zoom in (+1) or out (-1) by one step around the stage's centre: buttons and the + and - keys. */
export function zoomStep(view: View, direction: 1 | -1, fitted: Size, stage: Size): View {
  const scale = direction > 0 ? view.scale * ZOOM_STEP : view.scale / ZOOM_STEP;
  return zoomAt(view, scale, { x: 0, y: 0 }, fitted, stage);
}

/** Double click / double tap: zoom in on that point from the fitted view, back to fitted otherwise. */
export function toggleZoom(view: View, focus: Point, fitted: Size, stage: Size): View {
  return isZoomed(view) ? FITTED : zoomAt(view, DOUBLE_TAP_SCALE, focus, fitted, stage);
}

/** Moves the zoomed photo by a drag (or arrow key) delta; clamped. The fitted view does not pan. */
export function panBy(view: View, delta: Point, fitted: Size, stage: Size): View {
  if (!isZoomed(view)) return FITTED;
  return clampView({ scale: view.scale, x: view.x + delta.x, y: view.y + delta.y }, fitted, stage);
}

/** Pixels a mouse wheel event scrolled, whatever unit the browser reports (Firefox often uses lines). */
export function wheelPixels(delta: number, deltaMode: number): number {
  if (deltaMode === 1) return delta * 16; // DOM_DELTA_LINE
  if (deltaMode === 2) return delta * 800; // DOM_DELTA_PAGE
  return delta;
}

/**
 * The scale after a wheel event: scrolling up (negative delta) zooms in. Exponential, so a notch
 * (about 100 px) is a step of about 20 % whatever the current scale, and a trackpad's many small
 * deltas (Chrome and Firefox report a trackpad pinch as ctrl + wheel) add up to the same.
 */
export function wheelScale(scale: number, deltaY: number, deltaMode: number): number {
  const pixels = clamp(wheelPixels(deltaY, deltaMode), -300, 300);
  return clampScale(scale * Math.exp(-pixels * 0.002));
}

export function distance(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

export function midpoint(a: Point, b: Point): Point {
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
}

/** Two-finger pinch: the scale grows with the distance between the fingers since the pinch began. */
export function pinchScale(startScale: number, startDistance: number, currentDistance: number): number {
  if (startDistance <= 0 || currentDistance <= 0) return clampScale(startScale);
  return clampScale(startScale * (currentDistance / startDistance));
}

/**
 * The view during a pinch: zoomed around where the fingers started, then moved with their midpoint
 * (so two fingers both zoom and pan, as in a phone's own photo app).
 */
export function pinchView(
  start: { view: View; distance: number; midpoint: Point },
  current: { distance: number; midpoint: Point },
  fitted: Size,
  stage: Size,
): View {
  const scale = pinchScale(start.view.scale, start.distance, current.distance);
  const zoomed = zoomAt(start.view, scale, start.midpoint, fitted, stage);
  const moved = { x: current.midpoint.x - start.midpoint.x, y: current.midpoint.y - start.midpoint.y };
  return clampView({ scale: zoomed.scale, x: zoomed.x + moved.x, y: zoomed.y + moved.y }, fitted, stage);
}

/**
 * Next/previous stop at the ends (no wrap-around): the counter "12 / 12" then clearly means "last",
 * and a timeline that loads more photos on scroll has no meaningful "after the last one".
 */
export function stepIndex(index: number, delta: number, count: number): number {
  if (count <= 0) return 0;
  return clamp(index + delta, 0, count - 1);
}

/** A swipe must travel at least this share of the stage's width (or MIN_SWIPE_PX, whichever is more). */
export const SWIPE_FRACTION = 0.15;
export const MIN_SWIPE_PX = 48;

/**
 * A finished one-finger drag on the fitted photo: far enough and mostly sideways is a swipe. Swiping
 * left (the finger moves to the left) shows the next photo, as in every phone's photo app.
 */
export function swipeDirection(delta: Point, stageWidth: number): "next" | "previous" | null {
  const threshold = Math.max(MIN_SWIPE_PX, stageWidth * SWIPE_FRACTION);
  if (Math.abs(delta.x) < threshold) return null;
  // Mostly horizontal: a diagonal flick or a vertical scroll attempt is not a swipe.
  if (Math.abs(delta.y) > Math.abs(delta.x) * 0.6) return null;
  return delta.x < 0 ? "next" : "previous";
}

export const DOUBLE_TAP_MS = 300;
export const DOUBLE_TAP_PX = 30;

export interface Tap {
  at: number;
  point: Point;
}

/** Two taps close together in time and place make a double tap (touch has no dblclick we can rely on). */
export function isDoubleTap(previous: Tap | null, current: Tap): boolean {
  if (!previous) return false;
  const elapsed = current.at - previous.at;
  return elapsed >= 0 && elapsed <= DOUBLE_TAP_MS && distance(previous.point, current.point) <= DOUBLE_TAP_PX;
}

/** A pointer that moved less than this between down and up is a tap, not a drag. */
export const TAP_SLOP_PX = 10;

export function isTap(delta: Point): boolean {
  return Math.hypot(delta.x, delta.y) < TAP_SLOP_PX;
}
