"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRef, useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { FormAlert } from "@/components/auth/form-alert";
import { TextField } from "@/components/auth/form-field";
import { useMessageKey } from "@/components/auth/use-message";
import { Button } from "@/components/ui/button";
import { CheckboxField, FieldGroup, TextAreaField } from "@/components/ui/choice-fields";
import { submitSwapDayAction } from "@/lib/actions/requests/swap-day";
import { formatDay, formatMinuteRange } from "@/lib/format/date";
import { formatHours } from "@/lib/format/money";
import { useRouter } from "@/lib/i18n/navigation";
import { swapDaySchema, type SwapDayData, type SwapDayInput } from "@/lib/schemas/swap-day";
import { newIdempotencyKey } from "./hours";
import { MonthCalendar, type CalendarDayInfo, type CalendarSelection } from "./month-calendar";
import { RequestConfirmation } from "./request-confirmation";
import {
  assessAsWholePossible,
  blockedKey,
  canWant,
  childBalance,
  flattenErrors,
  giveUpDays,
  latestExpiry,
  mergeOptions,
  optionKey,
  placeErrors,
  slotKey,
  swapChildren,
  type SwapDayOption,
  type SwapOptionIndex,
} from "./swap-day-model";

export interface SwapDayFormChild {
  id: string;
  firstName: string;
}

interface Submitted {
  requestId: string;
  balances: { childId: string; givenUpMinutes: number; wantedMinutes: number; forfeitedMinutes: number }[];
}

const ERROR_ID = "swap-error";

/**
 * "Ruildag aanvragen" (seed 002 §5.3), for the whole family: the children, the date or period to give
 * up with per child the scheduled day parts (those that can be given up are pre-ticked), the target
 * date with per child the day parts that can be wanted ("reeds gepland" ones warn and cannot be
 * picked), per child the hours given up, wanted and forfeited, "Als geheel beoordelen", an expiry
 * date and a comment. The page loads the months the calendars show; a month change replaces the URL
 * while this form keeps its state and every month loaded so far. A request keeps its idempotency key
 * while nothing changes, so a double click is one request.
 */
export function SwapDayForm({
  locale,
  window: bookingWindow,
  giveUpMonth: loadedGiveUpMonth,
  targetMonth: loadedTargetMonth,
  loadedMonths,
  childrenList,
  options,
}: {
  locale: string;
  window: { today: string; firstDate: string; lastDate: string };
  giveUpMonth: string;
  targetMonth: string;
  loadedMonths: readonly string[];
  childrenList: readonly SwapDayFormChild[];
  options: readonly SwapDayOption[];
}) {
  const t = useTranslations("SwapDay");
  const ta = useTranslations("Agenda");
  const message = useMessageKey();
  const router = useRouter();
  const [loading, startLoading] = useTransition();

  const [childIds, setChildIds] = useState<string[]>(childrenList.length === 1 ? [childrenList[0]!.id] : []);
  const [period, setPeriod] = useState<CalendarSelection | null>(null);
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set());
  const [target, setTarget] = useState<string | null>(null);
  const [wanted, setWanted] = useState<ReadonlySet<string>>(new Set());
  const [assessAsWhole, setAssessAsWhole] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<Submitted | null>(null);
  const lastKey = useRef<{ fingerprint: string; key: string } | null>(null);

  // Every month loaded so far stays known, so a period or a choice in another month keeps its day
  // parts; a fresh load of a month replaces what was known of it (state adjusted while rendering).
  const [index, setIndex] = useState<{ from: readonly SwapDayOption[]; options: SwapOptionIndex; months: ReadonlySet<string> }>(() => ({
    from: options,
    options: mergeOptions(new Map(), options),
    months: new Set(loadedMonths),
  }));
  if (index.from !== options) {
    setIndex({ from: options, options: mergeOptions(index.options, options), months: new Set([...index.months, ...loadedMonths]) });
  }
  const known = index.options;

  // The months shown follow the server (which clamps them to the booking window).
  const [shown, setShown] = useState({ giveUp: loadedGiveUpMonth, target: loadedTargetMonth });
  const [loadedShown, setLoadedShown] = useState({ giveUp: loadedGiveUpMonth, target: loadedTargetMonth });
  if (loadedShown.giveUp !== loadedGiveUpMonth || loadedShown.target !== loadedTargetMonth) {
    setLoadedShown({ giveUp: loadedGiveUpMonth, target: loadedTargetMonth });
    setShown({ giveUp: loadedGiveUpMonth, target: loadedTargetMonth });
  }

  const {
    register,
    handleSubmit,
    setValue,
    getValues,
    clearErrors,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<SwapDayInput, unknown, SwapDayData>({
    resolver: zodResolver(swapDaySchema),
    shouldFocusError: false,
    defaultValues: { children: [], assessAsWhole: false, expiresOn: "", comment: "", idempotencyKey: "" },
  });


  const dayPartName = (code: string) => {
    const key = `dayPart.${code}` as "dayPart.MORNING";
    return ta.has(key) ? ta(key) : code;
  };

  const changed = () => {
    setServerErrors({});
    clearErrors();
  };

  const showMonth = (side: "giveUp" | "target", month: string) => {
    const next = { ...shown, [side]: month };
    setShown(next);
    startLoading(() => {
      router.replace({ pathname: "/agenda/swap-day", query: { giveUpMonth: next.giveUp, targetMonth: next.target } }, { scroll: false });
    });
  };

  const chosen = childrenList.filter((c) => childIds.includes(c.id));
  const considered = chosen.length > 0 ? chosen : childrenList;
  const selection = { childIds: chosen.map((c) => c.id), period, unticked, target, wanted };
  const request = swapChildren(known, selection);
  const wholePossible = assessAsWholePossible(request, period);
  const assessWhole = assessAsWhole && wholePossible;
  const expiryMax = latestExpiry(request, period, target);

  const calendarInfo = (side: "giveUp" | "target") => (date: string): CalendarDayInfo => {
    const found = considered.map((c) => known.get(optionKey(c.id, date))).filter((o): o is SwapDayOption => o !== undefined);
    if (found.length === 0) return { disabled: false };
    if (found.every((o) => o.blocked !== null)) {
      return { disabled: true, note: found.some((o) => o.blocked === "CLOSED") ? t("calendar.closed") : undefined };
    }
    const scheduled =
      side === "giveUp"
        ? found.some((o) => o.blocked === null && o.scheduled.some((s) => s.canGiveUp))
        : found.some((o) => o.blocked === null && o.dayParts.some((p) => p.alreadyScheduled !== null));
    return scheduled ? { disabled: false, note: t("calendar.scheduled"), tone: "scheduled" } : { disabled: false };
  };

  const toggleChild = (id: string, checked: boolean) => {
    setChildIds((ids) => (checked ? [...ids.filter((c) => c !== id), id] : ids.filter((c) => c !== id)));
    changed();
  };
  const toggle = (set: "unticked" | "wanted", key: string, on: boolean) => {
    const update = (prev: ReadonlySet<string>) => {
      const next = new Set(prev);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    };
    if (set === "unticked") setUnticked(update);
    else setWanted(update);
    changed();
  };

  const submit = async (data: SwapDayData) => {
    setFormError(null);
    setServerErrors({});
    const result = await submitSwapDayAction(data).catch(() => null);
    if (!result) {
      setFormError("errors.unexpected");
      return;
    }
    if (!result.ok) {
      const flat: Record<string, string> = {};
      for (const [path, keys] of Object.entries(result.fieldErrors ?? {})) {
        if (keys?.[0]) flat[path] = keys[0];
      }
      setServerErrors(flat);
      setFormError(result.code);
      return;
    }
    setDone({ requestId: result.data.requestId, balances: result.data.balances });
  };

  const onInvalid = () => setFormError("errors.validation");

  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    // The controlled parts go into the form values just before validation; the idempotency key is
    // renewed only when the request itself changed.
    const values = {
      children: request,
      assessAsWhole: assessWhole,
    };
    const fingerprint = JSON.stringify({ ...values, expiresOn: getValues("expiresOn"), comment: getValues("comment") });
    if (!lastKey.current || lastKey.current.fingerprint !== fingerprint) {
      lastKey.current = { fingerprint, key: newIdempotencyKey() };
    }
    setValue("children", values.children);
    setValue("assessAsWhole", values.assessAsWhole);
    setValue("idempotencyKey", lastKey.current.key);
    return handleSubmit(submit, onInvalid)(event);
  };

  const startAgain = () => {
    setDone(null);
    setPeriod(null);
    setTarget(null);
    setUnticked(new Set());
    setWanted(new Set());
    setAssessAsWhole(false);
    setFormError(null);
    setServerErrors({});
    lastKey.current = null;
    reset({ children: [], assessAsWhole: false, expiresOn: "", comment: "", idempotencyKey: "" });
    router.refresh();
  };

  const nameOf = (childId: string) => childrenList.find((c) => c.id === childId)?.firstName ?? "";

  if (done) {
    return (
      <RequestConfirmation
        id="swap-done"
        title={t("confirmationTitle")}
        requestId={done.requestId}
        detailsLabel={t("toDetails")}
        anotherLabel={t("another")}
        onAnother={startAgain}
      >
        <p>{t("submitted")}</p>
        <ul className="list-disc space-y-1 pl-5">
          {done.balances.map((b) => (
            <li key={b.childId}>
              {t("confirmationChild", {
                name: nameOf(b.childId),
                givenUp: formatHours(b.givenUpMinutes, locale),
                wanted: formatHours(b.wantedMinutes, locale),
              })}
              {b.forfeitedMinutes > 0 ? <> {t("confirmationForfeited", { hours: formatHours(b.forfeitedMinutes, locale) })}</> : null}
            </li>
          ))}
        </ul>
      </RequestConfirmation>
    );
  }

  const placed = placeErrors({ ...flattenErrors(errors), ...serverErrors });
  const childError = (i: number) => placed.children[i];
  const fieldError = (name: string) => (placed.fields[name] ? message(placed.fields[name]) : undefined);
  const describe = formError ? ERROR_ID : undefined;
  const busy = isSubmitting;
  const giveUpBusy = !index.months.has(shown.giveUp);
  const targetBusy = !index.months.has(shown.target);
  const targetOption = (childId: string) => (target ? known.get(optionKey(childId, target)) : undefined);
  const periodText = period
    ? period.from === period.to
      ? t("chosenDate", { date: formatDay(period.from, locale, "weekday") })
      : t("chosenPeriod", { from: formatDay(period.from, locale, "long"), to: formatDay(period.to, locale, "long") })
    : null;

  return (
    <form noValidate onSubmit={onSubmit} className="flex max-w-3xl flex-col gap-8" aria-busy={busy || loading || undefined}>
      {formError ? (
        <FormAlert id={ERROR_ID} tone="error" title={t("errorTitle")}>
          {message(formError)}
        </FormAlert>
      ) : null}

      <FieldGroup id="swap-children" legend={t("children")} hint={t("childrenHint")} error={fieldError("children")}>
        <div className="flex flex-wrap gap-x-6 gap-y-2">
          {childrenList.map((child) => (
            <CheckboxField key={child.id} id={`swap-child-${child.id}`} checked={childIds.includes(child.id)} onChange={(checked) => toggleChild(child.id, checked)}>
              {child.firstName}
            </CheckboxField>
          ))}
        </div>
      </FieldGroup>

      <section aria-labelledby="swap-giveup-heading" className="flex flex-col gap-3">
        <h2 id="swap-giveup-heading" className="text-lg font-semibold">
          {t("giveUpHeading")}
        </h2>
        <p className="text-sm text-muted">{t("giveUpIntro")}</p>
        <MonthCalendar
          id="swap-giveup-calendar"
          label={t("giveUpCalendar")}
          locale={locale}
          month={shown.giveUp}
          min={bookingWindow.firstDate}
          max={bookingWindow.lastDate}
          mode="period"
          selection={period}
          onSelect={(next) => {
            setPeriod(next);
            changed();
          }}
          onMonthChange={(month) => showMonth("giveUp", month)}
          dayInfo={calendarInfo("giveUp")}
          busy={giveUpBusy}
        />
        {periodText ? (
          <p className="font-medium first-letter:uppercase" aria-live="polite">
            {periodText}
          </p>
        ) : null}
        <h3 className="text-base font-semibold">{t("giveUp")}</h3>
        {chosen.length === 0 ? (
          <p className="text-muted">{t("chooseChildren")}</p>
        ) : !period ? (
          <p className="text-muted">{t("choosePeriod")}</p>
        ) : (
          <>
            <p className="text-sm text-muted">{t("giveUpHint")}</p>
            {chosen.map((child, i) => {
              const days = giveUpDays(known, child.id, period);
              const error = childError(i)?.giveUp;
              const errorId = `swap-giveup-${child.id}-error`;
              return (
                <div key={child.id} className="rounded-xl border border-line bg-surface p-4 shadow-sm">
                  <h4 className="mb-2 font-semibold">{child.firstName}</h4>
                  {error ? (
                    <p id={errorId} className="mb-2 text-sm font-medium text-danger-700">
                      {message(error)}
                    </p>
                  ) : null}
                  {days.length === 0 ? (
                    <p className="text-muted">{t("noScheduled")}</p>
                  ) : (
                    <div className="flex flex-col gap-3">
                      {days.map((day) => {
                        const option = known.get(optionKey(child.id, day.date));
                        return (
                          <fieldset key={day.date} aria-describedby={error ? errorId : undefined}>
                            <legend className="font-medium first-letter:uppercase">
                              <span className="sr-only">{child.firstName}, </span>
                              {formatDay(day.date, locale, "weekday")}
                            </legend>
                            <div className="mt-1 flex flex-col gap-1">
                              {day.parts.map((p) => {
                                const key = slotKey(child.id, day.date, p.dayPartId);
                                const group = option?.dayParts.find((d) => d.dayPartId === p.dayPartId)?.groupName;
                                return (
                                  <CheckboxField
                                    key={key}
                                    id={`swap-giveup-${child.id}-${day.date}-${p.dayPartId}`}
                                    checked={p.canGiveUp && !unticked.has(key)}
                                    disabled={!p.canGiveUp}
                                    onChange={(checked) => toggle("unticked", key, !checked)}
                                  >
                                    {dayPartName(p.code)} <span className="tabular-nums">{formatMinuteRange(p.startMinute, p.endMinute)}</span>
                                    {group ? <span className="text-muted"> ({group})</span> : null}
                                    {p.reason ? <span className="text-muted"> — {t(`cannotGiveUp.${p.reason}`)}</span> : null}
                                  </CheckboxField>
                                );
                              })}
                            </div>
                          </fieldset>
                        );
                      })}
                    </div>
                  )}
                </div>
              );
            })}
          </>
        )}
      </section>

      <section aria-labelledby="swap-target-heading" className="flex flex-col gap-3">
        <h2 id="swap-target-heading" className="text-lg font-semibold">
          {t("targetHeading")}
        </h2>
        <p className="text-sm text-muted">{t("targetIntro")}</p>
        <MonthCalendar
          id="swap-target-calendar"
          label={t("targetCalendar")}
          locale={locale}
          month={shown.target}
          min={bookingWindow.firstDate}
          max={bookingWindow.lastDate}
          mode="single"
          selection={target ? { from: target, to: target } : null}
          onSelect={(next) => {
            setTarget(next.from);
            changed();
          }}
          onMonthChange={(month) => showMonth("target", month)}
          dayInfo={calendarInfo("target")}
          busy={targetBusy}
        />
        {target ? (
          <p className="font-medium first-letter:uppercase" aria-live="polite">
            {t("chosenDate", { date: formatDay(target, locale, "weekday") })}
          </p>
        ) : null}
        <h3 className="text-base font-semibold">{t("want")}</h3>
        {chosen.length === 0 ? (
          <p className="text-muted">{t("chooseChildren")}</p>
        ) : !target ? (
          <p className="text-muted">{t("chooseTarget")}</p>
        ) : (
          chosen.map((child, i) => {
            const option = targetOption(child.id);
            const error = childError(i)?.want;
            const errorId = `swap-want-${child.id}-error`;
            return (
              <div key={child.id} className="rounded-xl border border-line bg-surface p-4 shadow-sm">
                <h4 className="mb-2 font-semibold">{child.firstName}</h4>
                {error ? (
                  <p id={errorId} className="mb-2 text-sm font-medium text-danger-700">
                    {message(error)}
                  </p>
                ) : null}
                {!option ? (
                  <p role="status" className="text-muted">
                    {t("loading")}
                  </p>
                ) : option.blocked ? (
                  <p className="text-muted">{message(blockedKey(option.blocked))}</p>
                ) : option.dayParts.length === 0 ? (
                  <p className="text-muted">{t("noDayParts")}</p>
                ) : (
                  <fieldset aria-describedby={error ? errorId : undefined}>
                    <legend className="font-medium first-letter:uppercase">
                      <span className="sr-only">{child.firstName}, </span>
                      {formatDay(option.date, locale, "weekday")}
                    </legend>
                    <div className="mt-1 flex flex-col gap-1">
                      {option.dayParts.map((p) => {
                        const key = slotKey(child.id, option.date, p.dayPartId);
                        const possible = canWant(option, p);
                        return (
                          <CheckboxField
                            key={key}
                            id={`swap-want-${child.id}-${option.date}-${p.dayPartId}`}
                            checked={possible && wanted.has(key)}
                            disabled={!possible}
                            onChange={(checked) => toggle("wanted", key, checked)}
                          >
                            {dayPartName(p.code)} <span className="tabular-nums">{formatMinuteRange(p.startMinute, p.endMinute)}</span>{" "}
                            <span className="text-muted">({p.groupName})</span>
                            {p.pending ? <span className="text-muted"> — {t("optionExtra")}</span> : null}
                            {p.absent ? <span className="text-muted"> — {t("absentNote")}</span> : null}
                            {p.closed ? <span className="text-muted"> — {t("closedNote")}</span> : null}
                            {p.alreadyScheduled ? (
                              <span className="block text-sm font-medium text-accent-700">
                                {t("alreadyScheduledWarning")}{" "}
                                <span className="tabular-nums">
                                  ({t("scheduledTimes", { times: formatMinuteRange(p.alreadyScheduled.startMinute, p.alreadyScheduled.endMinute) })})
                                </span>
                              </span>
                            ) : null}
                          </CheckboxField>
                        );
                      })}
                    </div>
                  </fieldset>
                )}
              </div>
            );
          })
        )}
      </section>

      {chosen.length > 0 ? (
        <section aria-labelledby="swap-summary-heading" className="flex flex-col gap-3">
          <h2 id="swap-summary-heading" className="text-lg font-semibold">
            {t("summaryHeading")}
          </h2>
          <ul className="flex flex-col gap-3">
            {chosen.map((child, i) => {
              const balance = childBalance(known, request[i]!);
              const error = childError(i)?.child;
              return (
                <li key={child.id} className="rounded-xl border border-line bg-surface p-4 shadow-sm" data-testid="swap-summary">
                  <h3 className="font-semibold">{child.firstName}</h3>
                  <p>{t("summaryGivenUp", { hours: formatHours(balance.givenUpMinutes, locale) })}</p>
                  <p>{t("summaryWanted", { hours: formatHours(balance.wantedMinutes, locale) })}</p>
                  {balance.exceeds ? (
                    <p className="text-sm font-medium text-danger-700">{t("errors.wantedExceedsGivenUp")}</p>
                  ) : balance.wantedMinutes > 0 && balance.forfeitedMinutes > 0 ? (
                    <p className="text-sm font-medium text-accent-700">{t("forfeited", { hours: formatHours(balance.forfeitedMinutes, locale) })}</p>
                  ) : null}
                  {error && !(balance.exceeds && error === "SwapDay.errors.wantedExceedsGivenUp") ? (
                    <p className="text-sm font-medium text-danger-700">{message(error)}</p>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}

      <div className="flex flex-col gap-1">
        <label htmlFor="swap-assess-whole" className="inline-flex min-h-11 cursor-pointer items-center gap-2 font-medium">
          <input
            id="swap-assess-whole"
            type="checkbox"
            className="size-5 accent-brand-700"
            checked={assessWhole}
            disabled={!wholePossible}
            aria-describedby="swap-assess-whole-hint"
            onChange={(e) => {
              setAssessAsWhole(e.target.checked);
              changed();
            }}
          />
          {t("assessAsWhole")}
        </label>
        <p id="swap-assess-whole-hint" className="text-sm text-muted">
          {wholePossible ? t("assessAsWholeHint") : t("assessAsWholeDisabled")}
        </p>
        {fieldError("assessAsWhole") ? <p className="text-sm font-medium text-danger-700">{fieldError("assessAsWhole")}</p> : null}
      </div>

      <TextField
        id="swap-expires-on"
        label={t("expiresOn")}
        hint={t("expiresOnHint")}
        type="date"
        min={bookingWindow.firstDate}
        max={expiryMax ?? undefined}
        error={fieldError("expiresOn")}
        describedBy={describe}
        {...register("expiresOn", { onChange: changed })}
      />

      <TextAreaField id="swap-comment" label={t("comment")} maxLength={600} error={fieldError("comment")} {...register("comment")} />

      <div>
        <Button type="submit" variant="primary" disabled={busy || loading}>
          {busy ? t("submitting") : t("submit")}
        </Button>
      </div>
    </form>
  );
}
