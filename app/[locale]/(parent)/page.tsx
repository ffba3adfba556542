import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Icon, type IconName } from "@/components/shell/icons";
import { Card } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/link-button";
import { TimelineSection } from "@/components/timeline/timeline-section";
import { ChildFilter } from "@/components/agenda/child-filter";
import { EndedCareNotices } from "@/components/shell/post-contract-notices";
import { PageHeader } from "@/components/ui/page-header";
import { requireParent, requireUser } from "@/lib/auth/guards";
import { STAFF_ROLES } from "@/lib/auth/types";
import { endedChildrenNotices } from "@/lib/db/post-contract";
import { getFamilyChildren } from "@/lib/db/shell";
import { getTimelinePage } from "@/lib/db/timeline";
import { decodeTimelineCursor } from "@/lib/domain/timeline";
import { redirect, Link } from "@/lib/i18n/navigation";
import { readLocale, type LocaleParams } from "@/lib/i18n/params";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
type Props = { params: LocaleParams; searchParams: SearchParams };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await readLocale(params);
  const t = await getTranslations({ locale, namespace: "ParentHome" });
  return { title: t("title") };
}

// "Mijn kind" (seed 002 §3): the three actions, the family's children and the timeline of diary
// entries and photos, newest first, per child with `?child=`. The first page is rendered here; the
// feed loads the next pages in place, or — without JavaScript — through `?after=<cursor>`.
export default async function ParentHomePage({ params, searchParams }: Props) {
  const locale = await readLocale(params);
  const signedIn = await requireUser(locale);
  if (STAFF_ROLES.includes(signedIn.role)) redirect({ href: "/staff", locale });
  const user = await requireParent();
  const query = await searchParams;
  const [t, tTimeline, familyChildren, ended] = await Promise.all([
    getTranslations("ParentHome"),
    getTranslations("Timeline"),
    getFamilyChildren(user),
    endedChildrenNotices(user),
  ]);
  // Only the family's own children filter; anything else shows the whole timeline.
  const childParam = typeof query.child === "string" ? query.child : null;
  const selected = familyChildren.find((c) => c.id === childParam) ?? null;
  const afterParam = typeof query.after === "string" && decodeTimelineCursor(query.after) ? query.after : null;
  const page = await getTimelinePage(user, { childId: selected?.id ?? null, cursor: afterParam });

  // The three quick actions of seed 002 §3: for the child the filter shows, if any.
  const quickActions: { label: string; icon: IconName; href: string }[] = [
    { label: t("writeDiary"), icon: "diary", href: selected ? `/diary/new?child=${selected.id}` : "/diary/new" },
    { label: t("writeMessage"), icon: "messages", href: selected ? `/messages/new?child=${selected.id}` : "/messages/new" },
    { label: t("reportAbsence"), icon: "absence", href: "/agenda/absence" },
  ];

  return (
    <>
      <PageHeader title={t("title")} description={t("greeting", { name: user.name })} />
      <EndedCareNotices notices={ended} />

      <section aria-labelledby="quick-actions" className="mb-8">
        <h2 id="quick-actions" className="mb-3 text-lg font-semibold">
          {t("quickActions")}
        </h2>
        <ul className="grid gap-2 sm:grid-cols-3">
          {quickActions.map((action) => (
            <li key={action.label}>
              <LinkButton href={action.href} variant="secondary" className="h-full w-full justify-start">
                <Icon name={action.icon} className="size-5 shrink-0" />
                <span>{action.label}</span>
              </LinkButton>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="children-heading" className="mb-8">
        <h2 id="children-heading" className="mb-3 text-lg font-semibold">
          {t("childrenHeading")}
        </h2>
        {familyChildren.length === 0 ? (
          <p className="text-muted">{t("noChildren")}</p>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2">
            {familyChildren.map((child) => (
              <li key={child.id}>
                <Card className="relative h-full hover:border-brand-600">
                  <h3 className="text-lg font-semibold">
                    {/* The whole card is clickable through the stretched link; the name is its label. */}
                    <Link
                      href={`/children/${child.id}`}
                      className="text-brand-800 after:absolute after:inset-0 after:rounded-xl hover:underline"
                    >
                      {child.firstName} {child.lastName}
                    </Link>
                  </h3>
                  {child.currentGroups.length > 0 ? (
                    <ul className="mt-1 text-muted">
                      {child.currentGroups.map((g) => (
                        <li key={g.id}>{t("groupAtLocation", { group: g.name, location: g.locationName })}</li>
                      ))}
                    </ul>
                  ) : (
                    <p className="mt-1 text-muted">{t("noCurrentGroup")}</p>
                  )}
                </Card>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading" className="mb-3 text-lg font-semibold">
          {t("timelineHeading")}
        </h2>
        {familyChildren.length > 1 ? <ChildFilter
            items={familyChildren}
            selectedChildId={selected?.id ?? null}
            pathname="/"
            label={tTimeline("filterLabel")}
            allLabel={tTimeline("allChildren")}
            scroll={false}
          /> : null}
        <TimelineSection
          page={page}
          afterParam={afterParam}
          newestHref={selected ? { pathname: "/", query: { child: selected.id } } : "/"}
          emptyText={selected ? tTimeline("emptyChild", { name: selected.firstName }) : tTimeline("empty")}
          feedKey={`${selected?.id ?? "all"}|${afterParam ?? ""}`}
          childId={selected?.id ?? null}
        />
      </section>
    </>
  );
}
