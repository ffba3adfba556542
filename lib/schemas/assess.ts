import { z } from "zod";
import { isIsoDate } from "@/lib/domain/dates";

// Assessing one item of the planner's queue (or, for an assess-as-whole request, the whole request
// through any of its items). Shared by the queue's small per-item form and the server action
// (lib/actions/requests/assess.ts). A rejection needs a reason (domain.md: "approve/reject (reason
// required)"); the reason is shown to the parent, so it is kept short.

export const MAX_REJECTION_REASON_LENGTH = 500;

export const assessItemSchema = z
  .object({
    itemId: z.uuid({ error: "Assess.errors.notFound" }),
    action: z.enum(["APPROVE", "REJECT"], { error: "errors.validation" }),
    rejectionReason: z
      .string()
      .trim()
      .max(MAX_REJECTION_REASON_LENGTH, { error: "Queue.errors.reasonTooLong" })
      .optional()
      .transform((v) => (v ? v : null)),
  })
  .superRefine((data, ctx) => {
    if (data.action === "REJECT" && !data.rejectionReason) {
      ctx.addIssue({ code: "custom", path: ["rejectionReason"], message: "Assess.errors.reasonRequired" });
    }
  });

export type AssessItemInput = z.input<typeof assessItemSchema>;
export type AssessItemData = z.output<typeof assessItemSchema>;

// The queue's filters arrive as search params; anything invalid is dropped rather than failing the page.
const optionalUuid = z.uuid().optional().catch(undefined);
const optionalDate = z
  .string()
  .refine((v) => isIsoDate(v))
  .optional()
  .catch(undefined);

export const queueFiltersSchema = z
  .object({
    location: optionalUuid,
    group: optionalUuid,
    from: optionalDate,
    to: optionalDate,
  })
  .transform((f) => ({
    locationId: f.location,
    groupId: f.group,
    from: f.from,
    // A range the wrong way round is read as the single day "from".
    to: f.from && f.to && f.to < f.from ? f.from : f.to,
  }));

export type QueueFilters = z.output<typeof queueFiltersSchema>;

/** Next's searchParams (strings or repeated strings) → validated filters; the first value wins. */
export function parseQueueFilters(searchParams: Record<string, string | string[] | undefined>): QueueFilters {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  return queueFiltersSchema.parse({
    location: first(searchParams.location),
    group: first(searchParams.group),
    from: first(searchParams.from),
    to: first(searchParams.to),
  });
}
