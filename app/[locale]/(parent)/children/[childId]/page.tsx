import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Icon } from "@/components/shell/icons";
import { Card } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/link-button";
import { PageHeader } from "@/components/ui/page-header";
import { getSessionUser, requireParent } from "@/lib/auth/guards";
import { getChildForParent } from "@/lib/db/shell";
import { formatDay } from "@/lib/format/date";
import { Link } from "@/lib/i18n/navigation";
import { readLocale } from "@/lib/i18n/params";

type Props = { params: Promise<{ locale: string; childId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await readLocale(params);
  const { childId } = await params;
  // Metadata must not redirect or throw notFound() (Next then streams an error shell): read the
  // session without a guard; the scoped query still finds nothing for another family's child.
  const user = await getSessionUser();
  const child = user ? await getChildForParent(user, childId) : null;
  if (!child) return { title: (await getTranslations({ locale, namespace: "NotFound" }))("title") };
  return { title: `${child.firstName} ${child.lastName}` };
}

export default async function ChildPage({ params }: Props) {
  const locale = await readLocale(params);
  const { childId } = await params;
  const user = await requireParent();
  // Scoped to the parent's own family: another family's child is indistinguishable from an unknown id.
  const child = await getChildForParent(user, childId);
  if (!child) notFound();
  const t = await getTranslations("ChildPage");
  const tGroup = await getTranslations("GroupType");

  return (
    <>
      <PageHeader
        title={`${child.firstName} ${child.lastName}`}
        before={
          <Link href="/" className="inline-flex min-h-11 items-center self-start text-brand-700 underline-offset-4 hover:underline">
            <span aria-hidden="true">←&nbsp;</span>
            {t("backToHome")}
          </Link>
        }
      />
      <Card>
        <h2 className="sr-only">{t("details")}</h2>
        <dl className="divide-y divide-line">
          <div className="grid gap-1 py-3 first:pt-0 sm:grid-cols-3 sm:gap-4">
            <dt className="font-medium text-muted">{t("birthDate")}</dt>
            <dd className="sm:col-span-2">{formatDay(child.birthDate, locale)}</dd>
          </div>
          <div className="grid gap-1 py-3 sm:grid-cols-3 sm:gap-4">
            <dt className="font-medium text-muted">{t("groups")}</dt>
            <dd className="sm:col-span-2">
              {child.placements.length === 0 ? (
                t("noGroup")
              ) : (
                <ul className="space-y-2">
                  {child.placements.map((p) => (
                    <li key={`${p.group.id}-${p.startDate}`}>
                      <span className="font-medium">{p.group.name}</span>
                      <span className="text-muted">
                        {" · "}
                        {p.group.locationName}
                        {" · "}
                        {tGroup(p.group.type)}
                      </span>
                      <br />
                      <span className="text-sm text-muted">
                        {p.current
                          ? t("since", { date: formatDay(p.startDate, locale) })
                          : t("from", { date: formatDay(p.startDate, locale) })}
                        {p.endDate ? ` ${t("until", { date: formatDay(p.endDate, locale) })}` : null}
                        {" · "}
                        {t(p.contractType)}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </div>
          <div className="grid gap-1 py-3 last:pb-0 sm:grid-cols-3 sm:gap-4">
            <dt className="font-medium text-muted">{t("mentor")}</dt>
            <dd className="sm:col-span-2">{child.mentorName ?? t("noMentor")}</dd>
          </div>
        </dl>
      </Card>
      {/* "Bewaren Dagboek" (seed 003): the diary and photos as a ZIP, mailed as a link. */}
      <div className="mt-6 flex flex-wrap gap-2">
        <LinkButton href={`/messages/new?child=${encodeURIComponent(child.id)}`} variant="secondary">
          <Icon name="messages" className="size-5 shrink-0" />
          {t("writeMessage", { name: child.firstName })}
        </LinkButton>
        <LinkButton href={`/diary/export?child=${encodeURIComponent(child.id)}`} variant="secondary">
          <Icon name="diary" className="size-5 shrink-0" />
          {t("downloadDiary")}
        </LinkButton>
      </div>
    </>
  );
}
