import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import { formatMinuteRange } from "@/lib/format/date";

export interface OccupancyBar {
  dayPartId: string;
  code: string;
  startMinute: number;
  endMinute: number;
  capacity: number;
  occupied: number;
}

/**
 * A group's occupancy per day part on one date: "3/12 bezet" as text (the bar is decoration only, so
 * the meaning never rests on colour or length), "vol" added in words when no place is left.
 */
export function OccupancyBars({ heading, dayParts, headingId }: { heading: string; headingId: string; dayParts: OccupancyBar[] }) {
  const t = useTranslations("Queue");
  const tAgenda = useTranslations("Agenda");
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-line bg-canvas p-3">
      <h5 id={headingId} className="text-sm font-semibold text-ink">
        {heading}
      </h5>
      <ul className="mt-2 grid gap-2 sm:grid-cols-2">
        {dayParts.map((d) => {
          const full = d.occupied >= d.capacity;
          const pct = d.capacity > 0 ? Math.min(100, Math.round((d.occupied / d.capacity) * 100)) : 100;
          const name = tAgenda.has(`dayPart.${d.code}` as never) ? tAgenda(`dayPart.${d.code}` as never) : d.code;
          return (
            <li key={d.dayPartId} className="text-sm" data-testid="occupancy" data-day-part={d.code}>
              <div className="flex flex-wrap justify-between gap-x-2">
                <span>
                  {name} <span className="text-muted">{formatMinuteRange(d.startMinute, d.endMinute)}</span>
                </span>
                <span className={cn("font-medium", full && "text-danger-700")}>
                  {t("occupancy", { occupied: d.occupied, capacity: d.capacity })}
                  {full ? ` · ${t("full")}` : null}
                </span>
              </div>
              <div aria-hidden="true" className="mt-1 h-2 overflow-hidden rounded-full bg-line">
                <div className={cn("h-full rounded-full", full ? "bg-danger-700" : "bg-brand-600")} style={{ width: `${pct}%` }} />
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
