import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/link-button";
import { PageHeader } from "@/components/ui/page-header";
import { getSessionUser, requireStaffOfGroup } from "@/lib/auth/guards";
import { STAFF_ROLES } from "@/lib/auth/types";
import { getStaffGroup } from "@/lib/db/shell";
import { formatDay } from "@/lib/format/date";
import { Link } from "@/lib/i18n/navigation";
import { readLocale } from "@/lib/i18n/params";

type Props = { params: Promise<{ locale: string; groupId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await readLocale(params);
  const { groupId } = await params;
  // Metadata must not redirect or throw notFound() (Next then streams an error shell): read the
  // session without a guard; the query is scoped by membership, so other groups stay unnamed.
  const user = await getSessionUser();
  const group = user && STAFF_ROLES.includes(user.role) ? await getStaffGroup(user, groupId) : null;
  if (!group) return { title: (await getTranslations({ locale, namespace: "NotFound" }))("title") };
  return { title: group.name };
}

export default async function StaffGroupPage({ params }: Props) {
  const locale = await readLocale(params);
  const { groupId } = await params;
  const user = await requireStaffOfGroup(groupId);
  // The query is scoped by membership as well (planners: by organisation), not only the guard.
  const group = await getStaffGroup(user, groupId);
  if (!group) notFound();
  const [t, tGroup, tDiary, tPhotos] = await Promise.all([
    getTranslations("StaffGroup"),
    getTranslations("GroupType"),
    getTranslations("Diary"),
    getTranslations("Photos.upload"),
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
                  <span className="font-medium">
                    {c.firstName} {c.lastName}
                  </span>
                  <span className="text-sm text-muted">
                    {t("birthDate")}: {formatDay(c.birthDate, locale)}
                  </span>
                </li>
              ))}
            </ul>
          </Card>
        )}
      </section>
    </>
  );
}
