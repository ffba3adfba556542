import { z } from "zod";

// Cancelling a request goes per child (seed 002 §5.2 "Annuleren gaat per kind individueel"): the
// request and the one child whose part of it is cancelled. Shared by the confirmation dialog and the
// server action; the server decides what that cancels (lib/db/requests/cancel.ts).

export const cancelRequestSchema = z.object({
  requestId: z.uuid({ error: "errors.notFound" }),
  childId: z.uuid({ error: "errors.notFound" }),
});

export type CancelRequestInput = z.input<typeof cancelRequestSchema>;
export type CancelRequestData = z.output<typeof cancelRequestSchema>;
