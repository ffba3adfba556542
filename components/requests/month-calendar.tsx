"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { cn } from "@/components/ui/cn";
import { addDays, addMonths, endOfMonth, isIsoDate, startOfMonth, weekday } from "@/lib/domain/dates";
import { formatDay } from "@/lib/format/date";
import { intlLocale } from "@/lib/format/locale";

// The calendar on which a parent picks the date or the period of a request (seed 002 §5.2: "Na het
// klikken op ‘Dag toevoegen’ verschijnt er een kalender waarop de gewenste datum … aangeklikt
// worden"). One month at a time, Monday first; days that cannot be picked are disabled and say why.
// Keyboard: one day is in the tab order (roving tabindex), the arrow keys move by day and week, Home
// and End to the week's start and end, Page Up / Page Down by month; Enter or Space picks.

export interface CalendarSelection {
  from: string;
  to: string;
}

export interface CalendarDayInfo {
  /** The day cannot be picked. */
  disabled: boolean;
  /** Read out with the day, e.g. "Gesloten" or "Gepland"; a pickable day with a note shows a dot (see `legend`). */
  note?: string;
  /** Colour of the dot: "scheduled" (default, accent) or "muted" (grey). */
  tone?: "muted" | "scheduled";
}

export interface MonthCalendarProps {
  id: string;
  /** Accessible name of the calendar, e.g. "Kies een datum". */
  label: string;
  locale: string;
  /** Any day of the month shown. */
  month: string;
  /** First and last day that can be picked at all (the navigation stops at their months). */
  min: string;
  max: string;
  /** A period (two clicks: first and last day) or a single date. */
  mode: "single" | "period";
  selection: CalendarSelection | null;
  onSelect: (selection: CalendarSelection) => void;
  onMonthChange: (month: string) => void;
  /** Per-day state; days outside min…max are always disabled. */
  dayInfo?: (date: string) => CalendarDayInfo;
  /** The calendar is waiting for the month's data: days are not pickable. */
  busy?: boolean;
  /** What the dot under a day means, e.g. "Gepland: een kind is al gepland". */
  legend?: string;
}

const monthKey = (date: string) => date.slice(0, 7);

/** The weeks (Monday first) covering the month of `date`, with null for days of other months. */
export function monthWeeks(date: string): (string | null)[][] {
  const first = startOfMonth(date);
  const last = endOfMonth(date);
  const lead = weekday(first) - 1; // ISO weekday: 1 = Monday
  const cells: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let d = first; d <= last; d = addDays(d, 1)) cells.push(d);
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** The next selection after a click: single → that day; period → start, then end (or a new start). */
export function nextSelection(mode: "single" | "period", current: CalendarSelection | null, date: string, pickingEnd: boolean): CalendarSelection {
  if (mode === "single" || !current || !pickingEnd || date < current.from) return { from: date, to: date };
  return { from: current.from, to: date };
}

export function MonthCalendar({ id, label, locale, month, min, max, mode, selection, onSelect, onMonthChange, dayInfo, busy, legend }: MonthCalendarProps) {
  const t = useTranslations("Calendar");
  const grid = useRef<HTMLTableElement>(null);
  const [pickingEnd, setPickingEnd] = useState(false);
  const [focusDate, setFocusDate] = useState<string | null>(null);

  const shown = startOfMonth(month);
  const weeks = monthWeeks(shown);
  const canPrev = monthKey(shown) > monthKey(min);
  const canNext = monthKey(shown) < monthKey(max);
  const tag = intlLocale(locale);
  const title = new Intl.DateTimeFormat(tag, { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${shown}T00:00:00Z`));
  const weekdayNames = [0, 1, 2, 3, 4, 5, 6].map((i) => {
    const d = new Date(Date.UTC(2024, 0, 1 + i)); // 1 January 2024 was a Monday
    return {
      short: new Intl.DateTimeFormat(tag, { weekday: "short", timeZone: "UTC" }).format(d),
      long: new Intl.DateTimeFormat(tag, { weekday: "long", timeZone: "UTC" }).format(d),
    };
  });

  const info = (date: string): CalendarDayInfo => {
    if (date < min || date > max) return { disabled: true, note: dayInfo?.(date).note };
    const i = dayInfo?.(date) ?? { disabled: false };
    return busy ? { ...i, disabled: true } : i;
  };
  const inSelection = (date: string) => selection !== null && date >= selection.from && date <= selection.to;

  // The day in the tab order: the focused one, else the selection's start, else the first pickable day.
  const days = weeks.flat().filter((d): d is string => d !== null);
  const tabbable =
    (focusDate && monthKey(focusDate) === monthKey(shown) ? focusDate : null) ??
    (selection && monthKey(selection.from) === monthKey(shown) ? selection.from : null) ??
    days.find((d) => !info(d).disabled) ??
    days[0]!;

  // Moving by keyboard into another month: the month comes from the page (a server round trip), so the
  // day gets focus once that month is shown.
  const pendingFocus = useRef<string | null>(null);
  useEffect(() => {
    const date = pendingFocus.current;
    if (date && monthKey(date) === monthKey(shown)) {
      pendingFocus.current = null;
      grid.current?.querySelector<HTMLButtonElement>(`[data-date="${date}"]`)?.focus();
    }
  }, [shown]);

  const focusDay = (date: string) => {
    if (monthKey(date) !== monthKey(shown)) {
      if (monthKey(date) < monthKey(min) || monthKey(date) > monthKey(max)) return;
      setFocusDate(date);
      pendingFocus.current = date;
      onMonthChange(startOfMonth(date));
      return;
    }
    setFocusDate(date);
    requestAnimationFrame(() => grid.current?.querySelector<HTMLButtonElement>(`[data-date="${date}"]`)?.focus());
  };

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, date: string) => {
    const wd = weekday(date) - 1;
    const moves: Record<string, () => string> = {
      ArrowLeft: () => addDays(date, -1),
      ArrowRight: () => addDays(date, 1),
      ArrowUp: () => addDays(date, -7),
      ArrowDown: () => addDays(date, 7),
      Home: () => addDays(date, -wd),
      End: () => addDays(date, 6 - wd),
      PageUp: () => addMonths(date, -1),
      PageDown: () => addMonths(date, 1),
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    const next = move();
    if (isIsoDate(next)) focusDay(next);
  };

  const pick = (date: string) => {
    const next = nextSelection(mode, selection, date, pickingEnd);
    setPickingEnd(mode === "period" && next.from === next.to && !(pickingEnd && selection && date === selection.from));
    setFocusDate(date);
    onSelect(next);
  };

  const hint = mode === "period" ? (pickingEnd ? t("pickEnd") : t("pickStart")) : t("pickDate");

  return (
    <div id={id} role="group" aria-label={label} className="w-full max-w-md rounded-xl border border-line bg-surface p-3 shadow-sm">
      <div className="mb-2 flex items-center justify-between gap-2">
        <button
          type="button"
          className="inline-flex size-11 items-center justify-center rounded-lg text-brand-700 hover:bg-brand-50 disabled:text-muted"
          disabled={!canPrev}
          onClick={() => onMonthChange(addMonths(shown, -1))}
          aria-label={t("previousMonth")}
        >
          <span aria-hidden="true">‹</span>
        </button>
        <h3 id={`${id}-title`} className="font-semibold first-letter:uppercase" aria-live="polite">
          {title}
        </h3>
        <button
          type="button"
          className="inline-flex size-11 items-center justify-center rounded-lg text-brand-700 hover:bg-brand-50 disabled:text-muted"
          disabled={!canNext}
          onClick={() => onMonthChange(addMonths(shown, 1))}
          aria-label={t("nextMonth")}
        >
          <span aria-hidden="true">›</span>
        </button>
      </div>
      <p id={`${id}-hint`} className="mb-2 text-sm text-muted">
        {hint}
      </p>
      <table ref={grid} className="w-full table-fixed border-collapse text-center" aria-labelledby={`${id}-title`} aria-describedby={`${id}-hint`}>
        <thead>
          <tr>
            {weekdayNames.map((w) => (
              <th key={w.long} scope="col" className="pb-1 text-xs font-medium text-muted">
                <abbr title={w.long} className="no-underline">
                  {w.short}
                </abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week, wi) => (
            <tr key={wi}>
              {week.map((date, di) => {
                if (!date) return <td key={`${wi}-${di}`} />;
                const state = info(date);
                const selected = inSelection(date);
                const edge = selection !== null && (date === selection.from || date === selection.to);
                const name = [formatDay(date, locale, "weekday"), state.note].filter(Boolean).join(", ");
                return (
                  <td key={date} className="p-0.5">
                    <button
                      type="button"
                      data-date={date}
                      tabIndex={date === tabbable ? 0 : -1}
                      aria-label={name}
                      aria-pressed={selected}
                      aria-disabled={state.disabled || undefined}
                      onClick={() => (state.disabled ? undefined : pick(date))}
                      onKeyDown={(e) => onKeyDown(e, date)}
                      onFocus={() => setFocusDate(date)}
                      className={cn(
                        "flex min-h-11 w-full flex-col items-center justify-center rounded-lg text-sm tabular-nums",
                        state.disabled ? "cursor-not-allowed text-muted line-through decoration-1" : "hover:bg-brand-50",
                        selected && !state.disabled && "bg-brand-100 text-brand-900",
                        edge && !state.disabled && "bg-brand-700 font-semibold text-white hover:bg-brand-800",
                      )}
                    >
                      <span aria-hidden="true">{Number(date.slice(8))}</span>
                      {state.note && !state.disabled ? (
                        <span aria-hidden="true" className={cn("mt-0.5 size-1.5 rounded-full", edge ? "bg-white" : state.tone === "muted" ? "bg-muted" : "bg-accent-700")} />
                      ) : null}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {legend ? (
        <p className="mt-2 flex items-center gap-2 text-sm text-muted">
          <span aria-hidden="true" className="size-1.5 shrink-0 rounded-full bg-accent-700" />
          {legend}
        </p>
      ) : null}
    </div>
  );
}
