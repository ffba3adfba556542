"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { FormAlert } from "@/components/auth/form-alert";
import { useMessageKey } from "@/components/auth/use-message";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/choice-fields";
import { cn } from "@/components/ui/cn";
import { saveNotificationSettingsAction } from "@/lib/actions/notifications/save-settings";
import type { NotificationEventName } from "@/lib/domain/notification-preferences";
import { DEFAULT_QUIET_HOURS, quietHoursOptions, type QuietHours } from "@/lib/domain/quiet-hours";
import { formatMinuteOfDay } from "@/lib/format/date";
import {
  notificationSettingsSchema,
  type NotificationSettingsData,
  type NotificationSettingsInput,
} from "@/lib/schemas/notification-settings";

export interface NotificationSettingsFormProps {
  /** The events this user can switch, in display order, with their current switches. */
  events: { event: NotificationEventName; email: boolean; push: boolean }[];
  quietHours: QuietHours | null;
  /** Devices of this user with push switched on. */
  pushDevices: number;
}

const TIME_OPTIONS = quietHoursOptions().map((m) => ({ value: String(m), label: formatMinuteOfDay(m) }));
const CHANNELS = ["email", "push"] as const;

/**
 * "Notificaties" (seed 002 §7.3): per event a switch for e-mail and one for push ("zet de gewenste
 * schuifjes aan of uit"), and optional quiet hours. Parents and staff share it; the page passes the
 * events the user's role gets. Saving stores the whole form at once; saving twice changes nothing more.
 */
export function NotificationSettingsForm({ events, quietHours, pushDevices }: NotificationSettingsFormProps) {
  const t = useTranslations("NotificationSettings");
  const message = useMessageKey();
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  // The times shown while quiet hours are off, so switching them on again restores the last choice.
  const lastQuiet = useRef<QuietHours>(quietHours ?? DEFAULT_QUIET_HOURS);

  const {
    handleSubmit,
    setValue,
    control,
    formState: { errors, isSubmitting, isSubmitted },
  } = useForm<NotificationSettingsInput, unknown, NotificationSettingsData>({
    resolver: zodResolver(notificationSettingsSchema),
    shouldFocusError: false,
    defaultValues: { prefs: events.map((e) => ({ event: e.event, email: e.email, push: e.push })), quietHours },
  });
  const prefs = useWatch({ control, name: "prefs" });
  const quiet = useWatch({ control, name: "quietHours" });

  const changed = () => {
    setSaved(false);
    setFormError(null);
  };
  const toggle = (index: number, channel: "email" | "push") => {
    changed();
    setValue(`prefs.${index}.${channel}`, !prefs[index]![channel], { shouldDirty: true });
  };
  const setQuiet = (next: QuietHours | null) => {
    changed();
    if (next) lastQuiet.current = next;
    setValue("quietHours", next, { shouldDirty: true, shouldValidate: isSubmitted });
  };

  const submit = async (data: NotificationSettingsData) => {
    setFormError(null);
    setSaved(false);
    const result = await saveNotificationSettingsAction(data).catch(() => null);
    if (!result) return setFormError("errors.unexpected");
    if (!result.ok) return setFormError(result.code);
    setSaved(true);
    router.refresh();
  };

  const quietError = errors.quietHours?.end?.message ?? errors.quietHours?.start?.message ?? errors.quietHours?.message;
  const eventName = (event: NotificationEventName) => t(`events.${event}`);

  return (
    <form
      onSubmit={handleSubmit(submit, () => setFormError("errors.validation"))}
      noValidate
      className="flex max-w-2xl flex-col gap-8"
    >
      {formError ? <FormAlert tone="error">{message(formError)}</FormAlert> : null}
      {saved ? (
        <FormAlert tone="success" focusOnMount>
          {t("saved")}
        </FormAlert>
      ) : null}

      <section aria-labelledby="notification-events-heading" className="flex flex-col gap-3">
        <h2 id="notification-events-heading" className="text-lg font-semibold">
          {t("eventsHeading")}
        </h2>
        <div className="overflow-hidden rounded-xl border border-line bg-surface">
          <table className="w-full border-collapse text-left">
            <thead className="bg-canvas text-sm text-muted">
              <tr>
                <th scope="col" className="px-4 py-2 font-semibold">
                  {t("eventColumn")}
                </th>
                <th scope="col" className="w-24 px-2 py-2 text-center font-semibold">
                  {t("emailColumn")}
                </th>
                <th scope="col" className="w-24 px-2 py-2 text-center font-semibold">
                  {t("pushColumn")}
                </th>
              </tr>
            </thead>
            <tbody>
              {prefs.map((pref, index) => (
                <tr key={pref.event} className="border-t border-line">
                  <th scope="row" className="px-4 py-2 font-medium text-ink">
                    {eventName(pref.event)}
                  </th>
                  {CHANNELS.map((channel) => (
                    <td key={channel} className="px-2 py-1 text-center">
                      <Switch
                        id={`notify-${pref.event}-${channel}`}
                        checked={pref[channel]}
                        label={t(channel === "email" ? "emailSwitch" : "pushSwitch", { event: eventName(pref.event) })}
                        stateText={pref[channel] ? t("on") : t("off")}
                        compact
                        onToggle={() => toggle(index, channel)}
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="notification-push-heading" className="flex flex-col gap-2">
        <h2 id="notification-push-heading" className="text-lg font-semibold">
          {t("pushHeading")}
        </h2>
        <p className="text-ink">{t("pushExplanation")}</p>
        <p className="font-medium text-ink" data-testid="push-devices">
          {t("pushDevices", { count: pushDevices })}
        </p>
        {pushDevices === 0 ? <p className="text-sm text-muted">{t("pushNoDevices")}</p> : null}
      </section>

      <section aria-labelledby="notification-quiet-heading" className="flex flex-col gap-3">
        <h2 id="notification-quiet-heading" className="text-lg font-semibold">
          {t("quietHeading")}
        </h2>
        <p id="notification-quiet-hint" className="text-muted">
          {t("quietHint")}
        </p>
        <div className="flex items-center gap-3">
          <Switch
            id="notify-quiet"
            checked={quiet !== null}
            label={t("quietSwitch")}
            labelVisible
            describedBy="notification-quiet-hint"
            stateText={quiet !== null ? t("on") : t("off")}
            onToggle={() => setQuiet(quiet ? null : lastQuiet.current)}
          />
        </div>
        {quiet ? (
          <div className="flex flex-col gap-3">
            <div className="grid max-w-md grid-cols-2 gap-4">
              <SelectField
                id="notify-quiet-start"
                label={t("quietFrom")}
                options={TIME_OPTIONS}
                value={String(quiet.start)}
                error={errors.quietHours?.start?.message ? message(errors.quietHours.start.message) : undefined}
                onChange={(e) => setQuiet({ start: Number(e.target.value), end: quiet.end })}
              />
              <SelectField
                id="notify-quiet-end"
                label={t("quietUntil")}
                options={TIME_OPTIONS}
                value={String(quiet.end)}
                error={errors.quietHours?.end?.message ? message(errors.quietHours.end.message) : undefined}
                onChange={(e) => setQuiet({ start: quiet.start, end: Number(e.target.value) })}
              />
            </div>
            {quiet.start !== quiet.end && !quietError ? (
              <p className="text-sm text-muted">
                {t(quiet.start > quiet.end ? "quietNextDay" : "quietSummary", {
                  from: formatMinuteOfDay(quiet.start),
                  until: formatMinuteOfDay(quiet.end),
                })}
              </p>
            ) : null}
          </div>
        ) : null}
      </section>

      <div>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("saving") : t("save")}
        </Button>
      </div>
    </form>
  );
}

/**
 * A switch ("schuifje"): a button with role="switch" and aria-checked, 44 px touch target; Space and
 * Enter toggle it like any button. The label names the event and channel for screen readers; the
 * "Aan"/"Uit" text shows the state without relying on colour.
 */
function Switch({
  id,
  checked,
  label,
  labelVisible = false,
  compact = false,
  stateText,
  describedBy,
  onToggle,
}: {
  id: string;
  checked: boolean;
  label: string;
  labelVisible?: boolean;
  /** In the table on a phone only the switch itself, so the three columns fit. */
  compact?: boolean;
  stateText: string;
  describedBy?: string;
  onToggle: () => void;
}) {
  return (
    <button
      id={id}
      type="button"
      role="switch"
      aria-checked={checked}
      aria-label={labelVisible ? undefined : label}
      aria-describedby={describedBy}
      onClick={onToggle}
      className="inline-flex min-h-11 min-w-11 cursor-pointer items-center gap-2 rounded-lg px-1 text-sm font-medium text-ink"
    >
      <span
        aria-hidden="true"
        className={cn(
          "relative inline-block h-6 w-11 shrink-0 rounded-full border-2 transition-colors",
          checked ? "border-brand-700 bg-brand-700" : "border-muted bg-surface",
        )}
      >
        <span
          className={cn(
            "absolute top-0.5 left-0.5 size-4 rounded-full transition-transform",
            checked ? "translate-x-5 bg-white" : "bg-muted",
          )}
        />
      </span>
      {labelVisible ? <span className="text-base">{label}</span> : null}
      <span aria-hidden="true" className={cn("w-7 text-left text-muted", compact && "hidden sm:inline")}>
        {stateText}
      </span>
    </button>
  );
}
