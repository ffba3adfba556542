"use client";

import { useLocale, useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState, useSyncExternalStore, type MouseEvent } from "react";
import { LinkButton } from "@/components/ui/link-button";
import { loadStaffTimelinePageAction } from "@/lib/actions/diary/staff-timeline";
import { loadTimelinePageAction } from "@/lib/actions/diary/timeline";
import type { TimelineItem } from "@/lib/db/timeline";
import { appendTimelinePage } from "@/lib/domain/timeline";
import { TimelineArticle } from "./timeline-items";

/**
 * The timeline after its server-rendered first page: the next page loads when the sentinel below the
 * list scrolls into view (IntersectionObserver) or when "Meer laden" is pressed. Without JavaScript
 * "Meer laden" is a plain link to the next page (`?after=`), so it works everywhere; with it, the
 * link's click loads in place and moves focus to the first new item for keyboard users (as does a
 * page that the sentinel loads while the link has focus). A series that
 * continues on the next page gets its photos added to the item already shown (lib/domain/timeline.ts).
 * Parents' "Mijn kind" by default; the staff pages pass `staff` (their own action, which takes a group
 * too), the page's own path for the links without JavaScript, and the staff entry page's path.
 */
const noSubscription = () => () => {};

export function TimelineFeed({
  initialItems,
  initialCursor,
  childId,
  staff,
  pathname = "/",
  entryBasePath,
}: {
  initialItems: TimelineItem[];
  initialCursor: string | null;
  childId: string | null;
  /** A staff timeline: per child (childId) or per group (groupId). */
  staff?: { groupId: string | null };
  /** The page the feed is on ("/" for "Mijn kind"): "Meer laden" without JavaScript goes to `?after=` there. */
  pathname?: string;
  /** See TimelineArticle. */
  entryBasePath?: string;
}) {
  const t = useTranslations("Timeline");
  const locale = useLocale();
  const [items, setItems] = useState(initialItems);
  const [cursor, setCursor] = useState(initialCursor);
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  /** The item to focus once it is rendered (after "Meer laden" with the keyboard or a click). */
  const focusKey = useRef<string | null>(null);
  /** "Meer laden" was pressed: focus the first item of the next page that arrives (also one already on its way). */
  const focusNext = useRef(false);
  const busy = useRef(false);
  const sentinel = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLOListElement>(null);
  /** Holds "Meer laden"; see `loadMore` for why its focus matters. */
  const moreArea = useRef<HTMLDivElement>(null);

  const staffFeed = staff !== undefined;
  const staffGroupId = staff?.groupId ?? null;
  const loadMore = useCallback(
    async () => {
      if (!cursor || busy.current) return;
      busy.current = true;
      setLoading(true);
      setFailed(false);
      try {
        const result = staffFeed
          ? await loadStaffTimelinePageAction({ cursor, childId, groupId: staffGroupId })
          : await loadTimelinePageAction({ cursor, childId });
        if (!result.ok) throw new Error(result.code);
        const page = result.data;
        const next = appendTimelinePage(items, page.items);
        setItems(next);
        setAnnouncement(t("loaded", { count: next.length - items.length }));
        // Focus the first new item when "Meer laden" was pressed, and also when it merely had focus: a
        // keyboard user tabbing to it scrolls the sentinel into view, and without this the page they
        // wanted would load above them (or the link would vanish with its focus at the end).
        const moreFocused = moreArea.current?.contains(document.activeElement) ?? false;
        if ((focusNext.current || moreFocused) && next[items.length]) focusKey.current = next[items.length]!.key;
        focusNext.current = false;
        setCursor(page.nextCursor);
      } catch {
        setFailed(true);
      } finally {
        busy.current = false;
        setLoading(false);
      }
    },
    [cursor, childId, staffFeed, staffGroupId, items, t],
  );

  // Infinite scroll: load when the sentinel comes near the viewport; not again after a failure (the
  // button retries), so a broken connection does not loop.
  useEffect(() => {
    const el = sentinel.current;
    if (!el || !cursor || failed || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) void loadMore();
      },
      { rootMargin: "600px 0px" },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [cursor, failed, loadMore]);

  // Set once the feed is interactive (hydrated): until then "Meer laden" is a plain link to `?after=`.
  const interactive = useSyncExternalStore(noSubscription, () => true, () => false);

  useEffect(() => {
    const key = focusKey.current;
    if (!key) return;
    focusKey.current = null;
    list.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"] [data-timeline-item]`)?.focus();
  }, [items]);

  const onMore = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    focusNext.current = true;
    void loadMore();
  };

  const nextQuery: Record<string, string> = {};
  if (cursor) nextQuery.after = cursor;
  // Staff pages have the child in the path already.
  if (childId && !staffFeed) nextQuery.child = childId;

  return (
    <>
      <ol ref={list} className="flex flex-col gap-4" data-timeline-feed={interactive ? "interactive" : "static"}>
        {items.map((item) => (
          <li key={item.key} data-key={item.key}>
            <TimelineArticle item={item} locale={locale} focusable entryBasePath={entryBasePath} />
          </li>
        ))}
      </ol>
      <div ref={sentinel} aria-hidden="true" className="h-px" />
      <div ref={moreArea} className="mt-4 flex flex-col items-center gap-2">
        <p role="status" className="text-sm text-muted">
          {loading ? t("loading") : failed ? "" : cursor ? <span className="sr-only">{announcement}</span> : items.length > 0 ? t("end") : ""}
        </p>
        {failed ? (
          <p role="alert" className="text-sm font-medium text-danger-700">
            {t("loadError")}
          </p>
        ) : null}
        {cursor ? (
          <LinkButton href={{ pathname, query: nextQuery }} onClick={onMore} aria-disabled={loading || undefined} scroll={false}>
            {t("loadMore")}
          </LinkButton>
        ) : null}
      </div>
    </>
  );
}
