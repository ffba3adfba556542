import type { ComponentProps } from "react";
import { getTranslations } from "next-intl/server";
import type { TimelinePage } from "@/lib/db/timeline";
import { Link } from "@/lib/i18n/navigation";
import { TimelineFeed } from "./timeline-feed";

type FeedProps = Omit<ComponentProps<typeof TimelineFeed>, "initialItems" | "initialCursor">;

/**
 * A timeline's list as every timeline page shows it (Mijn kind, a staff group, a staff child page): on
 * an older page (`?after=`) a way back to the newest items, the empty message, or the feed that loads
 * more. The feed is keyed by `feedKey` (filter and start), so a new filter starts a fresh list instead
 * of appending to the old one.
 */
export async function TimelineSection({
  page,
  afterParam,
  newestHref,
  emptyText,
  feedKey,
  ...feed
}: FeedProps & {
  page: TimelinePage;
  afterParam: string | null;
  newestHref: ComponentProps<typeof Link>["href"];
  emptyText: string;
  feedKey: string;
}) {
  const t = await getTranslations("Timeline");
  return (
    <>
      {afterParam ? (
        <p className="mb-4 flex flex-wrap items-center gap-x-3 text-muted">
          {t("olderPage")}
          <Link href={newestHref} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-4">
            {t("newest")}
          </Link>
        </p>
      ) : null}
      {page.items.length === 0 ? (
        <p className="rounded-xl border border-dashed border-brand-200 bg-brand-50 p-5 text-ink">{emptyText}</p>
      ) : (
        <TimelineFeed key={feedKey} initialItems={page.items} initialCursor={page.nextCursor} {...feed} />
      )}
    </>
  );
}
