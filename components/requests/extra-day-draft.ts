import type { ChildOptions, CreditOption, DayPartOption } from "@/lib/db/requests/options";
import type { ExtraDayPayment } from "@/lib/schemas/extra-day";

// The "Dag aanvragen" form's bookkeeping, kept out of the component so it can be tested: what a
// date or a period offers per child, and the bookings added to the request so far ("Dag toevoegen"
// adds bookings; one request holds several). The server re-checks everything on submit; this only
// keeps the parent from picking what cannot work (seed 002 §5.2). Every "Toevoegen" is one booking
// (a date or a period, for one or more children and day parts): its rows share a `booking` number,
// the unit the parent can later cancel per child.

/** One booked day part of the request being composed, with what the form shows for it. */
export interface DraftBooking {
  key: string;
  /** The "Toevoegen" it was added with; renumbered densely on submit (numberBookings). */
  booking: number;
  childId: string;
  childName: string;
  date: string;
  dayPartId: string;
  code: string;
  groupName: string;
  startMinute: number;
  endMinute: number;
  minutes: number;
  payment: ExtraDayPayment;
  /** Invoice price; null for flex hours and credit payments (nothing invoiced). */
  priceCents: number | null;
}

/** A day part a child can request on the picked date or period. */
export interface DayPartChoice {
  dayPartId: string;
  code: string;
  groupName: string;
  startMinute: number;
  endMinute: number;
  minutes: number;
  payment: "INVOICE" | "FLEX";
  priceCents: number | null;
  /** The dates of the pick on which it can be requested (not scheduled, not pending, not in the draft). */
  dates: string[];
  /** Dates of the pick on which it is already scheduled ("reeds gepland"), with the scheduled times. */
  scheduled: { date: string; startMinute: number; endMinute: number }[];
  /** Dates of the pick on which it cannot be requested for another reason (closed, pending, reported absent, too late for flex, in the draft). */
  unavailable: string[];
  /** Dates of the pick on which the child is reported absent for it, or its location is closed. */
  absent: string[];
  closed: string[];
  /** Credits that can pay it on every one of `dates` together (no mixing, no partial payment). */
  credits: CreditOption[];
}

export const bookingKey = (childId: string, date: string, dayPartId: string) => `${childId}|${date}|${dayPartId}`;

/**
 * The children's options with the days of a newly loaded month added to those already known (the form
 * keeps every month it has seen, so a period can run on into the next month). Newer data wins per date.
 */
export function mergeChildDays(known: readonly ChildOptions[], loaded: readonly ChildOptions[]): ChildOptions[] {
  return loaded.map((child) => {
    const days = new Map((known.find((k) => k.id === child.id)?.days ?? []).map((d) => [d.date, d]));
    for (const d of child.days) days.set(d.date, d);
    return { ...child, days: [...days.values()].sort((a, b) => a.date.localeCompare(b.date)) };
  });
}

/** Credit minutes the draft already spends, per credit id. */
export function creditUse(draft: readonly DraftBooking[]): Map<string, number> {
  const used = new Map<string, number>();
  for (const b of draft) {
    if (b.payment.method === "CREDIT") used.set(b.payment.creditId, (used.get(b.payment.creditId) ?? 0) + b.minutes);
  }
  return used;
}

/**
 * Whether bookings about to be added spend more of a credit than it has left (`offered` are the credit
 * options shown, whose remainingMinutes already exclude the draft). Each choice only offers credits that
 * cover it alone; two choices paid with the same credit in one go may not fit together.
 */
export function creditOverspent(added: readonly DraftBooking[], offered: readonly CreditOption[]): boolean {
  const left = new Map(offered.map((c) => [c.id, c.remainingMinutes]));
  for (const [id, minutes] of creditUse(added)) if (minutes > (left.get(id) ?? 0)) return true;
  return false;
}

/** Flex minutes the draft already spends, per child and calendar year (flex hours are a yearly pot): key "childId|2027". */
export function flexUse(draft: readonly DraftBooking[]): Map<string, number> {
  const used = new Map<string, number>();
  for (const b of draft) {
    if (b.payment.method !== "FLEX") continue;
    const key = `${b.childId}|${b.date.slice(0, 4)}`;
    used.set(key, (used.get(key) ?? 0) + b.minutes);
  }
  return used;
}

/**
 * What `child` can request on `dates` (a single date or every day of a period), one choice per day
 * part of the child's groups, in the order of the day (start time). Day parts that are requestable on
 * none of the dates still appear (with empty `dates`) so the form can say "reeds gepland" with times.
 */
export function dayPartChoices(child: ChildOptions, dates: readonly string[], draft: readonly DraftBooking[]): DayPartChoice[] {
  const inDraft = new Set(draft.map((b) => bookingKey(b.childId, b.date, b.dayPartId)));
  const used = creditUse(draft);
  const byPart = new Map<string, { option: DayPartOption; choice: DayPartChoice; credits: Map<string, { credit: CreditOption; count: number }> }>();
  const wanted = new Set(dates);
  const days = child.days.filter((d) => wanted.has(d.date));

  for (const day of days) {
    const flexLate = day.flex !== null && !day.flex.inTime;
    for (const option of day.dayParts) {
      let entry = byPart.get(option.dayPartId);
      if (!entry) {
        entry = {
          option,
          credits: new Map(),
          choice: {
            dayPartId: option.dayPartId,
            code: option.code,
            groupName: option.groupName,
            startMinute: option.startMinute,
            endMinute: option.endMinute,
            minutes: option.minutes,
            payment: option.payment,
            priceCents: option.priceCents,
            dates: [],
            scheduled: [],
            unavailable: [],
            absent: [],
            closed: [],
            credits: [],
          },
        };
        byPart.set(option.dayPartId, entry);
      }
      const { choice } = entry;
      if (option.alreadyScheduled) {
        choice.scheduled.push({ date: day.date, ...option.alreadyScheduled });
      } else if (
        day.blocked !== null ||
        option.pending ||
        option.absent ||
        option.closed ||
        (option.payment === "FLEX" && flexLate) ||
        inDraft.has(bookingKey(child.id, day.date, option.dayPartId))
      ) {
        choice.unavailable.push(day.date);
        if (option.absent) choice.absent.push(day.date);
        if (option.closed) choice.closed.push(day.date);
      } else {
        choice.dates.push(day.date);
        for (const credit of option.credits) {
          const seen = entry.credits.get(credit.id);
          entry.credits.set(credit.id, { credit: seen?.credit ?? credit, count: (seen?.count ?? 0) + 1 });
        }
      }
    }
  }

  return [...byPart.values()]
    .map(({ choice, credits }) => {
      const needed = choice.minutes * choice.dates.length;
      choice.credits = [...credits.values()]
        .filter(({ credit, count }) => count === choice.dates.length && credit.remainingMinutes - (used.get(credit.id) ?? 0) >= needed)
        .map(({ credit }) => ({ ...credit, remainingMinutes: credit.remainingMinutes - (used.get(credit.id) ?? 0) }));
      return choice;
    })
    .filter((c) => c.dates.length > 0 || c.scheduled.length > 0 || c.unavailable.length > 0)
    .sort((a, b) => a.startMinute - b.startMinute || a.endMinute - b.endMinute || a.code.localeCompare(b.code));
}

/** The rows one choice adds to booking number `booking`: one per requestable date, paid as chosen. */
export function bookingsFor(
  child: Pick<ChildOptions, "id" | "firstName">,
  choice: DayPartChoice,
  payment: ExtraDayPayment,
  booking = 0,
): DraftBooking[] {
  return choice.dates.map((date) => ({
    key: bookingKey(child.id, date, choice.dayPartId),
    booking,
    childId: child.id,
    childName: child.firstName,
    date,
    dayPartId: choice.dayPartId,
    code: choice.code,
    groupName: choice.groupName,
    startMinute: choice.startMinute,
    endMinute: choice.endMinute,
    minutes: choice.minutes,
    payment,
    priceCents: payment.method === "INVOICE" ? choice.priceCents : null,
  }));
}

/** Adds bookings to the draft, skipping any already in it; sorted by date, child, start time. */
export function addBookings(draft: readonly DraftBooking[], added: readonly DraftBooking[]): DraftBooking[] {
  const keys = new Set(draft.map((b) => b.key));
  const next = [...draft, ...added.filter((b) => !keys.has(b.key))];
  return next.sort((a, b) => a.date.localeCompare(b.date) || a.childName.localeCompare(b.childName) || a.startMinute - b.startMinute);
}

/**
 * The draft with its booking numbers renumbered 0..n-1 in the order they first occur (the draft is
 * sorted by date), so bookings whose rows were all removed leave no gaps.
 */
export function numberBookings(draft: readonly DraftBooking[]): DraftBooking[] {
  const numbers = new Map<number, number>();
  for (const b of draft) if (!numbers.has(b.booking)) numbers.set(b.booking, numbers.size);
  return draft.map((b) => ({ ...b, booking: numbers.get(b.booking)! }));
}

/** The draft's totals: hours and the amount invoiced (credit and flex payments are not invoiced). */
export function draftTotals(draft: readonly DraftBooking[]): { minutes: number; invoicedCents: number; dates: string[] } {
  return {
    minutes: draft.reduce((sum, b) => sum + b.minutes, 0),
    invoicedCents: draft.reduce((sum, b) => sum + (b.priceCents ?? 0), 0),
    dates: [...new Set(draft.map((b) => b.date))].sort(),
  };
}
