import { z } from "zod";
import { MAX_BOOKINGS } from "./extra-day";

// Cancelling a request goes per child (seed 002 §5.2 "Annuleren gaat per kind individueel"): the
// request and the one child whose part of it is cancelled, and for an extra day the booking ("Een
// aanvraag kan uit meerdere boekingen bestaan" — each is cancelled on its own, a period as a whole).
// Shared by the confirmation dialog and the server action; the server decides what that cancels and
// whether the booking is needed (lib/db/requests/cancel.ts).

const invalid = { error: "errors.validation" } as const;

export const cancelRequestSchema = z.object({
  requestId: z.uuid({ error: "errors.notFound" }),
  childId: z.uuid({ error: "errors.notFound" }),
  /** RequestItem.booking; needed for an extra day whose child has more than one booking, ignored otherwise. */
  booking: z.number(invalid).int(invalid).min(0, invalid).max(MAX_BOOKINGS, invalid).optional(),
});

export type CancelRequestInput = z.input<typeof cancelRequestSchema>;
export type CancelRequestData = z.output<typeof cancelRequestSchema>;
