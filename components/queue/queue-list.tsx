"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Card } from "@/components/ui/card";
import { formatDateTime, formatDay, formatMinuteRange } from "@/lib/format/date";
import { intlLocale } from "@/lib/format/locale";
import { AssessForm } from "./assess-form";
import { OccupancyBars, type OccupancyBar } from "./occupancy-bars";

// Plain DTOs from lib/db/queue.ts (structurally the same; components never import lib/db).
export interface QueueListSibling {
  id: string;
  childId: string;
  childName: string;
  groupName: string;
  date: string;
  dayPartCode: string;
  startMinute: number;
  endMinute: number;
  direction: "ADD" | "REMOVE";
  status: string;
}
export interface QueueListItem {
  id: string;
  requestId: string;
  childId: string;
  childName: string;
  familyName: string;
  kind: "EXTRA_DAY" | "SWAP_DAY" | "ABSENCE";
  direction: "ADD" | "REMOVE";
  dayPartCode: string;
  startMinute: number;
  endMinute: number;
  payment: "INVOICE" | "CREDIT" | "FLEX" | "SWAP" | null;
  priceCents: number | null;
  comment: string | null;
  submittedAt: string;
  assessAsWhole: boolean;
  expiresOn: string | null;
  otherItems: QueueListSibling[];
}
export interface QueueListLocation {
  id: string;
  name: string;
  groups: { id: string; name: string; dates: { date: string; closed: boolean; occupancy: OccupancyBar[]; items: QueueListItem[] }[] }[];
}

/**
 * Items of one (group, date) as they are assessed (lib/domain/requests.ts assessDecision): single
 * items, assess-as-whole requests as one unit, and a child's swap (the day parts given up and the ones
 * wanted) as one unit. A unit spread over several dates or groups shows in each of their cards.
 */
type Unit =
  | { kind: "item"; item: QueueListItem }
  | { kind: "whole"; requestId: string; items: QueueListItem[] }
  | { kind: "swap"; requestId: string; childId: string; items: QueueListItem[] };
function toUnits(items: QueueListItem[]): Unit[] {
  const units: Unit[] = [];
  for (const item of items) {
    if (item.assessAsWhole) {
      const unit = units.find((u): u is Extract<Unit, { kind: "whole" }> => u.kind === "whole" && u.requestId === item.requestId);
      if (unit) unit.items.push(item);
      else units.push({ kind: "whole", requestId: item.requestId, items: [item] });
    } else if (item.kind === "SWAP_DAY") {
      const unit = units.find(
        (u): u is Extract<Unit, { kind: "swap" }> => u.kind === "swap" && u.requestId === item.requestId && u.childId === item.childId,
      );
      if (unit) unit.items.push(item);
      else units.push({ kind: "swap", requestId: item.requestId, childId: item.childId, items: [item] });
    } else {
      units.push({ kind: "item", item });
    }
  }
  return units;
}

/** One day part of a child's swap, wherever it lies. */
interface SwapPart {
  id: string;
  date: string;
  dayPartCode: string;
  startMinute: number;
  endMinute: number;
  groupName: string;
  direction: "ADD" | "REMOVE";
}

/**
 * The queue by location → group → date with the occupancy per day part. Planners get a small assess
 * form per unit (an item, an assess-as-whole request, a child's swap); the outcome is announced in a
 * status region that stays on the page while the assessed unit disappears from the list, and focus
 * moves to that message (the button that had it is gone).
 */
export function QueueList({ locations, canAssess }: { locations: QueueListLocation[]; canAssess: boolean }) {
  const t = useTranslations("Queue");
  const tAgenda = useTranslations("Agenda");
  const locale = useLocale();
  const [announcement, setAnnouncement] = useState({ message: "", count: 0 });
  const statusRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (announcement.count > 0) statusRef.current?.focus();
  }, [announcement]);
  const announce = (message: string) => setAnnouncement((a) => ({ message, count: a.count + 1 }));

  const dayPartName = (code: string) => (tAgenda.has(`dayPart.${code}` as never) ? tAgenda(`dayPart.${code}` as never) : code);
  const kindName = (item: QueueListItem) =>
    tAgenda(`requestKind.${item.kind === "SWAP_DAY" ? `SWAP_DAY_${item.direction}` : item.kind}` as never);
  const itemTitle = (i: { childName: string; dayPartCode: string; startMinute: number; endMinute: number }) =>
    t("itemTitle", { child: i.childName, dayPart: dayPartName(i.dayPartCode), times: formatMinuteRange(i.startMinute, i.endMinute) });
  const price = (cents: number) => new Intl.NumberFormat(intlLocale(locale), { style: "currency", currency: "EUR" }).format(cents / 100);

  const details = (item: QueueListItem, withKind = true) => (
    <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
      <dt className="text-muted">{t("family")}</dt>
      <dd>{item.familyName}</dd>
      {withKind ? (
        <>
          <dt className="text-muted">{t("kind")}</dt>
          <dd>{kindName(item)}</dd>
        </>
      ) : null}
      {item.payment ? (
        <>
          <dt className="text-muted">{t("payment")}</dt>
          <dd>{t(`paymentMethod.${item.payment}`)}</dd>
        </>
      ) : null}
      {item.priceCents !== null ? (
        <>
          <dt className="text-muted">{t("price")}</dt>
          <dd>{price(item.priceCents)}</dd>
        </>
      ) : null}
      <dt className="text-muted">{t("submittedAt")}</dt>
      <dd>{formatDateTime(item.submittedAt, locale)}</dd>
      {item.expiresOn ? (
        <>
          <dt className="text-muted">{t("expiresOn")}</dt>
          <dd>{formatDay(item.expiresOn, locale)}</dd>
        </>
      ) : null}
      {item.comment ? (
        <>
          <dt className="text-muted">{t("comment")}</dt>
          <dd className="whitespace-pre-line">{item.comment}</dd>
        </>
      ) : null}
    </dl>
  );

  const dateList = (dates: string[]) =>
    new Intl.ListFormat(intlLocale(locale), { type: "conjunction" }).format([...new Set(dates)].sort().map((d) => formatDay(d, locale, "medium")));
  const swapPartLine = (p: SwapPart) =>
    t("swap.part", { date: formatDay(p.date, locale, "medium"), dayPart: dayPartName(p.dayPartCode), times: formatMinuteRange(p.startMinute, p.endMinute), group: p.groupName });

  const siblingLine = (o: QueueListSibling) =>
    `${t("otherItem", {
      child: o.childName,
      date: formatDay(o.date, locale, "medium"),
      dayPart: dayPartName(o.dayPartCode),
      times: formatMinuteRange(o.startMinute, o.endMinute),
      group: o.groupName,
    })} · ${tAgenda(`status.${o.status}` as never)}`;

  return (
    <>
      <div
        ref={statusRef}
        role="status"
        aria-live="polite"
        tabIndex={-1}
        className={announcement.message ? "rounded-lg border border-brand-200 bg-brand-50 p-3 text-brand-900" : "sr-only"}
      >
        {announcement.message}
      </div>
      {locations.map((location) => (
        <section key={location.id} aria-labelledby={`loc-${location.id}`} className="space-y-4">
          <h2 id={`loc-${location.id}`} className="text-xl font-semibold">
            {location.name}
          </h2>
          {location.groups.map((group) => (
            <section key={group.id} aria-labelledby={`grp-${group.id}`} className="space-y-3" data-testid="queue-group">
              <h3 id={`grp-${group.id}`} className="text-lg font-semibold text-brand-800">
                {group.name}
              </h3>
              {group.dates.map((day) => {
                const dayId = `day-${group.id}-${day.date}`;
                return (
                  <Card key={day.date} className="space-y-3" data-testid="queue-date" data-date={day.date}>
                    <section aria-labelledby={dayId} className="space-y-3">
                      <h4 id={dayId} className="font-semibold">
                        {formatDay(day.date, locale, "weekday")}
                      </h4>
                      {day.closed ? <p className="font-medium text-danger-700">{t("closed")}</p> : null}
                      <OccupancyBars
                        headingId={`${dayId}-occ`}
                        heading={t("occupancyHeading", { date: formatDay(day.date, locale, "medium") })}
                        dayParts={day.occupancy}
                      />
                      <ul className="space-y-3">
                        {toUnits(day.items).map((unit) => {
                          if (unit.kind === "item") {
                            const item = unit.item;
                            const title = itemTitle(item);
                            const subject = `${title} (${formatDay(day.date, locale, "medium")})`;
                            return (
                              <li key={item.id}>
                                <article aria-labelledby={`item-${item.id}`} className="rounded-lg border border-line p-3" data-testid="queue-item">
                                  <h5 id={`item-${item.id}`} className="font-medium">
                                    {title}
                                  </h5>
                                  {details(item)}
                                  {item.otherItems.length > 0 ? (
                                    <details className="mt-2 text-sm">
                                      <summary className="cursor-pointer text-brand-700">{t("otherItems")}</summary>
                                      <ul className="mt-1 list-disc pl-5">
                                        {item.otherItems.map((o) => (
                                          <li key={o.id}>{siblingLine(o)}</li>
                                        ))}
                                      </ul>
                                    </details>
                                  ) : null}
                                  {canAssess ? <AssessForm itemId={item.id} subject={subject} unit="item" onAssessed={announce} /> : null}
                                </article>
                              </li>
                            );
                          }
                          if (unit.kind === "swap") {
                            const first = unit.items[0]!;
                            const here = new Set(unit.items.map((i) => i.id));
                            const parts: SwapPart[] = [
                              ...unit.items.map((i) => ({ ...i, date: day.date, groupName: group.name })),
                              ...first.otherItems.filter((o) => o.childId === unit.childId && o.status === "PENDING" && !here.has(o.id)),
                            ].sort((a, b) => a.date.localeCompare(b.date) || a.startMinute - b.startMinute);
                            const givenUp = parts.filter((p) => p.direction === "REMOVE");
                            const wanted = parts.filter((p) => p.direction === "ADD");
                            const title = t("swap.title", {
                              child: first.childName,
                              givenUp: givenUp.length > 0 ? dateList(givenUp.map((p) => p.date)) : t("swap.none"),
                              wanted: wanted.length > 0 ? dateList(wanted.map((p) => p.date)) : t("swap.none"),
                            });
                            // The unit shows in the card of every date it touches: the date keeps the id unique.
                            const headingId = `swap-${unit.requestId}-${unit.childId}-${group.id}-${day.date}`;
                            const side = (label: string, list: SwapPart[]) => (
                              <>
                                <dt className="font-medium">{label}</dt>
                                <dd>
                                  {list.length > 0 ? (
                                    <ul className="list-disc pl-5">
                                      {list.map((p) => (
                                        <li key={p.id}>{swapPartLine(p)}</li>
                                      ))}
                                    </ul>
                                  ) : (
                                    t("swap.none")
                                  )}
                                </dd>
                              </>
                            );
                            return (
                              <li key={`swap-${unit.requestId}-${unit.childId}`}>
                                <article aria-labelledby={headingId} className="rounded-lg border-2 border-brand-600 p-3" data-testid="queue-swap">
                                  <h5 id={headingId} className="font-medium">
                                    {title}
                                  </h5>
                                  <p className="mt-1 text-sm">{t("swap.note")}</p>
                                  <dl className="mt-2 space-y-1 text-sm">
                                    {side(t("swap.givenUp"), givenUp)}
                                    {side(t("swap.wanted"), wanted)}
                                  </dl>
                                  {details(unit.items.find((i) => i.direction === "ADD") ?? first, false)}
                                  {canAssess ? (
                                    <AssessForm
                                      itemId={first.id}
                                      label={`${title} (${formatDay(day.date, locale, "medium")})`}
                                      subject={title}
                                      unit="swap"
                                      onAssessed={announce}
                                    />
                                  ) : null}
                                </article>
                              </li>
                            );
                          }
                          const first = unit.items[0]!;
                          const here = new Set(unit.items.map((i) => i.id));
                          const elsewhere = first.otherItems.filter((o) => !here.has(o.id));
                          const headingId = `whole-${unit.requestId}-${group.id}`;
                          return (
                            <li key={`whole-${unit.requestId}`}>
                              <article aria-labelledby={headingId} className="rounded-lg border-2 border-brand-600 p-3" data-testid="queue-whole">
                                <h5 id={headingId} className="font-medium">
                                  {t("whole.title")}: {first.familyName}
                                </h5>
                                <p className="mt-1 text-sm">{t("whole.note")}</p>
                                <ul className="mt-2 list-disc pl-5 text-sm">
                                  {unit.items.map((i) => (
                                    <li key={i.id}>
                                      {itemTitle(i)} · {kindName(i)}
                                    </li>
                                  ))}
                                  {elsewhere.map((o) => (
                                    <li key={o.id}>{siblingLine(o)}</li>
                                  ))}
                                </ul>
                                {details(first, false)}
                                {canAssess ? (
                                  <AssessForm
                                    itemId={first.id}
                                    subject={`${t("whole.title")}: ${first.familyName} (${formatDay(day.date, locale, "medium")})`}
                                    unit="whole"
                                    onAssessed={announce}
                                  />
                                ) : null}
                              </article>
                            </li>
                          );
                        })}
                      </ul>
                    </section>
                  </Card>
                );
              })}
            </section>
          ))}
        </section>
      ))}
    </>
  );
}
