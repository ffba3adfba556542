"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { FormAlert } from "@/components/auth/form-alert";
import { TextField } from "@/components/auth/form-field";
import { useMessageKey } from "@/components/auth/use-message";
import { Button } from "@/components/ui/button";
import { CheckboxField, RadioField, TextAreaField } from "@/components/ui/choice-fields";
import { submitExtraDayAction } from "@/lib/actions/requests/extra-day";
import type { ChildOptions, RequestOptions } from "@/lib/db/requests/options";
import type { ExtraDayResult } from "@/lib/db/requests/extra-day";
import { eachDay, startOfMonth } from "@/lib/domain/dates";
import { formatDay, formatMinuteRange } from "@/lib/format/date";
import { formatEuro, formatHours } from "@/lib/format/money";
import { useRouter } from "@/lib/i18n/navigation";
import { extraDaySchema, MAX_COMMENT_LENGTH, type ExtraDayData, type ExtraDayInput, type ExtraDayPayment } from "@/lib/schemas/extra-day";
import { newIdempotencyKey } from "./hours";
import {
  addBookings,
  bookingsFor,
  creditOverspent,
  dayPartChoices,
  draftTotals,
  flexUse,
  mergeChildDays,
  numberBookings,
  type DayPartChoice,
  type DraftBooking,
} from "./extra-day-draft";
import { MonthCalendar, type CalendarSelection } from "./month-calendar";
import { RequestConfirmation } from "./request-confirmation";

const ERROR_ID = "extra-day-error";

/** The payment picked for one day part in the "add" panel: "INVOICE" or a credit id (flex needs no choice). */
type PaymentPick = "INVOICE" | string;

/**
 * "Dag aanvragen" (seed 002 §5.2). The parent picks children, then "Dag toevoegen" opens a calendar
 * for a date or a period; per child the possible day parts are listed (scheduled ones "reeds gepland"
 * with their times) with the price and, per day part, payment by invoice or one credit that covers it
 * whole. "Toevoegen" puts those day parts in the request as one booking (the unit the parent can later
 * cancel per child); the request holds any number of bookings. Then
 * "assess as a whole" (single date only), "expires on" and a comment, and "Indienen".
 */
export function ExtraDayForm({
  locale,
  month,
  window,
  childrenOptions,
}: {
  locale: string;
  /** The first day of the month the page loaded options for. */
  month: string;
  window: RequestOptions["window"];
  childrenOptions: readonly ChildOptions[];
}) {
  const t = useTranslations("ExtraDay");
  const ta = useTranslations("Agenda");
  const message = useMessageKey();
  const router = useRouter();
  const [loading, startLoading] = useTransition();

  const [childIds, setChildIds] = useState<string[]>(childrenOptions.length === 1 ? [childrenOptions[0]!.id] : []);
  const [draft, setDraft] = useState<DraftBooking[]>([]);
  const [adding, setAdding] = useState(false);
  const [periodMode, setPeriodMode] = useState(false);
  const [selection, setSelection] = useState<CalendarSelection | null>(null);
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [payments, setPayments] = useState<Readonly<Record<string, PaymentPick>>>({});
  const [addError, setAddError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [formError, setFormError] = useState<string | null>(null);
  const [bookingErrors, setBookingErrors] = useState<Readonly<Record<string, string>>>({});
  const [done, setDone] = useState<ExtraDayResult | null>(null);
  const [assessAsWhole, setAssessAsWhole] = useState(false);
  const lastKey = useRef<{ fingerprint: string; key: string } | null>(null);
  // Every "Toevoegen" is a new booking; the numbers are made dense on submit.
  const nextBooking = useRef(0);
  const addButton = useRef<HTMLButtonElement>(null);
  const panelHeading = useRef<HTMLHeadingElement>(null);

  const {
    register,
    handleSubmit,
    setValue,
    setError,
    clearErrors,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<ExtraDayInput, unknown, ExtraDayData>({
    resolver: zodResolver(extraDaySchema),
    shouldFocusError: false,
    defaultValues: { bookings: [], assessAsWhole: false, expiresOn: "", comment: "", idempotencyKey: "" },
  });

  // Every month loaded so far stays known, so a period may run on into the next month (state adjusted
  // while rendering when the page loads another month, as React recommends over an effect).
  const [known, setKnown] = useState(() => ({ from: childrenOptions, children: mergeChildDays([], childrenOptions) }));
  if (known.from !== childrenOptions) setKnown({ from: childrenOptions, children: mergeChildDays(known.children, childrenOptions) });
  const knownChild = (id: string) => known.children.find((c) => c.id === id)!;

  useEffect(() => {
    if (adding) panelHeading.current?.focus();
  }, [adding]);

  const dayPartName = (code: string) => {
    const key = `dayPart.${code}` as "dayPart.MORNING";
    return ta.has(key) ? ta(key) : code;
  };

  const chosen = childrenOptions.filter((c) => childIds.includes(c.id));
  const totals = draftTotals(draft);
  const singleDate = totals.dates.length <= 1;
  // "Assess as a whole" only for one single date: with several dates it is shown unticked and disabled.

  const changeMonth = (next: string) => {
    startLoading(() => {
      router.replace({ pathname: "/agenda/request-day", query: { month: startOfMonth(next) } }, { scroll: false });
    });
  };

  const toggleChild = (id: string, checked: boolean) => {
    setChildIds((ids) => (checked ? [...ids.filter((c) => c !== id), id] : ids.filter((c) => c !== id)));
    setAddError(null);
  };

  const pickDates = selection ? eachDay(selection.from, selection.to) : [];
  const choicesFor = (child: ChildOptions) => (pickDates.length > 0 ? dayPartChoices(knownChild(child.id), pickDates, draft) : []);
  const pickKey = (childId: string, dayPartId: string) => `${childId}|${dayPartId}`;

  const dayInfo = (date: string) => {
    const relevant = chosen.length > 0 ? chosen : childrenOptions;
    const days = relevant.map((c) => c.days.find((d) => d.date === date)).filter((d) => d !== undefined);
    if (days.length === 0) return { disabled: true };
    const closed = days.every((d) => d.closed !== null);
    if (closed) return { disabled: true, note: t("calendarClosed") };
    const disabled = days.every((d) => d.blocked !== null);
    const scheduled = days.some((d) => d.dayParts.some((p) => p.alreadyScheduled !== null));
    return { disabled, note: scheduled ? t("calendarScheduled") : undefined };
  };

  const openPanel = () => {
    setAdding(true);
    setAddError(null);
    setFormError(null);
  };
  const closePanel = () => {
    setAdding(false);
    setSelection(null);
    setPicked(new Set());
    setPayments({});
    setAddError(null);
    requestAnimationFrame(() => addButton.current?.focus());
  };

  const paymentOf = (choice: DayPartChoice, pick: PaymentPick | undefined): ExtraDayPayment => {
    if (choice.payment === "FLEX") return { method: "FLEX" };
    if (pick && pick !== "INVOICE" && choice.credits.some((c) => c.id === pick)) return { method: "CREDIT", creditId: pick };
    return { method: "INVOICE" };
  };

  const addPicked = () => {
    if (chosen.length === 0) return setAddError(t("chooseChildren"));
    if (!selection) return setAddError(t("chooseDate"));
    const added = chosen.flatMap((child) =>
      choicesFor(child)
        .filter((choice) => choice.dates.length > 0 && picked.has(pickKey(child.id, choice.dayPartId)))
        .flatMap((choice) => bookingsFor(child, choice, paymentOf(choice, payments[pickKey(child.id, choice.dayPartId)]), nextBooking.current)),
    );
    if (added.length === 0) return setAddError(t("chooseDayParts"));
    // One credit picked for several day parts at once must cover them all together (no partial payment).
    if (creditOverspent(added, chosen.flatMap((child) => choicesFor(child).flatMap((c) => c.credits)))) {
      return setAddError(t("errors.creditInsufficient"));
    }
    nextBooking.current += 1;
    setDraft((d) => addBookings(d, added));
    setBookingErrors({});
    setAnnouncement(t("added", { count: added.length }));
    clearErrors("bookings");
    closePanel();
  };

  const removeBooking = (key: string) => {
    setDraft((d) => d.filter((b) => b.key !== key));
    setBookingErrors((e) => {
      const next = { ...e };
      delete next[key];
      return next;
    });
    setAnnouncement(t("removed"));
    requestAnimationFrame(() => addButton.current?.focus());
  };

  const submit = async (data: ExtraDayData) => {
    setFormError(null);
    setBookingErrors({});
    const result = await submitExtraDayAction(data).catch(() => null);
    if (!result) return setFormError("errors.unexpected");
    if (!result.ok) {
      const perBooking: Record<string, string> = {};
      for (const [field, keys] of Object.entries(result.fieldErrors ?? {})) {
        const key = keys?.[0];
        if (!key) continue;
        const m = /^bookings\.(\d+)/.exec(field);
        const booking = m ? draft[Number(m[1])] : undefined;
        if (booking) perBooking[booking.key] ??= key;
        else if (field === "expiresOn" || field === "assessAsWhole" || field === "comment") setError(field, { message: key });
      }
      setBookingErrors(perBooking);
      return setFormError(result.code);
    }
    setDone(result.data);
  };

  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    // Same order as the draft, so a server error on "bookings.<i>" still points at row i.
    const bookings = numberBookings(draft).map((b) => ({ childId: b.childId, date: b.date, dayPartId: b.dayPartId, payment: b.payment, booking: b.booking }));
    // A new key only when the request itself changed: a double click sends the same key twice.
    const fingerprint = JSON.stringify(bookings);
    if (!lastKey.current || lastKey.current.fingerprint !== fingerprint) lastKey.current = { fingerprint, key: newIdempotencyKey() };
    setValue("bookings", bookings);
    setValue("assessAsWhole", assessAsWhole && totals.dates.length <= 1);
    setValue("idempotencyKey", lastKey.current.key);
    return handleSubmit(submit, () => setFormError("errors.validation"))(event);
  };

  const startAgain = () => {
    setDone(null);
    setDraft([]);
    setFormError(null);
    setBookingErrors({});
    setAssessAsWhole(false);
    lastKey.current = null;
    nextBooking.current = 0;
    reset({ bookings: [], assessAsWhole: false, expiresOn: "", comment: "", idempotencyKey: "" });
    router.refresh();
  };

  if (done) {
    return (
      <RequestConfirmation
        id="extra-day-done"
        title={t("confirmationTitle")}
        requestId={done.requestId}
        detailsLabel={t("toDetails")}
        anotherLabel={t("another")}
        onAnother={startAgain}
      >
        <p>{t("submitted")}</p>
        <ul className="list-disc space-y-1 pl-5">
          <li>{t("confirmationDayParts", { count: done.items.length })}</li>
          <li>{t("confirmationHours", { hours: formatHours(done.totals.minutes, locale) })}</li>
          <li>{t("confirmationInvoiced", { amount: formatEuro(done.totals.invoicedCents, locale) })}</li>
        </ul>
      </RequestConfirmation>
    );
  }

  const bookingsError = errors.bookings?.message ?? errors.bookings?.root?.message;
  const describe = formError ? ERROR_ID : undefined;
  const flexUsed = flexUse(draft);

  return (
    <form noValidate onSubmit={onSubmit} className="flex max-w-3xl flex-col gap-6" aria-busy={isSubmitting || undefined}>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
      {formError ? (
        <FormAlert id={ERROR_ID} tone="error" title={t("errorTitle")}>
          {message(formError)}
        </FormAlert>
      ) : null}

      <p className="rounded-lg border border-line bg-surface p-3 text-sm text-muted">{t("notStructural")}</p>

      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-lg font-semibold">{t("childrenLegend")}</legend>
        <p className="text-sm text-muted">{t("childrenHint")}</p>
        <div className="flex flex-wrap gap-x-6 gap-y-2">
          {childrenOptions.map((child) => (
            <CheckboxField key={child.id} id={`extra-day-child-${child.id}`} checked={childIds.includes(child.id)} onChange={(c) => toggleChild(child.id, c)}>
              {child.firstName}
            </CheckboxField>
          ))}
        </div>
        {chosen.flatMap((c) =>
          // The pot of each year the shown month lies in, less what this request already spends of it.
          (c.flex?.balances ?? []).map((b) => (
            <p key={`${c.id}-${b.year}`} className="text-sm">
              {t("flexBalance", {
                child: c.firstName,
                hours: formatHours(Math.max(0, b.remainingMinutes - (flexUsed.get(`${c.id}|${b.year}`) ?? 0)), locale),
                year: b.year,
                months: c.flex!.monthsAhead,
              })}
            </p>
          )),
        )}
      </fieldset>

      <section aria-labelledby="extra-day-bookings-heading" className="flex flex-col gap-3">
        <h2 id="extra-day-bookings-heading" className="text-lg font-semibold">
          {t("bookingsHeading")}
        </h2>
        {bookingsError ? (
          <p id="extra-day-bookings-error" className="text-sm font-medium text-danger-700">
            {message(bookingsError)}
          </p>
        ) : null}
        {draft.length === 0 ? (
          <p className="text-muted">{t("noBookings")}</p>
        ) : (
          <>
            <ul className="flex flex-col divide-y divide-line rounded-xl border border-line bg-surface shadow-sm">
              {draft.map((b) => {
                const error = bookingErrors[b.key];
                const label = `${b.childName}, ${dayPartName(b.code)}, ${formatDay(b.date, locale, "weekday")}`;
                return (
                  <li key={b.key} className="flex flex-wrap items-center gap-x-4 gap-y-1 p-3">
                    <div className="min-w-0 flex-1">
                      <p className="font-medium first-letter:uppercase">{formatDay(b.date, locale, "weekday")}</p>
                      <p>
                        {b.childName} · {dayPartName(b.code)} <span className="tabular-nums">{formatMinuteRange(b.startMinute, b.endMinute)}</span>{" "}
                        <span className="text-muted">({b.groupName})</span>
                      </p>
                      <p className="text-sm text-muted">{paymentLabel(b, t, locale)}</p>
                      {error ? <p className="text-sm font-medium text-danger-700">{message(error)}</p> : null}
                    </div>
                    <Button variant="ghost" size="sm" onClick={() => removeBooking(b.key)} aria-label={t("removeBooking", { booking: label })}>
                      {t("remove")}
                    </Button>
                  </li>
                );
              })}
            </ul>
            <p className="font-medium">
              {t("total", { count: draft.length, hours: formatHours(totals.minutes, locale), amount: formatEuro(totals.invoicedCents, locale) })}
            </p>
          </>
        )}
        {!adding ? (
          <div>
            <Button ref={addButton} variant="secondary" onClick={openPanel}>
              <span aria-hidden="true">+</span> {t("addDay")}
            </Button>
          </div>
        ) : null}
      </section>

      {adding ? (
        <section aria-labelledby="extra-day-add-heading" className="flex flex-col gap-4 rounded-xl border border-brand-200 bg-brand-50/40 p-4">
          <h2 id="extra-day-add-heading" ref={panelHeading} tabIndex={-1} className="text-lg font-semibold">
            {t("addDay")}
          </h2>
          <CheckboxField
            id="extra-day-period"
            checked={periodMode}
            onChange={(c) => {
              setPeriodMode(c);
              setSelection(null);
              setPicked(new Set());
            }}
          >
            {t("periodToggle")}
          </CheckboxField>
          <MonthCalendar
            id="extra-day-calendar"
            label={periodMode ? t("calendarPeriodLabel") : t("calendarLabel")}
            locale={locale}
            month={month}
            min={window.firstDate}
            max={window.lastDate}
            mode={periodMode ? "period" : "single"}
            selection={selection}
            onSelect={(s) => {
              setSelection(s);
              setAddError(null);
            }}
            onMonthChange={changeMonth}
            dayInfo={dayInfo}
            busy={loading}
            legend={t("calendarLegend")}
          />
          <p className="text-sm text-muted">{t("windowHint", { last: formatDay(window.lastDate, locale, "long") })}</p>

          {selection ? (
            <div className="flex flex-col gap-3">
              <h3 className="font-semibold first-letter:uppercase">
                {selection.from === selection.to
                  ? formatDay(selection.from, locale, "weekday")
                  : t("periodSummary", { from: formatDay(selection.from, locale, "long"), to: formatDay(selection.to, locale, "long"), count: pickDates.length })}
              </h3>
              {chosen.length === 0 ? <p className="text-muted">{t("chooseChildren")}</p> : null}
              {chosen.map((child) => (
                <ChildChoices
                  key={child.id}
                  child={child}
                  choices={choicesFor(child)}
                  period={pickDates.length > 1}
                  picked={picked}
                  payments={payments}
                  locale={locale}
                  dayPartName={dayPartName}
                  onPick={(key, checked) =>
                    setPicked((set) => {
                      const next = new Set(set);
                      if (checked) next.add(key);
                      else next.delete(key);
                      return next;
                    })
                  }
                  onPayment={(key, value) => setPayments((p) => ({ ...p, [key]: value }))}
                  blockedMessage={(date) => {
                    const day = knownChild(child.id).days.find((d) => d.date === date);
                    if (day?.closed) return t("closedOn", { name: day.closed.name ?? ta(`holiday.${day.closed.code}` as "holiday.NEW_YEAR") });
                    if (day?.blocked) return message(`ExtraDay.errors.${{ PAST: "past", TODAY: "today", TOO_FAR: "tooFar", CLOSED: "closed" }[day.blocked]}`);
                    // A flex contract: care is requested at least a month ahead (seed 003).
                    if (day?.flex && !day.flex.inTime) return t("errors.flexTooLate");
                    return null;
                  }}
                />
              ))}
            </div>
          ) : null}

          {addError ? (
            <p role="alert" className="text-sm font-medium text-danger-700">
              {addError}
            </p>
          ) : null}
          <div className="flex flex-wrap gap-2">
            <Button variant="primary" onClick={addPicked} disabled={loading}>
              {t("add")}
            </Button>
            <Button variant="ghost" onClick={closePanel}>
              {t("cancelAdd")}
            </Button>
          </div>
        </section>
      ) : null}

      <fieldset className="flex flex-col gap-4">
        <legend className="mb-1 text-lg font-semibold">{t("optionsLegend")}</legend>
        <div className="flex flex-col gap-1">
          <label htmlFor="extra-day-whole" className="inline-flex min-h-11 cursor-pointer items-center gap-2">
            <input
              id="extra-day-whole"
              type="checkbox"
              className="size-5 accent-brand-700"
              checked={assessAsWhole && singleDate}
              disabled={!singleDate}
              aria-describedby="extra-day-whole-hint"
              onChange={(e) => setAssessAsWhole(e.target.checked)}
            />
            {t("assessAsWhole")}
          </label>
          <p id="extra-day-whole-hint" className="text-sm text-muted">
            {singleDate ? t("assessAsWholeHint") : t("assessAsWholeDisabled")}
          </p>
          {errors.assessAsWhole?.message ? <p className="text-sm font-medium text-danger-700">{message(errors.assessAsWhole.message)}</p> : null}
        </div>
        <TextField
          id="extra-day-expires"
          label={t("expiresOn")}
          hint={t("expiresOnHint")}
          type="date"
          min={window.firstDate}
          max={totals.dates[0] ?? window.lastDate}
          error={errors.expiresOn?.message ? message(errors.expiresOn.message) : undefined}
          describedBy={describe}
          className="max-w-xs"
          {...register("expiresOn")}
        />
        <TextAreaField
          id="extra-day-comment"
          label={t("comment")}
          maxLength={MAX_COMMENT_LENGTH + 100}
          error={errors.comment?.message ? message(errors.comment.message) : undefined}
          {...register("comment")}
        />
      </fieldset>

      <div>
        <Button type="submit" variant="primary" disabled={isSubmitting}>
          {isSubmitting ? t("submitting") : t("submit")}
        </Button>
      </div>
    </form>
  );
}

function paymentLabel(b: DraftBooking, t: ReturnType<typeof useTranslations<"ExtraDay">>, locale: string): string {
  if (b.payment.method === "FLEX") return t("paidFlex", { hours: formatHours(b.minutes, locale) });
  if (b.payment.method === "CREDIT") return t("paidCredit", { hours: formatHours(b.minutes, locale) });
  return t("paidInvoice", { amount: formatEuro(b.priceCents ?? 0, locale) });
}

function ChildChoices({
  child,
  choices,
  period,
  picked,
  payments,
  locale,
  dayPartName,
  onPick,
  onPayment,
  blockedMessage,
}: {
  child: ChildOptions;
  choices: DayPartChoice[];
  period: boolean;
  picked: ReadonlySet<string>;
  payments: Readonly<Record<string, PaymentPick>>;
  locale: string;
  dayPartName: (code: string) => string;
  onPick: (key: string, checked: boolean) => void;
  onPayment: (key: string, value: PaymentPick) => void;
  blockedMessage: (date: string) => string | null;
}) {
  const t = useTranslations("ExtraDay");
  const single = !period ? choices[0]?.dates[0] ?? choices[0]?.scheduled[0]?.date ?? choices[0]?.unavailable[0] : undefined;
  const blocked = single ? blockedMessage(single) : null;

  return (
    <fieldset className="rounded-xl border border-line bg-surface p-4 shadow-sm">
      <legend className="px-1 text-base font-semibold">{child.firstName}</legend>
      {blocked && choices.every((c) => c.dates.length === 0) ? (
        <p className="text-muted">{blocked}</p>
      ) : choices.length === 0 ? (
        <p className="text-muted">{t("noDayParts")}</p>
      ) : (
        <ul className="flex flex-col gap-3">
          {choices.map((choice) => {
            const key = `${child.id}|${choice.dayPartId}`;
            const id = `extra-day-part-${child.id}-${choice.dayPartId}`;
            const times = formatMinuteRange(choice.startMinute, choice.endMinute);
            if (choice.dates.length === 0) {
              return (
                <li key={key} className="flex min-h-11 flex-wrap items-center gap-x-2">
                  <span className="font-medium">{dayPartName(choice.code)}</span>
                  {choice.scheduled.length > 0 && !period ? (
                    <span>
                      — {t("alreadyScheduled")} <span className="tabular-nums">{formatMinuteRange(choice.scheduled[0]!.startMinute, choice.scheduled[0]!.endMinute)}</span>
                    </span>
                  ) : (
                    <span className="text-muted">
                      —{" "}
                      {choice.scheduled.length > 0
                        ? t("alreadyScheduled")
                        : !period && choice.absent.length > 0
                          ? t("absentNote")
                          : !period && choice.closed.length > 0
                            ? t("closedNote")
                            : t("notAvailable")}
                    </span>
                  )}
                </li>
              );
            }
            const checked = picked.has(key);
            const pay = payments[key] ?? "INVOICE";
            const price =
              choice.payment === "FLEX"
                ? t("priceFlex", { hours: formatHours(choice.minutes, locale) })
                : t("price", { amount: formatEuro(choice.priceCents ?? 0, locale) });
            return (
              <li key={key} className="flex flex-col gap-2">
                <label htmlFor={id} className="inline-flex min-h-11 cursor-pointer items-center gap-2">
                  <input id={id} type="checkbox" className="size-5 accent-brand-700" checked={checked} onChange={(e) => onPick(key, e.target.checked)} />
                  <span>
                    <span className="font-medium">{dayPartName(choice.code)}</span> <span className="tabular-nums">{times}</span>{" "}
                    <span className="text-muted">({choice.groupName})</span> — {price}
                    {period ? (
                      <span className="block text-sm text-muted">
                        {t("appliesOn", { count: choice.dates.length, scheduled: choice.scheduled.length, other: choice.unavailable.length })}
                      </span>
                    ) : null}
                  </span>
                </label>
                {checked && choice.payment === "INVOICE" ? (
                  <fieldset className="ml-7 flex flex-col gap-1">
                    <legend className="text-sm font-medium">{t("paymentLegend", { dayPart: dayPartName(choice.code) })}</legend>
                    <RadioField id={`${id}-invoice`} className="text-sm" name={`${id}-payment`} checked={pay === "INVOICE"} onChange={() => onPayment(key, "INVOICE")}>
                      {t("payByInvoice")}
                    </RadioField>
                    {choice.credits.map((credit) => (
                      <RadioField key={credit.id} id={`${id}-credit-${credit.id}`} className="text-sm" name={`${id}-payment`} checked={pay === credit.id} onChange={() => onPayment(key, credit.id)}>
                        {t("payByCreditOption", {
                          kind: t(`creditKind.${credit.kind}`),
                          hours: formatHours(credit.remainingMinutes, locale),
                          date: formatDay(credit.validUntil, locale, "long"),
                        })}
                      </RadioField>
                    ))}
                    {choice.credits.length === 0 ? <p className="text-sm text-muted">{t("noCredits")}</p> : null}
                  </fieldset>
                ) : null}
                {checked && choice.payment === "FLEX" ? <p className="ml-7 text-sm">{t("payByFlexNote")}</p> : null}
              </li>
            );
          })}
        </ul>
      )}
    </fieldset>
  );
}
