"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRef, useState, useTransition } from "react";
import { useForm, type FieldError } from "react-hook-form";
import { FormAlert } from "@/components/auth/form-alert";
import { TextField } from "@/components/auth/form-field";
import { useMessageKey } from "@/components/auth/use-message";
import { Button } from "@/components/ui/button";
import { CheckboxField, FieldGroup, TextAreaField } from "@/components/ui/choice-fields";
import { submitAbsenceAction } from "@/lib/actions/requests/absence";
import type { FailureDetail } from "@/lib/actions/result";
import { isIsoDate } from "@/lib/domain/dates";
import { formatDay, formatMinuteRange } from "@/lib/format/date";
import { useRouter } from "@/lib/i18n/navigation";
import { ABSENCE_REASONS, absenceSchema, type AbsenceData, type AbsenceInput } from "@/lib/schemas/absence";
import { formatHours, newIdempotencyKey } from "./hours";
import { RequestConfirmation } from "./request-confirmation";

export interface AbsenceFormChild {
  id: string;
  firstName: string;
}

export interface AbsenceFormDayPart {
  dayPartId: string;
  code: string;
  startMinute: number;
  endMinute: number;
  groupName: string;
  /** A swap giving this day part up is pending: it cannot be reported absent (the server refuses). */
  pendingSwapAway: boolean;
}

export interface AbsenceFormDay {
  date: string;
  children: { childId: string; dayParts: AbsenceFormDayPart[] }[];
}

interface Submitted {
  requestId: string;
  totalMinutes: number;
  makeUpMinutes: number;
}

const ERROR_ID = "absence-error";
const selectionKey = (childId: string, date: string, dayPartId: string) => `${childId}|${date}|${dayPartId}`;

/** The first message anywhere in a (nested) react-hook-form error. */
function firstMessage(error: unknown): string | undefined {
  if (!error || typeof error !== "object") return undefined;
  const e = error as Partial<FieldError> & Record<string, unknown>;
  if (typeof e.message === "string" && e.message) return e.message;
  for (const value of Object.values(e)) {
    if (value && typeof value === "object" && value !== e.ref) {
      const m = firstMessage(value);
      if (m) return m;
    }
  }
  return undefined;
}

/**
 * "Afwezigheid doorgeven" (seed 002 §5.4): a date or period, the children, per child and date the
 * scheduled day parts (pre-ticked), a reason and a comment. The page loads the day parts for the period
 * in the URL; changing a date replaces the URL so the server lists the new period. A report keeps its
 * idempotency key while nothing changes, so a double click is one report.
 */
export function AbsenceForm({
  locale,
  today,
  from: loadedFrom,
  to: loadedTo,
  childrenList,
  days,
}: {
  locale: string;
  today: string;
  from: string;
  to: string;
  childrenList: readonly AbsenceFormChild[];
  days: readonly AbsenceFormDay[];
}) {
  const t = useTranslations("Absence");
  const ta = useTranslations("Agenda");
  const message = useMessageKey();
  const router = useRouter();
  const [loading, startLoading] = useTransition();
  const [from, setFrom] = useState(loadedFrom);
  const [to, setTo] = useState(loadedTo);
  const [childIds, setChildIds] = useState<string[]>(childrenList.length === 1 ? [childrenList[0]!.id] : []);
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set());
  const [formError, setFormError] = useState<string | null>(null);
  const [formErrorAbout, setFormErrorAbout] = useState<FailureDetail | null>(null);
  const [done, setDone] = useState<Submitted | null>(null);
  const lastKey = useRef<{ fingerprint: string; key: string } | null>(null);

  const {
    register,
    handleSubmit,
    setValue,
    setError,
    clearErrors,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<AbsenceInput, unknown, AbsenceData>({
    resolver: zodResolver(absenceSchema),
    shouldFocusError: false,
    defaultValues: { childIds: [], from: loadedFrom, to: loadedTo, selections: [], comment: "", idempotencyKey: "" },
  });

  // The server may clamp the period (e.g. a date in the past becomes today): follow what it loaded
  // (state adjusted while rendering, as React recommends over an effect).
  const [loaded, setLoaded] = useState({ from: loadedFrom, to: loadedTo });
  if (loaded.from !== loadedFrom || loaded.to !== loadedTo) {
    setLoaded({ from: loadedFrom, to: loadedTo });
    setFrom(loadedFrom);
    setTo(loadedTo);
  }

  const dayPartName = (code: string) => {
    const key = `dayPart.${code}` as "dayPart.MORNING";
    return ta.has(key) ? ta(key) : code;
  };

  const reload = (nextFrom: string, nextTo: string) => {
    if (!isIsoDate(nextFrom) || !isIsoDate(nextTo)) return;
    startLoading(() => {
      router.replace({ pathname: "/agenda/absence", query: { from: nextFrom, to: nextTo } }, { scroll: false });
    });
  };

  const onFromChange = (value: string) => {
    // A single day is the common case: the end date follows the start date unless it was set later.
    const nextTo = !isIsoDate(to) || to < value || to === from ? value : to;
    setFrom(value);
    setTo(nextTo);
    clearErrors(["from", "to"]);
    reload(value, nextTo);
  };
  const onToChange = (value: string) => {
    setTo(value);
    clearErrors("to");
    reload(from, value);
  };

  const toggleChild = (id: string, checked: boolean) => {
    setChildIds((ids) => (checked ? [...ids.filter((c) => c !== id), id] : ids.filter((c) => c !== id)));
    clearErrors(["childIds", "selections"]);
  };
  const toggleDayPart = (key: string, checked: boolean) => {
    setUnticked((set) => {
      const next = new Set(set);
      if (checked) next.delete(key);
      else next.add(key);
      return next;
    });
    clearErrors("selections");
  };

  const chosen = childrenList.filter((c) => childIds.includes(c.id));
  const visibleDays = days.filter((d) => d.date >= from && d.date <= to);
  const selections = visibleDays.flatMap((day) =>
    day.children
      .filter((c) => childIds.includes(c.childId))
      .flatMap((c) =>
        c.dayParts
          .filter((p) => !p.pendingSwapAway && !unticked.has(selectionKey(c.childId, day.date, p.dayPartId)))
          .map((p) => ({ childId: c.childId, date: day.date, dayPartId: p.dayPartId })),
      ),
  );

  const submit = async (data: AbsenceData) => {
    setFormError(null);
    const result = await submitAbsenceAction(data).catch(() => null);
    if (!result) {
      setFormError("errors.unexpected");
      return;
    }
    if (!result.ok) {
      for (const [path, keys] of Object.entries(result.fieldErrors ?? {})) {
        const key = keys?.[0];
        const field = path.split(".")[0]!;
        if (key && ["childIds", "from", "to", "selections", "reason", "comment"].includes(field)) {
          setError(field as "from", { message: key });
        }
      }
      setFormError(result.code);
      setFormErrorAbout(result.detail ?? null);
      return;
    }
    setDone({ requestId: result.data.requestId, totalMinutes: result.data.totalMinutes, makeUpMinutes: result.data.makeUpMinutes });
  };

  const onInvalid = () => {
    setFormError("errors.validation");
    setFormErrorAbout(null);
  };

  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    // The controlled parts (dates, children, day parts) go into the form values just before validation;
    // the idempotency key is renewed only when the report itself changed.
    const fingerprint = JSON.stringify({ childIds, from, to, selections });
    if (!lastKey.current || lastKey.current.fingerprint !== fingerprint) {
      lastKey.current = { fingerprint, key: newIdempotencyKey() };
    }
    setValue("childIds", childIds);
    setValue("from", from);
    setValue("to", to);
    setValue("selections", selections);
    setValue("idempotencyKey", lastKey.current.key);
    return handleSubmit(submit, onInvalid)(event);
  };

  const startAgain = () => {
    setDone(null);
    setUnticked(new Set());
    setFormError(null);
    lastKey.current = null;
    reset({ childIds: [], from, to, selections: [], comment: "", idempotencyKey: "" });
    router.refresh();
  };

  if (done) {
    return (
      <RequestConfirmation
        id="absence-done"
        title={t("confirmationTitle")}
        requestId={done.requestId}
        detailsLabel={t("toDetails")}
        anotherLabel={t("another")}
        onAnother={startAgain}
      >
        <p>{t("submitted")}</p>
        <ul className="list-disc space-y-1 pl-5">
          <li>{t("totalHours", { hours: formatHours(done.totalMinutes, locale) })}</li>
          <li>{t("makeUpHours", { hours: formatHours(done.makeUpMinutes, locale) })}</li>
        </ul>
      </RequestConfirmation>
    );
  }

  const childError = firstMessage(errors.childIds);
  const selectionError = firstMessage(errors.selections);
  const reasonError = firstMessage(errors.reason);
  const commentError = firstMessage(errors.comment);
  const busy = isSubmitting;
  const describe = formError ? ERROR_ID : undefined;
  // "Noor, maandag 7 december 2026, Ochtend": what a refusal from the server is about.
  const aboutChild = childrenList.find((c) => c.id === formErrorAbout?.childId);
  const aboutPart = days
    .find((d) => d.date === formErrorAbout?.date)
    ?.children.find((c) => c.childId === formErrorAbout?.childId)
    ?.dayParts.find((p) => p.dayPartId === formErrorAbout?.dayPartId);
  const about = aboutChild && formErrorAbout?.date
    ? [aboutChild.firstName, formatDay(formErrorAbout.date, locale, "weekday"), aboutPart ? dayPartName(aboutPart.code) : null].filter(Boolean).join(", ")
    : null;

  return (
    <form noValidate onSubmit={onSubmit} className="flex max-w-3xl flex-col gap-6" aria-busy={busy || loading || undefined}>
      {formError ? (
        <FormAlert id={ERROR_ID} tone="error" title={t("errorTitle")}>
          {about ? `${about}: ` : null}
          {message(formError)}
        </FormAlert>
      ) : null}

      <fieldset className="flex flex-col gap-3">
        <legend className="mb-1 text-lg font-semibold">{t("periodLegend")}</legend>
        <p className="text-sm text-muted">{t("periodHint")}</p>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            id="absence-from"
            label={t("from")}
            type="date"
            min={today}
            required
            value={from}
            onChange={(e) => onFromChange(e.target.value)}
            error={errors.from ? message(errors.from.message) : undefined}
            describedBy={describe}
          />
          <TextField
            id="absence-to"
            label={t("to")}
            type="date"
            min={isIsoDate(from) ? from : today}
            required
            value={to}
            onChange={(e) => onToChange(e.target.value)}
            error={errors.to ? message(errors.to.message) : undefined}
            describedBy={describe}
          />
        </div>
      </fieldset>

      <FieldGroup id="absence-children" legend={t("children")} hint={t("childrenHint")} error={childError ? message(childError) : undefined}>
        <div className="flex flex-wrap gap-x-6 gap-y-2">
          {childrenList.map((child) => (
            <CheckboxField
              key={child.id}
              id={`absence-child-${child.id}`}
              checked={childIds.includes(child.id)}
              onChange={(checked) => toggleChild(child.id, checked)}
            >
              {child.firstName}
            </CheckboxField>
          ))}
        </div>
      </FieldGroup>

      <section aria-labelledby="absence-dayparts-heading" className="flex flex-col gap-3" aria-busy={loading || undefined}>
        <h2 id="absence-dayparts-heading" className="text-lg font-semibold">
          {t("dayParts")}
        </h2>
        {loading ? (
          <p role="status" className="text-muted">
            {t("loadingDayParts")}
          </p>
        ) : chosen.length === 0 ? (
          <p className="text-muted">{t("chooseChildren")}</p>
        ) : (
          <>
            <p className="text-sm text-muted">{t("dayPartsHint")}</p>
            {selectionError ? (
              <p id="absence-selections-error" className="text-sm font-medium text-danger-700">
                {message(selectionError)}
              </p>
            ) : null}
            {chosen.map((child) => {
              const childDays = visibleDays
                .map((day) => ({ date: day.date, parts: day.children.find((c) => c.childId === child.id)?.dayParts ?? [] }))
                .filter((d) => d.parts.length > 0);
              return (
                <div key={child.id} className="rounded-xl border border-line bg-surface p-4 shadow-sm">
                  <h3 className="mb-2 text-base font-semibold">{child.firstName}</h3>
                  {childDays.length === 0 ? (
                    <p className="text-muted">{t("noScheduledDayParts")}</p>
                  ) : (
                    <div className="flex flex-col gap-3">
                      {childDays.map((day) => (
                        <fieldset key={day.date} aria-describedby={selectionError ? "absence-selections-error" : undefined}>
                          <legend className="font-medium first-letter:uppercase">
                            <span className="sr-only">{child.firstName}, </span>
                            {formatDay(day.date, locale, "weekday")}
                          </legend>
                          <div className="mt-1 flex flex-col gap-1">
                            {day.parts.map((p) => {
                              const key = selectionKey(child.id, day.date, p.dayPartId);
                              return (
                                <CheckboxField
                                  key={key}
                                  id={`absence-part-${child.id}-${day.date}-${p.dayPartId}`}
                                  checked={!p.pendingSwapAway && !unticked.has(key)}
                                  disabled={p.pendingSwapAway}
                                  onChange={(checked) => toggleDayPart(key, checked)}
                                >
                                  {dayPartName(p.code)} <span className="tabular-nums">{formatMinuteRange(p.startMinute, p.endMinute)}</span>{" "}
                                  <span className="text-muted">({p.groupName})</span>
                                  {p.pendingSwapAway ? <span className="text-muted"> — {t("pendingSwap")}</span> : null}
                                </CheckboxField>
                              );
                            })}
                          </div>
                        </fieldset>
                      ))}
                    </div>
                  )}
                </div>
              );
            })}
          </>
        )}
      </section>

      <FieldGroup id="absence-reason" legend={t("reasonLabel")} error={reasonError ? message(reasonError) : undefined}>
        <div className="flex flex-wrap gap-x-6 gap-y-2">
          {ABSENCE_REASONS.map((reason) => (
            <label key={reason} htmlFor={`absence-reason-${reason}`} className="inline-flex min-h-11 cursor-pointer items-center gap-2">
              <input id={`absence-reason-${reason}`} type="radio" value={reason} className="size-5 accent-brand-700" {...register("reason")} />
              {t(`reason.${reason}`)}
            </label>
          ))}
        </div>
      </FieldGroup>

      <TextAreaField id="absence-comment" label={t("comment")} maxLength={600} error={commentError ? message(commentError) : undefined} {...register("comment")} />

      <div>
        <Button type="submit" variant="primary" disabled={busy || loading}>
          {busy ? t("submitting") : t("submit")}
        </Button>
      </div>
    </form>
  );
}
