import { describe, expect, it } from "vitest";
import {
  clampScale,
  clampView,
  DOUBLE_TAP_MS,
  DOUBLE_TAP_PX,
  DOUBLE_TAP_SCALE,
  FITTED,
  fitSize,
  isDoubleTap,
  isTap,
  isZoomed,
  MAX_SCALE,
  MIN_SWIPE_PX,
  panBy,
  pinchScale,
  pinchView,
  stepIndex,
  swipeDirection,
  toggleZoom,
  wheelPixels,
  wheelScale,
  ZOOM_STEP,
  zoomAt,
  zoomStep,
  distance,
  midpoint,
} from "./viewer-math";

// A 4:3 landscape photo on a 1000 × 600 stage: fitted to 800 × 600 (height-bound).
const PHOTO = { width: 4032, height: 3024 };
const STAGE = { width: 1000, height: 600 };
const FIT = { width: 800, height: 600 };

describe("fitSize", () => {
  it("fits a landscape photo by height on a wide stage and keeps the aspect ratio", () => {
    expect(fitSize(PHOTO, STAGE)).toEqual(FIT);
  });

  it("fits by width on a phone in portrait", () => {
    expect(fitSize(PHOTO, { width: 400, height: 800 })).toEqual({ width: 400, height: 300 });
  });

  it("scales a small photo up to the stage", () => {
    expect(fitSize({ width: 320, height: 240 }, STAGE)).toEqual(FIT);
  });

  it("is empty while the stage or photo has no size yet", () => {
    expect(fitSize(PHOTO, { width: 0, height: 600 })).toEqual({ width: 0, height: 0 });
    expect(fitSize({ width: 0, height: 0 }, STAGE)).toEqual({ width: 0, height: 0 });
  });
});

describe("clampScale", () => {
  it("keeps the scale between fitted and the maximum", () => {
    expect(clampScale(0.3)).toBe(1);
    expect(clampScale(2)).toBe(2);
    expect(clampScale(50)).toBe(MAX_SCALE);
  });

  it("snaps a pinch that ends just above fitted back to fitted", () => {
    expect(clampScale(1.004)).toBe(1);
    expect(isZoomed({ scale: clampScale(1.004), x: 0, y: 0 })).toBe(false);
  });

  it("treats nonsense as fitted", () => {
    expect(clampScale(Number.NaN)).toBe(1);
    expect(clampScale(Number.POSITIVE_INFINITY)).toBe(1);
  });
});

describe("clampView", () => {
  it("keeps the fitted photo centred: no panning at scale 1", () => {
    expect(clampView({ scale: 1, x: 120, y: -40 }, FIT, STAGE)).toEqual(FITTED);
  });

  it("lets a zoomed photo move until its edge reaches the stage's edge", () => {
    // At 2×: 1600 × 1200, so 300 px of slack each side horizontally and 300 px vertically.
    expect(clampView({ scale: 2, x: 1000, y: -1000 }, FIT, STAGE)).toEqual({ scale: 2, x: 300, y: -300 });
    expect(clampView({ scale: 2, x: -120, y: 50 }, FIT, STAGE)).toEqual({ scale: 2, x: -120, y: 50 });
  });

  it("keeps an axis centred while the zoomed photo is still narrower than the stage", () => {
    // At 1.2×: 960 wide on a 1000 wide stage (centred), 720 high on 600 (60 px slack).
    expect(clampView({ scale: 1.2, x: 30, y: 100 }, FIT, STAGE)).toEqual({ scale: 1.2, x: 0, y: 60 });
  });

  it("clamps the scale too", () => {
    expect(clampView({ scale: 9, x: 0, y: 0 }, FIT, STAGE).scale).toBe(MAX_SCALE);
  });
});

describe("zoomAt", () => {
  it("zooms around the centre without moving the photo", () => {
    expect(zoomAt(FITTED, 2, { x: 0, y: 0 }, FIT, STAGE)).toEqual({ scale: 2, x: 0, y: 0 });
  });

  it("keeps the point under the pointer in place", () => {
    const focus = { x: 200, y: 100 };
    const view = zoomAt(FITTED, 2, focus, FIT, STAGE);
    // The photo point under the focus was (200, 100) from the photo centre at scale 1; at scale 2 it
    // sits at offset + 2 × point, which must still be the focus.
    expect(view).toEqual({ scale: 2, x: -200, y: -100 });
    expect(view.x + 2 * 200).toBe(focus.x);
    expect(view.y + 2 * 100).toBe(focus.y);
  });

  it("clamps when the point is near an edge", () => {
    expect(zoomAt(FITTED, 2, { x: 500, y: 300 }, FIT, STAGE)).toEqual({ scale: 2, x: -300, y: -300 });
  });

  it("recentres when zooming back out to fitted", () => {
    expect(zoomAt({ scale: 3, x: 400, y: -200 }, 1, { x: 100, y: 100 }, FIT, STAGE)).toEqual(FITTED);
  });
});

describe("zoomStep", () => {
  it("zooms in and out by one step around the centre", () => {
    const inOnce = zoomStep(FITTED, 1, FIT, STAGE);
    expect(inOnce.scale).toBe(ZOOM_STEP);
    expect(zoomStep(inOnce, -1, FIT, STAGE)).toEqual(FITTED);
  });

  it("stops at the maximum and at fitted", () => {
    let view = FITTED;
    for (let i = 0; i < 20; i++) view = zoomStep(view, 1, FIT, STAGE);
    expect(view.scale).toBe(MAX_SCALE);
    expect(zoomStep(FITTED, -1, FIT, STAGE)).toEqual(FITTED);
  });

  it("keeps the stage centre fixed while zoomed and panned", () => {
    const view = zoomStep({ scale: 2, x: 100, y: 0 }, 1, FIT, STAGE);
    expect(view).toEqual({ scale: 3, x: 150, y: 0 });
  });
});

describe("toggleZoom", () => {
  it("zooms in on the double-clicked point from fitted", () => {
    expect(toggleZoom(FITTED, { x: 0, y: 0 }, FIT, STAGE)).toEqual({ scale: DOUBLE_TAP_SCALE, x: 0, y: 0 });
    const view = toggleZoom(FITTED, { x: 100, y: -40 }, FIT, STAGE);
    expect(view.scale).toBe(DOUBLE_TAP_SCALE);
    expect(view.x).toBeCloseTo(-150);
    expect(view.y).toBeCloseTo(60);
  });

  it("goes back to fitted from any zoom", () => {
    expect(toggleZoom({ scale: 4, x: 200, y: 100 }, { x: 0, y: 0 }, FIT, STAGE)).toEqual(FITTED);
  });
});

describe("panBy", () => {
  it("moves a zoomed photo and clamps at the edges", () => {
    expect(panBy({ scale: 2, x: 0, y: 0 }, { x: 50, y: -20 }, FIT, STAGE)).toEqual({ scale: 2, x: 50, y: -20 });
    expect(panBy({ scale: 2, x: 280, y: 0 }, { x: 50, y: 0 }, FIT, STAGE)).toEqual({ scale: 2, x: 300, y: 0 });
  });

  it("does not move the fitted photo", () => {
    expect(panBy(FITTED, { x: 50, y: 50 }, FIT, STAGE)).toEqual(FITTED);
  });
});

describe("wheel", () => {
  it("normalises Firefox's line and page deltas to pixels", () => {
    expect(wheelPixels(3, 1)).toBe(48);
    expect(wheelPixels(1, 2)).toBe(800);
    expect(wheelPixels(100, 0)).toBe(100);
  });

  it("zooms in when scrolling up and out when scrolling down", () => {
    expect(wheelScale(1, -100, 0)).toBeGreaterThan(1);
    expect(wheelScale(2, 100, 0)).toBeLessThan(2);
  });

  it("zooms by the same factor for a pixel notch and Firefox's three lines", () => {
    expect(wheelScale(2, -48, 0)).toBeCloseTo(wheelScale(2, -3, 1));
  });

  it("adds many small trackpad deltas up to one large one", () => {
    let scale = 1.5;
    for (let i = 0; i < 10; i++) scale = wheelScale(scale, -10, 0);
    expect(scale).toBeCloseTo(wheelScale(1.5, -100, 0));
  });

  it("limits one huge wheel jump and stays within the scale bounds", () => {
    expect(wheelScale(1, -100_000, 0)).toBeLessThan(2);
    expect(wheelScale(1, 500, 0)).toBe(1);
    expect(wheelScale(MAX_SCALE, -500, 0)).toBe(MAX_SCALE);
  });
});

describe("pinch", () => {
  it("measures the distance and midpoint between two fingers", () => {
    expect(distance({ x: 0, y: 0 }, { x: 30, y: 40 })).toBe(50);
    expect(midpoint({ x: 0, y: 10 }, { x: 30, y: 40 })).toEqual({ x: 15, y: 25 });
  });

  it("scales with the change in distance from where the pinch began", () => {
    expect(pinchScale(1, 100, 200)).toBe(2);
    expect(pinchScale(2, 200, 100)).toBe(1);
    expect(pinchScale(2, 100, 150)).toBe(3);
  });

  it("stays within the bounds", () => {
    expect(pinchScale(1, 100, 50)).toBe(1);
    expect(pinchScale(3, 100, 1000)).toBe(MAX_SCALE);
  });

  it("ignores a zero distance (both fingers on the same spot)", () => {
    expect(pinchScale(2, 0, 100)).toBe(2);
    expect(pinchScale(2, 100, 0)).toBe(2);
  });

  it("zooms around the fingers' midpoint and follows it when the fingers move together", () => {
    const start = { view: FITTED, distance: 100, midpoint: { x: 100, y: 50 } };
    // Spread to twice the distance without moving: the point under the midpoint stays put.
    expect(pinchView(start, { distance: 200, midpoint: { x: 100, y: 50 } }, FIT, STAGE)).toEqual({ scale: 2, x: -100, y: -50 });
    // Same spread while the midpoint moves 40 px right: the photo moves with it.
    expect(pinchView(start, { distance: 200, midpoint: { x: 140, y: 50 } }, FIT, STAGE)).toEqual({ scale: 2, x: -60, y: -50 });
  });

  it("pinching back in returns to the centred fitted view", () => {
    const start = { view: { scale: 2, x: -100, y: -50 }, distance: 200, midpoint: { x: 0, y: 0 } };
    expect(pinchView(start, { distance: 80, midpoint: { x: 30, y: 30 } }, FIT, STAGE)).toEqual(FITTED);
  });
});

describe("stepIndex", () => {
  it("moves to the next and previous photo", () => {
    expect(stepIndex(2, 1, 12)).toBe(3);
    expect(stepIndex(2, -1, 12)).toBe(1);
  });

  it("stops at the first and last photo instead of wrapping", () => {
    expect(stepIndex(0, -1, 12)).toBe(0);
    expect(stepIndex(11, 1, 12)).toBe(11);
  });

  it("jumps to the ends (Home/End) and copes with an empty series", () => {
    expect(stepIndex(5, -Infinity, 12)).toBe(0);
    expect(stepIndex(5, Infinity, 12)).toBe(11);
    expect(stepIndex(0, 1, 0)).toBe(0);
  });
});

describe("swipeDirection", () => {
  it("a long enough swipe to the left shows the next photo, to the right the previous one", () => {
    expect(swipeDirection({ x: -120, y: 10 }, 400)).toBe("next");
    expect(swipeDirection({ x: 120, y: -10 }, 400)).toBe("previous");
  });

  it("ignores short drags: at least 15 % of the stage width, and never less than the minimum", () => {
    expect(swipeDirection({ x: -59, y: 0 }, 400)).toBeNull(); // threshold 60 px
    expect(swipeDirection({ x: -60, y: 0 }, 400)).toBe("next");
    expect(swipeDirection({ x: -(MIN_SWIPE_PX - 1), y: 0 }, 200)).toBeNull(); // 15 % would be 30 px
    expect(swipeDirection({ x: -MIN_SWIPE_PX, y: 0 }, 200)).toBe("next");
  });

  it("ignores mostly vertical and steep diagonal drags", () => {
    expect(swipeDirection({ x: -100, y: 200 }, 400)).toBeNull();
    expect(swipeDirection({ x: -100, y: 70 }, 400)).toBeNull();
    expect(swipeDirection({ x: -100, y: 50 }, 400)).toBe("next");
  });
});

describe("taps", () => {
  const tap = (at: number, x: number, y = 0) => ({ at, point: { x, y } });

  it("two taps quickly on the same spot are a double tap", () => {
    expect(isDoubleTap(tap(1000, 100), tap(1000 + DOUBLE_TAP_MS, 100 + DOUBLE_TAP_PX))).toBe(true);
  });

  it("slow, distant or first taps are not", () => {
    expect(isDoubleTap(null, tap(1000, 100))).toBe(false);
    expect(isDoubleTap(tap(1000, 100), tap(1000 + DOUBLE_TAP_MS + 1, 100))).toBe(false);
    expect(isDoubleTap(tap(1000, 100), tap(1100, 100 + DOUBLE_TAP_PX + 1))).toBe(false);
    expect(isDoubleTap(tap(1000, 100), tap(900, 100))).toBe(false);
  });

  it("a pointer that barely moved is a tap, a drag is not", () => {
    expect(isTap({ x: 3, y: -4 })).toBe(true);
    expect(isTap({ x: 8, y: 8 })).toBe(false);
  });
});
