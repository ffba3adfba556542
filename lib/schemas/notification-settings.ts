import { z } from "zod";
import { NOTIFICATION_EVENTS } from "@/lib/domain/notification-preferences";
import { quietHoursProblem } from "@/lib/domain/quiet-hours";

// "Notificaties" (seed 002 §7.3): per event an e-mail and a push switch, and optional quiet hours. One
// schema for the settings form (zodResolver) and the save action. Which events a user may switch
// depends on the role; the action checks that against the session.

const minuteOfDay = z.number({ error: "NotificationSettings.errors.time" }).int("NotificationSettings.errors.time");

export const notificationSettingsSchema = z.object(
  {
    prefs: z
      .array(
        z.object(
          {
            event: z.enum(NOTIFICATION_EVENTS, { error: "errors.validation" }),
            email: z.boolean({ error: "errors.validation" }),
            push: z.boolean({ error: "errors.validation" }),
          },
          { error: "errors.validation" },
        ),
        { error: "errors.validation" },
      )
      .max(NOTIFICATION_EVENTS.length, "errors.validation")
      .refine((prefs) => new Set(prefs.map((p) => p.event)).size === prefs.length, "errors.validation"),
    /** null = no quiet hours. */
    quietHours: z
      .object({ start: minuteOfDay, end: minuteOfDay }, { error: "errors.validation" })
      .nullable()
      .superRefine((quiet, ctx) => {
        if (!quiet) return;
        const problem = quietHoursProblem(quiet);
        if (problem === "empty") ctx.addIssue({ code: "custom", path: ["end"], message: "NotificationSettings.errors.sameTimes" });
        else if (problem) ctx.addIssue({ code: "custom", path: ["start"], message: "NotificationSettings.errors.time" });
      }),
  },
  { error: "errors.validation" },
);

export type NotificationSettingsInput = z.input<typeof notificationSettingsSchema>;
export type NotificationSettingsData = z.output<typeof notificationSettingsSchema>;
