import { z } from "zod";
import { isIsoDate } from "@/lib/domain/dates";

// "Dag aanvragen" (seed 002 §5.2, seed 003): one family-level request holding one or more bookings
// (child, date, day part, payment). A period picked in the form yields one entry per date; the entries
// of one "Toevoegen" share a `booking` number, the unit a parent later cancels per child.
// The same schema runs in the browser (react-hook-form + zodResolver) and in the server action;
// errors are message keys in the "ExtraDay" namespace. Rules that need the database or today's date
// (placements, schedule, closing days, booking window, credits) are checked by lib/db/requests.

/** A family of four for a fortnight of full days fits comfortably; more is a period for the planners. */
export const MAX_BOOKINGS = 60;
export const MAX_COMMENT_LENGTH = 500;

/** "YYYY-MM-DD" that is a real calendar day; `key` is the message key for anything else. */
export function isoDateField(key: string) {
  return z.string({ error: key }).refine((v) => isIsoDate(v), { error: key });
}

/** An optional ISO day: "" and null (an emptied date input) mean "not given". */
export function optionalIsoDateField(key: string) {
  return z.preprocess((v) => (v === "" || v === null ? undefined : v), isoDateField(key).optional());
}

/** Trimmed comment for the staff; empty means none. */
export function commentField(ns: string) {
  return z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : v),
    z
      .string({ error: `${ns}.validation.commentInvalid` })
      .max(MAX_COMMENT_LENGTH, { error: `${ns}.validation.commentTooLong` })
      .optional()
      .transform((v) => (v === "" ? undefined : v)),
  );
}

export const extraDayPaymentSchema = z.discriminatedUnion(
  "method",
  [
    z.object({ method: z.literal("INVOICE") }),
    z.object({ method: z.literal("CREDIT"), creditId: z.uuid({ error: "ExtraDay.validation.creditRequired" }) }),
    // Flex contracts always spend flex hours; the server decides that from the placement, so a form
    // may send INVOICE or FLEX for a flex child.
    z.object({ method: z.literal("FLEX") }),
  ],
  { error: "ExtraDay.validation.paymentRequired" },
);
export type ExtraDayPayment = z.output<typeof extraDayPaymentSchema>;

const bookingNumberInvalid = { error: "errors.validation" } as const;

export const extraDayBookingSchema = z.object({
  childId: z.uuid({ error: "ExtraDay.validation.childRequired" }),
  date: isoDateField("ExtraDay.validation.dateInvalid"),
  dayPartId: z.uuid({ error: "ExtraDay.validation.dayPartRequired" }),
  payment: extraDayPaymentSchema,
  /**
   * Which "Dag toevoegen … Toevoegen" of the form this day part came from (one date or one period, for
   * one or more children and day parts): the unit the parent later cancels per child. The server
   * renumbers the numbers sent densely; the form never sends a bad one, so that is a plain validation error.
   */
  booking: z
    .number(bookingNumberInvalid)
    .int(bookingNumberInvalid)
    .min(0, bookingNumberInvalid)
    .max(MAX_BOOKINGS, bookingNumberInvalid)
    .default(0),
});
export type ExtraDayBooking = z.output<typeof extraDayBookingSchema>;

export const extraDaySchema = z
  .object({
    bookings: z
      .array(extraDayBookingSchema, { error: "ExtraDay.validation.bookingsRequired" })
      .min(1, { error: "ExtraDay.validation.bookingsRequired" })
      .max(MAX_BOOKINGS, { error: "ExtraDay.validation.tooManyBookings" }),
    assessAsWhole: z.boolean({ error: "ExtraDay.validation.assessAsWholeInvalid" }).default(false),
    expiresOn: optionalIsoDateField("ExtraDay.validation.expiresOnInvalid"),
    comment: commentField("ExtraDay"),
    /** Generated once per opened form: a double submit returns the first request instead of a second one. */
    idempotencyKey: z.uuid({ error: "ExtraDay.validation.idempotencyKeyInvalid" }),
  })
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    value.bookings.forEach((b, index) => {
      const key = `${b.childId}|${b.date}|${b.dayPartId}`;
      if (seen.has(key)) {
        ctx.addIssue({ code: "custom", path: ["bookings", index], message: "ExtraDay.validation.duplicateBooking" });
      }
      seen.add(key);
    });
    const dates = [...new Set(value.bookings.map((b) => b.date))].sort();
    // "alleen van toepassing op aanvragen voor 1 specifieke dag" — seed 002 §5.2.
    if (value.assessAsWhole && dates.length > 1) {
      ctx.addIssue({ code: "custom", path: ["assessAsWhole"], message: "ExtraDay.validation.assessAsWholeSingleDate" });
    }
    // Expiring after the first requested day would withdraw care that has already taken place.
    if (value.expiresOn !== undefined && dates[0] !== undefined && value.expiresOn > dates[0]) {
      ctx.addIssue({ code: "custom", path: ["expiresOn"], message: "ExtraDay.validation.expiresAfterFirstDate" });
    }
  });

export type ExtraDayInput = z.input<typeof extraDaySchema>;
export type ExtraDayData = z.output<typeof extraDaySchema>;
