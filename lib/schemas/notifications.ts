import { z } from "zod";

/** "Seen until": the newest notification the list showed (ISO instant). */
export const markNotificationsReadSchema = z.object({
  seenUntil: z.iso.datetime({ offset: true, error: "errors.validation" }),
});
