import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Icon } from "@/components/shell/icons";
import { TimelineSection } from "@/components/timeline/timeline-section";
import { BackLink } from "@/components/ui/back-link";
import { LinkButton } from "@/components/ui/link-button";
import { PageHeader } from "@/components/ui/page-header";
import { getSessionUser, requireStaff } from "@/lib/auth/guards";
import { STAFF_ROLES } from "@/lib/auth/types";
import { getStaffDiaryChild } from "@/lib/db/staff-diary";
import { getTimelinePage } from "@/lib/db/timeline";
import { decodeTimelineCursor } from "@/lib/domain/timeline";
import { formatDay } from "@/lib/format/date";
import { readLocale } from "@/lib/i18n/params";

type Props = {
  params: Promise<{ locale: string; childId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const locale = await readLocale(params);
  const { childId } = await params;
  // Metadata must not redirect or throw notFound() (Next then streams an error shell): read the
  // session without a guard; the query is scoped, so another group's child stays unnamed.
  const user = await getSessionUser();
  const child = user && STAFF_ROLES.includes(user.role) ? await getStaffDiaryChild(user, childId) : null;
  if (!child) return { title: (await getTranslations({ locale, namespace: "NotFound" }))("title") };
  return { title: `${child.firstName} ${child.lastName}` };
}

// A child of one of the staff member's groups (issue 4: the group's staff see its entries and photos in
// full): quick links to write a diary entry and upload photos, and the child's timeline — diary entries
// and photos, newest first, as on "Mijn kind", with infinite scroll and "Meer laden" (`?after=` without
// JavaScript). Whose diary staff read is lib/db/diary.ts's rule; any other child is a 404.
export default async function StaffChildPage({ params, searchParams }: Props) {
  const locale = await readLocale(params);
  const { childId } = await params;
  const user = await requireStaff(locale);
  const child = await getStaffDiaryChild(user, childId);
  if (!child) notFound();
  const query = await searchParams;
  const afterParam = typeof query.after === "string" && decodeTimelineCursor(query.after) ? query.after : null;
  const [t, tTimeline, page] = await Promise.all([
    getTranslations("StaffDiary"),
    getTranslations("Timeline"),
    getTimelinePage(user, { childId: child.id, cursor: afterParam }),
  ]);
  const pathname = `/staff/children/${child.id}`;
  const home = child.groups[0] ?? null;
  const currentGroups = child.groups.filter((g) => g.current);
  const groupNames = child.groups.map((g) => (g.current ? g.name : t("groupEnded", { group: g.name }))).join(", ");

  return (
    <>
      <PageHeader
        title={`${child.firstName} ${child.lastName}`}
        description={t("childIntro", { groups: groupNames, date: formatDay(child.birthDate, locale) })}
        before={
          home ? (
            <BackLink href={`/staff/groups/${home.id}`}>{t("backToGroup", { group: home.name })}</BackLink>
          ) : (
            <BackLink href="/staff">{t("backToGroups")}</BackLink>
          )
        }
      />

      {child.writable ? (
        <section aria-labelledby="child-actions" className="mb-8">
          <h2 id="child-actions" className="mb-3 text-lg font-semibold">
            {t("quickActions")}
          </h2>
          <ul className="grid gap-2 sm:grid-cols-2">
            <li>
              <LinkButton
                href={{ pathname: "/staff/diary/new", query: home ? { group: home.id, child: child.id } : { child: child.id } }}
                variant="secondary"
                className="h-full w-full justify-start"
              >
                <Icon name="diary" className="size-5 shrink-0" />
                <span>{t("writeDiary")}</span>
              </LinkButton>
            </li>
            {currentGroups.map((g) => (
              <li key={g.id}>
                <LinkButton href={`/staff/groups/${g.id}/photos/new`} variant="secondary" className="h-full w-full justify-start">
                  <Icon name="groups" className="size-5 shrink-0" />
                  <span>{t("uploadPhotos", { group: g.name })}</span>
                </LinkButton>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <p className="mb-8 max-w-3xl text-muted">{t("readOnly", { name: child.firstName })}</p>
      )}

      <section aria-labelledby="child-timeline">
        <h2 id="child-timeline" className="mb-3 text-lg font-semibold">
          {t("timelineHeading")}
        </h2>
        <TimelineSection
          page={page}
          afterParam={afterParam}
          newestHref={pathname}
          emptyText={tTimeline("emptyChild", { name: child.firstName })}
          feedKey={afterParam ?? ""}
          childId={child.id}
          staff={{ groupId: null }}
          pathname={pathname}
          entryBasePath="/staff/diary"
        />
      </section>
    </>
  );
}
