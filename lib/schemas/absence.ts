import { z } from "zod";
import { diffDays, isIsoDate } from "@/lib/domain/dates";

// "Afwezigheid doorgeven" (seed 002 §5.4, seed 003 "Afwezigheid"): a date or period, one or more of
// the family's children, per child the scheduled day parts to report absent, a reason. The same
// schema runs in the form (react-hook-form + zodResolver) and in the server action. Error messages are
// message keys ("Absence.validation.*"); the server adds the rules that need the database
// (lib/db/requests/absence.ts: the family's own children, scheduled day parts, past and closed days).
//
// Shape for the form: after picking the period and children, the form lists per child and date the
// day parts the child is scheduled for (lib/domain/schedule `scheduledDayParts`) as checkboxes —
// pre-ticked — and sends every ticked one as a selection {childId, date, dayPartId}.

export const ABSENCE_REASONS = ["SICK", "HOLIDAY", "OTHER"] as const;
export type AbsenceReasonValue = (typeof ABSENCE_REASONS)[number];

/** Longest period one report may cover (inclusive days): about two months, e.g. a long holiday. */
export const MAX_ABSENCE_PERIOD_DAYS = 62;
export const MAX_ABSENCE_COMMENT_LENGTH = 500;
/** A family has a few children; more in one report is tampering. */
export const MAX_ABSENCE_CHILDREN = 12;
/** 62 days × a few day parts × a few children fits easily. */
export const MAX_ABSENCE_SELECTIONS = 1000;

const isoDateSchema = (error: string) =>
  z.string({ error }).refine((v) => isIsoDate(v), { error });

const uuid = (error: string) => z.uuid({ error });

export const absenceSelectionSchema = z.object({
  childId: uuid("Absence.validation.childInvalid"),
  date: isoDateSchema("Absence.validation.dateInvalid"),
  dayPartId: uuid("Absence.validation.dayPartInvalid"),
});
export type AbsenceSelection = z.output<typeof absenceSelectionSchema>;

export const absenceSchema = z
  .object({
    childIds: z
      .array(uuid("Absence.validation.childInvalid"), { error: "Absence.validation.childrenRequired" })
      .min(1, { error: "Absence.validation.childrenRequired" })
      .max(MAX_ABSENCE_CHILDREN, { error: "Absence.validation.tooManyChildren" }),
    from: isoDateSchema("Absence.validation.fromRequired"),
    to: isoDateSchema("Absence.validation.toRequired"),
    selections: z
      .array(absenceSelectionSchema, { error: "Absence.validation.dayPartsRequired" })
      .min(1, { error: "Absence.validation.dayPartsRequired" })
      .max(MAX_ABSENCE_SELECTIONS, { error: "Absence.validation.tooManyDayParts" }),
    reason: z.enum(ABSENCE_REASONS, { error: "Absence.validation.reasonRequired" }),
    comment: z
      .string({ error: "Absence.validation.commentTooLong" })
      .trim()
      .max(MAX_ABSENCE_COMMENT_LENGTH, { error: "Absence.validation.commentTooLong" })
      .optional()
      .transform((v) => (v ? v : undefined)),
    idempotencyKey: uuid("Absence.validation.idempotencyKey"),
  })
  .superRefine((data, ctx) => {
    // zod runs this even after a field failed; only judge what is well-formed.
    if (!isIsoDate(data.from) || !isIsoDate(data.to) || !Array.isArray(data.childIds) || !Array.isArray(data.selections)) return;
    if (diffDays(data.from, data.to) < 0) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "Absence.validation.toBeforeFrom" });
      return;
    }
    if (diffDays(data.from, data.to) + 1 > MAX_ABSENCE_PERIOD_DAYS) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "Absence.validation.periodTooLong" });
      return;
    }
    const children = new Set(data.childIds);
    if (children.size !== data.childIds.length) {
      ctx.addIssue({ code: "custom", path: ["childIds"], message: "Absence.validation.duplicateChild" });
    }
    const seen = new Set<string>();
    const withSelection = new Set<string>();
    for (const [i, s] of data.selections.entries()) {
      if (!children.has(s.childId)) {
        ctx.addIssue({ code: "custom", path: ["selections", i, "childId"], message: "Absence.validation.childNotChosen" });
      }
      if (s.date < data.from || s.date > data.to) {
        ctx.addIssue({ code: "custom", path: ["selections", i, "date"], message: "Absence.validation.outsidePeriod" });
      }
      const key = `${s.childId}|${s.date}|${s.dayPartId}`;
      if (seen.has(key)) {
        ctx.addIssue({ code: "custom", path: ["selections", i], message: "Absence.validation.duplicateDayPart" });
      }
      seen.add(key);
      withSelection.add(s.childId);
    }
    // Every chosen child needs at least one day part; otherwise the parent thinks it is reported.
    if (data.selections.length > 0 && [...children].some((c) => !withSelection.has(c))) {
      ctx.addIssue({ code: "custom", path: ["selections"], message: "Absence.validation.childWithoutDayParts" });
    }
  });

export type AbsenceInput = z.input<typeof absenceSchema>;
export type AbsenceData = z.output<typeof absenceSchema>;
