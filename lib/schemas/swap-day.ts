import { z } from "zod";
import { commentField, isoDateField, optionalIsoDateField } from "./extra-day";

// "Ruildag aanvragen" (seed 002 §5.3): per child the scheduled day parts to give up on a date (or a
// period), and the day parts wanted instead. Shared by the form and the server action; errors are
// message keys in the "SwapDay" namespace. Whether a day part is scheduled, closed, within the
// booking window etc. is checked by lib/db/requests/swap-day.ts.

/** Day parts per side per child (a month of full days given up is already far more than a swap). */
export const MAX_SWAP_DAY_PARTS = 60;

export const swapSlotSchema = z.object({
  date: isoDateField("SwapDay.validation.dateInvalid"),
  dayPartId: z.uuid({ error: "SwapDay.validation.dayPartRequired" }),
});
export type SwapSlot = z.output<typeof swapSlotSchema>;

export const swapChildSchema = z.object({
  childId: z.uuid({ error: "SwapDay.validation.childRequired" }),
  giveUp: z
    .array(swapSlotSchema, { error: "SwapDay.validation.giveUpRequired" })
    .min(1, { error: "SwapDay.validation.giveUpRequired" })
    .max(MAX_SWAP_DAY_PARTS, { error: "SwapDay.validation.tooManyDayParts" }),
  want: z
    .array(swapSlotSchema, { error: "SwapDay.validation.wantRequired" })
    .min(1, { error: "SwapDay.validation.wantRequired" })
    .max(MAX_SWAP_DAY_PARTS, { error: "SwapDay.validation.tooManyDayParts" }),
});
export type SwapChild = z.output<typeof swapChildSchema>;

export const swapDaySchema = z
  .object({
    children: z
      .array(swapChildSchema, { error: "SwapDay.validation.childrenRequired" })
      .min(1, { error: "SwapDay.validation.childrenRequired" })
      .max(10, { error: "SwapDay.validation.tooManyChildren" }),
    assessAsWhole: z.boolean({ error: "SwapDay.validation.assessAsWholeInvalid" }).default(false),
    expiresOn: optionalIsoDateField("SwapDay.validation.expiresOnInvalid"),
    comment: commentField("SwapDay"),
    idempotencyKey: z.uuid({ error: "SwapDay.validation.idempotencyKeyInvalid" }),
  })
  .superRefine((value, ctx) => {
    const children = new Set<string>();
    value.children.forEach((child, index) => {
      if (children.has(child.childId)) {
        ctx.addIssue({ code: "custom", path: ["children", index, "childId"], message: "SwapDay.validation.duplicateChild" });
      }
      children.add(child.childId);
      for (const side of ["giveUp", "want"] as const) {
        const seen = new Set<string>();
        child[side].forEach((slot, i) => {
          const key = `${slot.date}|${slot.dayPartId}`;
          if (seen.has(key)) {
            ctx.addIssue({ code: "custom", path: ["children", index, side, i], message: "SwapDay.validation.duplicateDayPart" });
          }
          seen.add(key);
        });
      }
    });
    // Assess as a whole: only for a swap of one single date (the dates given up; domain requestDates).
    const givenUpDates = new Set(value.children.flatMap((c) => c.giveUp.map((s) => s.date)));
    if (value.assessAsWhole && givenUpDates.size > 1) {
      ctx.addIssue({ code: "custom", path: ["assessAsWhole"], message: "SwapDay.validation.assessAsWholeSingleDate" });
    }
    const first = [...value.children.flatMap((c) => [...c.giveUp, ...c.want].map((s) => s.date))].sort()[0];
    if (value.expiresOn !== undefined && first !== undefined && value.expiresOn > first) {
      ctx.addIssue({ code: "custom", path: ["expiresOn"], message: "SwapDay.validation.expiresAfterFirstDate" });
    }
  });

export type SwapDayInput = z.input<typeof swapDaySchema>;
export type SwapDayData = z.output<typeof swapDaySchema>;
