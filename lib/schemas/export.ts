import { z } from "zod";
import { isIsoDate } from "@/lib/domain/dates";

// "Dagboek downloaden" (issue 4 §6): a child, the kind of export and, for the diary, a period. The same
// schema runs in the form and in the server action; messages are keys ("Export.validation.*"). The
// server checks what needs the database and the clock (lib/db/exports.ts). The photo export takes every
// photo: a period sent with it is ignored.

const optionalDay = z
  .string({ error: "Export.validation.dateInvalid" })
  .optional()
  .transform((v) => (v ? v : undefined));

export const exportRequestSchema = z
  .object({
    childId: z.uuid({ error: "Export.validation.childRequired" }),
    kind: z.enum(["DIARY", "PHOTOS"], { error: "Export.validation.kindRequired" }),
    from: optionalDay,
    to: optionalDay,
    idempotencyKey: z.uuid({ error: "errors.validation" }),
  })
  .superRefine((v, ctx) => {
    if (v.kind !== "DIARY") return;
    if (!v.from || !isIsoDate(v.from)) ctx.addIssue({ code: "custom", path: ["from"], message: "Export.validation.dateInvalid" });
    if (!v.to || !isIsoDate(v.to)) ctx.addIssue({ code: "custom", path: ["to"], message: "Export.validation.dateInvalid" });
    if (v.from && v.to && isIsoDate(v.from) && isIsoDate(v.to) && v.from > v.to) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "Export.validation.fromAfterTo" });
    }
  })
  .transform((v) => (v.kind === "DIARY" ? v : { ...v, from: undefined, to: undefined }));

export type ExportRequestInput = z.input<typeof exportRequestSchema>;
export type ExportRequestData = z.output<typeof exportRequestSchema>;
