import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/link-button";
import { PageHeader } from "@/components/ui/page-header";
import { TimelineSection } from "@/components/timeline/timeline-section";
import { getSessionUser, requireStaffOfGroup } from "@/lib/auth/guards";
import { STAFF_ROLES } from "@/lib/auth/types";
import { getStaffGroup } from "@/lib/db/shell";
import { diaryReadableChildIds } from "@/lib/db/staff-diary";
import { getTimelinePage } from "@/lib/db/timeline";
import { decodeTimelineCursor } from "@/lib/domain/timeline";
import { formatDay } from "@/lib/format/date";
import { Link } from "@/lib/i18n/navigation";
import { readLocale } from "@/lib/i18n/params";

type Props = {
  params: Promise<{ locale: string; groupId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const locale = await readLocale(params);
  const { groupId } = await params;
  // Metadata must not redirect or throw notFound() (Next then streams an error shell): read the
  // session without a guard; the query is scoped by membership, so other groups stay unnamed.
  const user = await getSessionUser();
  const group = user && STAFF_ROLES.includes(user.role) ? await getStaffGroup(user, groupId) : null;
  if (!group) return { title: (await getTranslations({ locale, namespace: "NotFound" }))("title") };
  return { title: group.name };
}

// A group of the staff member: its children (each to their diary and photos: ../../children/[childId])
// and the group's timeline — the newest diary entries of its children and the photos of the group,
// as on "Mijn kind", with "Meer laden" (`?after=` without JavaScript).
export default async function StaffGroupPage({ params, searchParams }: Props) {
  const locale = await readLocale(params);
  const { groupId } = await params;
  const user = await requireStaffOfGroup(groupId);
  // The query is scoped by membership as well (planners: by organisation), not only the guard.
  const group = await getStaffGroup(user, groupId);
  if (!group) notFound();
  const query = await searchParams;
  const afterParam = typeof query.after === "string" && decodeTimelineCursor(query.after) ? query.after : null;
  const [t, tGroup, tDiary, tPhotos, readable, page] = await Promise.all([
    getTranslations("StaffGroup"),
    getTranslations("GroupType"),
    getTranslations("Diary"),
    getTranslations("Photos.upload"),
    // Whose diary this user reads (lib/db/diary.ts): a planner outside the group reads none, so those
    // children are listed without a link.
    diaryReadableChildIds(user, group.children.map((c) => c.id)),
    getTimelinePage(user, { groupId: group.id, cursor: afterParam }),
  ]);

  return (
    <>
      <PageHeader
        title={group.name}
        description={`${tGroup(group.type)} · ${group.locationName}`}
        actions={
          <>
            <LinkButton href={{ pathname: "/staff/diary/new", query: { group: group.id } }} variant="primary">
              {tDiary("groupAction")}
            </LinkButton>
            <LinkButton href={`/staff/groups/${group.id}/photos/new`} variant="secondary">
              {tPhotos("groupAction")}
            </LinkButton>
          </>
        }
        before={
          <Link href="/staff" className="inline-flex min-h-11 items-center self-start text-brand-700 underline-offset-4 hover:underline">
            <span aria-hidden="true">←&nbsp;</span>
            {t("backToGroups")}
          </Link>
        }
      />
      <section aria-labelledby="group-children">
        <h2 id="group-children" className="mb-3 text-lg font-semibold">
          {t("childrenHeading")}
        </h2>
        {group.children.length === 0 ? (
          <p className="text-muted">{t("noChildren")}</p>
        ) : (
          <Card className="p-0 sm:p-0">
            <ul className="divide-y divide-line">
              {group.children.map((c) => (
                <li key={c.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-4 py-3 sm:px-5">
                  {readable.has(c.id) ? (
                    <Link
                      href={`/staff/children/${c.id}`}
                      className="inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-4 hover:text-brand-800"
                    >
                      {c.firstName} {c.lastName}
                      <span className="sr-only">: {t("openChild", { name: c.firstName })}</span>
                    </Link>
                  ) : (
                    <span className="font-medium">
                      {c.firstName} {c.lastName}
                    </span>
                  )}
                  <span className="text-sm text-muted">
                    {t("birthDate")}: {formatDay(c.birthDate, locale)}
                  </span>
                </li>
              ))}
            </ul>
          </Card>
        )}
      </section>

      <section aria-labelledby="group-timeline" className="mt-8">
        <h2 id="group-timeline" className="text-lg font-semibold">
          {t("timelineHeading")}
        </h2>
        <p className="mb-3 text-muted">{t("timelineIntro")}</p>
        <TimelineSection
          page={page}
          afterParam={afterParam}
          newestHref={`/staff/groups/${group.id}`}
          emptyText={t("timelineEmpty")}
          feedKey={afterParam ?? ""}
          childId={null}
          staff={{ groupId: group.id }}
          pathname={`/staff/groups/${group.id}`}
          entryBasePath="/staff/diary"
        />
      </section>
    </>
  );
}
