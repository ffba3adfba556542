import { getLocale, getTranslations } from "next-intl/server";
import { LinkButton } from "@/components/ui/link-button";
import type { EndedChildNotice } from "@/lib/db/post-contract";
import { formatDay } from "@/lib/format/date";

/**
 * Mijn kind, for children whose care has ended (lib/domain/post-contract.ts): until when the diary can
 * still be written, until when diary and photos can be downloaded, and a button to the export.
 */
export async function EndedCareNotices({ notices }: { notices: EndedChildNotice[] }) {
  if (notices.length === 0) return null;
  const [t, locale] = await Promise.all([getTranslations("PostContract"), getLocale()]);
  return (
    <ul className="mb-8 flex flex-col gap-3">
      {notices.map((n) => (
        <li key={n.childId}>
          <section aria-labelledby={`ended-${n.childId}`} className="rounded-xl border border-accent-700 bg-accent-50 p-4">
            <h2 id={`ended-${n.childId}`} className="font-semibold text-ink">
              {t("endedTitle", { name: n.firstName, date: formatDay(n.endedOn, locale) })}
            </h2>
            <p className="mt-1 text-ink">
              {n.writableUntil ? `${t("writableUntil", { date: formatDay(n.writableUntil, locale) })} ` : null}
              {t("downloadableUntil", { date: formatDay(n.downloadableUntil, locale) })}
            </p>
            <LinkButton href={`/diary/export?child=${n.childId}`} variant="primary" className="mt-3">
              {t("download", { name: n.firstName })}
            </LinkButton>
          </section>
        </li>
      ))}
    </ul>
  );
}

/** Every parent page of an account open for documents only: until when, and what to do. */
export async function DocumentsOnlyNotice({ until }: { until: string }) {
  const [t, locale] = await Promise.all([getTranslations("PostContract"), getLocale()]);
  return (
    <section aria-labelledby="documents-only" role="note" className="mb-6 rounded-xl border border-accent-700 bg-accent-50 p-4">
      <h2 id="documents-only" className="font-semibold text-ink">
        {t("documentsOnlyTitle")}
      </h2>
      <p className="mt-1 text-ink">{t("documentsOnly", { date: formatDay(until, locale) })}</p>
    </section>
  );
}
