import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DiaryForm } from "@/components/diary/diary-form";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaff } from "@/lib/auth/guards";
import { listDiaryChildren } from "@/lib/db/diary";
import { childrenWithPhotoConsent } from "@/lib/db/diary-photos";
import { videoInDiaryEnabled } from "@/lib/db/photo-upload";
import { getStaffGroups } from "@/lib/db/shell";
import { addDays } from "@/lib/domain/dates";
import { DIARY_MAX_DAYS_BACK } from "@/lib/domain/diary";
import { amsterdamIsoDate } from "@/lib/format/date";
import { readLocale, type LocaleParams } from "@/lib/i18n/params";

type Props = { params: LocaleParams; searchParams: Promise<{ group?: string | string[]; child?: string | string[] }> };

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const locale = await readLocale(params);
  const t = await getTranslations({ locale, namespace: "Diary" });
  return { title: t("staffTitle") };
}

// Staff write a daily report for a child of one of their groups (domain.md "Timeline, diary, photos");
// `?group=` narrows the children to that group (only a group of their own), `?child=` preselects one.
// Photos (and videos where the organisation enables them) go in the same form; a child without photo
// consent gets none. The parents are notified (lib/db/diary.ts); the action and the upload route check
// the child on the server again.
export default async function StaffNewDiaryEntryPage({ params, searchParams }: Props) {
  const locale = await readLocale(params);
  const user = await requireStaff(locale);
  const query = await searchParams;
  const groups = await getStaffGroups(user);
  const group = groups.find((g) => g.id === query.group) ?? null;
  const [t, children, acceptVideo] = await Promise.all([
    getTranslations("Diary"),
    listDiaryChildren(user, { groupId: group?.id ?? null }),
    videoInDiaryEnabled(user.organisationId),
  ]);
  const withConsent = await childrenWithPhotoConsent(user, children.map((c) => c.id));
  const today = amsterdamIsoDate();
  const initial = children.find((c) => c.id === query.child)?.id ?? null;
  const back = group ? (
    <BackLink href={`/staff/groups/${group.id}`}>{t("backToGroup")}</BackLink>
  ) : (
    <BackLink href="/staff">{t("backToGroups")}</BackLink>
  );
  return (
    <>
      <PageHeader title={t("staffTitle")} description={group ? `${group.name} · ${t("staffIntro")}` : t("staffIntro")} before={back} />
      {children.length === 0 ? (
        <p className="text-muted">{t("noChildren")}</p>
      ) : (
        <DiaryForm
          mode="staff"
          today={today}
          minDate={addDays(today, -DIARY_MAX_DAYS_BACK)}
          childrenList={children.map((c) => ({
            id: c.id,
            firstName: c.firstName,
            label: t("childGroups", { name: `${c.firstName} ${c.lastName}`, groups: c.groups.map((g) => g.name).join(", ") }),
            photosAllowed: withConsent.has(c.id),
          }))}
          initialChildId={initial}
          acceptVideo={acceptVideo}
        />
      )}
    </>
  );
}
