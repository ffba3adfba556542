import { eachDay, endOfMonth, startOfMonth } from "@/lib/domain/dates";

// The "Ruildag aanvragen" form's bookkeeping (seed 002 §5.3), kept apart from the React component so it
// can be unit-tested: the options per child and date the page loads month by month (plain DTOs with
// the shape of lib/db/requests/options.ts), what the parent ticked, and the request that results.

export type SwapBlocked = "PAST" | "TODAY" | "TOO_FAR" | "CLOSED";

/** A scheduled day part that a swap may give up (GiveUpOption). */
export interface SwapGiveUpPart {
  dayPartId: string;
  code: string;
  startMinute: number;
  endMinute: number;
  canGiveUp: boolean;
  reason: "NOT_CONTRACT" | "PENDING_SWAP" | null;
}

/** A day part that can be wanted instead (DayPartOption). */
export interface SwapWantPart {
  dayPartId: string;
  code: string;
  groupName: string;
  startMinute: number;
  endMinute: number;
  /** "reeds gepland": the scheduled times; cannot be wanted. */
  alreadyScheduled: { startMinute: number; endMinute: number } | null;
  /** A request for it is already pending ("Optie extra"). */
  pending: boolean;
  /** Reported absent that day: not wantable (cancel the absence instead). */
  absent: boolean;
  /** Its location is closed that day. */
  closed: boolean;
}

/** One child on one date. */
export interface SwapDayOption {
  childId: string;
  date: string;
  blocked: SwapBlocked | null;
  scheduled: SwapGiveUpPart[];
  dayParts: SwapWantPart[];
}

/** Options by `childId|date`, gathered over the months loaded so far. */
export type SwapOptionIndex = ReadonlyMap<string, SwapDayOption>;

export const optionKey = (childId: string, date: string) => `${childId}|${date}`;
export const slotKey = (childId: string, date: string, dayPartId: string) => `${childId}|${date}|${dayPartId}`;

/** The loaded options added to (and overriding) what was known: the newest load is the truth. */
export function mergeOptions(known: SwapOptionIndex, loaded: readonly SwapDayOption[]): Map<string, SwapDayOption> {
  const next = new Map(known);
  for (const o of loaded) next.set(optionKey(o.childId, o.date), o);
  return next;
}

/** The dates of a month, first to last. */
export const monthDates = (month: string): string[] => eachDay(startOfMonth(month), endOfMonth(month));

export interface SwapSlotInput {
  date: string;
  dayPartId: string;
}

export interface SwapChildInput {
  childId: string;
  giveUp: SwapSlotInput[];
  want: SwapSlotInput[];
}

export interface SwapSelection {
  /** The chosen children, in the order they are listed. */
  childIds: readonly string[];
  /** The date or period to give up. */
  period: { from: string; to: string } | null;
  /** Give-up day parts the parent unticked (by slotKey); every other one that can be given up is ticked. */
  unticked: ReadonlySet<string>;
  /** The target date. */
  target: string | null;
  /** Wanted day parts on the target date (by slotKey). */
  wanted: ReadonlySet<string>;
}

/** What can be given up per date in the period for one child (dates without scheduled care left out). */
export function giveUpDays(options: SwapOptionIndex, childId: string, period: { from: string; to: string } | null): { date: string; parts: SwapGiveUpPart[] }[] {
  if (!period) return [];
  return eachDay(period.from, period.to)
    .map((date) => ({ date, parts: options.get(optionKey(childId, date))?.scheduled ?? [] }))
    .filter((d) => d.parts.length > 0);
}

/** Whether a wanted day part can be ticked. */
export const canWant = (option: SwapDayOption | undefined, part: SwapWantPart) =>
  option !== undefined && option.blocked === null && part.alreadyScheduled === null && !part.pending && !part.absent && !part.closed;

/** The request's children: per chosen child the ticked day parts to give up and the wanted ones. */
export function swapChildren(options: SwapOptionIndex, s: SwapSelection): SwapChildInput[] {
  return s.childIds.map((childId) => {
    const giveUp = giveUpDays(options, childId, s.period).flatMap((d) =>
      d.parts.filter((p) => p.canGiveUp && !s.unticked.has(slotKey(childId, d.date, p.dayPartId))).map((p) => ({ date: d.date, dayPartId: p.dayPartId })),
    );
    const option = s.target ? options.get(optionKey(childId, s.target)) : undefined;
    const want = (option?.dayParts ?? [])
      .filter((p) => canWant(option, p) && s.wanted.has(slotKey(childId, s.target!, p.dayPartId)))
      .map((p) => ({ date: s.target!, dayPartId: p.dayPartId }));
    return { childId, giveUp, want };
  });
}

export interface SwapChildBalance {
  givenUpMinutes: number;
  wantedMinutes: number;
  /** Given up − wanted when less is wanted ("dan vervalt de restanttijd"). */
  forfeitedMinutes: number;
  /** More wanted than given up: the server refuses (SwapDay.errors.wantedExceedsGivenUp). */
  exceeds: boolean;
}

/** The live hours of one child's part of the request. */
export function childBalance(options: SwapOptionIndex, child: SwapChildInput): SwapChildBalance {
  const minutes = (slot: SwapSlotInput, side: "giveUp" | "want") => {
    const option = options.get(optionKey(child.childId, slot.date));
    const parts: { dayPartId: string; startMinute: number; endMinute: number }[] = side === "giveUp" ? (option?.scheduled ?? []) : (option?.dayParts ?? []);
    const part = parts.find((p) => p.dayPartId === slot.dayPartId);
    return part ? part.endMinute - part.startMinute : 0;
  };
  const givenUpMinutes = child.giveUp.reduce((sum, s) => sum + minutes(s, "giveUp"), 0);
  const wantedMinutes = child.want.reduce((sum, s) => sum + minutes(s, "want"), 0);
  return { givenUpMinutes, wantedMinutes, forfeitedMinutes: Math.max(0, givenUpMinutes - wantedMinutes), exceeds: wantedMinutes > givenUpMinutes };
}

/** The distinct dates given up, sorted (what "Als geheel beoordelen" is about). */
export function givenUpDates(children: readonly SwapChildInput[]): string[] {
  return [...new Set(children.flatMap((c) => c.giveUp.map((s) => s.date)))].sort();
}

/**
 * "Als geheel beoordelen" is only possible for one single date given up (domain canAssessAsWhole).
 * Before anything is ticked, the period decides.
 */
export function assessAsWholePossible(children: readonly SwapChildInput[], period: { from: string; to: string } | null): boolean {
  const dates = givenUpDates(children);
  if (dates.length > 0) return dates.length === 1;
  return !period || period.from === period.to;
}

/** The latest expiry date: the first date of the swap (given up or wanted); null while nothing is known. */
export function latestExpiry(children: readonly SwapChildInput[], period: { from: string; to: string } | null, target: string | null): string | null {
  const dates = children.flatMap((c) => [...c.giveUp, ...c.want].map((s) => s.date));
  if (dates.length === 0) {
    if (period) dates.push(period.from);
    if (target) dates.push(target);
  }
  return dates.length > 0 ? dates.sort()[0]! : null;
}

/** The message key for a date that cannot be used. */
export function blockedKey(blocked: SwapBlocked): string {
  const map: Record<SwapBlocked, string> = { PAST: "past", TODAY: "today", TOO_FAR: "tooFar", CLOSED: "closed" };
  return `SwapDay.errors.${map[blocked]}`;
}

/**
 * A server field error path ("children.0.want.1", "children.0", "expiresOn") → where the form shows
 * it: the child (by index in the request) and its side, or a top-level field.
 */
export function errorTarget(path: string): { child: number; side: "giveUp" | "want" | null } | { field: string } {
  const m = /^children\.(\d+)(?:\.(giveUp|want|childId))?/.exec(path);
  if (m) return { child: Number(m[1]), side: m[2] === "giveUp" || m[2] === "want" ? m[2] : null };
  return { field: path.split(".")[0]! };
}

/** A react-hook-form error tree (nested objects and arrays with `message`s) as path → first message. */
export function flattenErrors(tree: unknown, prefix = "", out: Record<string, string> = {}): Record<string, string> {
  if (!tree || typeof tree !== "object") return out;
  const node = tree as Record<string, unknown>;
  if (typeof node.message === "string" && node.message && prefix && !(prefix in out)) out[prefix] = node.message;
  for (const [key, value] of Object.entries(node)) {
    if (key === "ref" || key === "message" || key === "type" || key === "types") continue;
    if (value && typeof value === "object") flattenErrors(value, prefix ? `${prefix}.${key}` : key, out);
  }
  return out;
}

export interface PlacedErrors {
  /** Top-level fields: children, assessAsWhole, expiresOn, comment, … */
  fields: Record<string, string>;
  /** Per child (index in the request): its give-up list, its wanted list, or the child as a whole. */
  children: Record<number, { giveUp?: string; want?: string; child?: string }>;
}

/** Where each error goes on the form (the first message per place wins). */
export function placeErrors(flat: Record<string, string>): PlacedErrors {
  const placed: PlacedErrors = { fields: {}, children: {} };
  for (const [path, message] of Object.entries(flat)) {
    const target = errorTarget(path);
    if ("field" in target) {
      placed.fields[target.field] ??= message;
    } else {
      const entry = (placed.children[target.child] ??= {});
      entry[target.side ?? "child"] ??= message;
    }
  }
  return placed;
}
