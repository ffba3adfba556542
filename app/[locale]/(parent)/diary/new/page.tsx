import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { FormAlert } from "@/components/auth/form-alert";
import { DiaryForm } from "@/components/diary/diary-form";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { requireParent } from "@/lib/auth/guards";
import { listDiaryChildren } from "@/lib/db/diary";
import { childrenWithPhotoConsent } from "@/lib/db/diary-photos";
import { videoInDiaryEnabled } from "@/lib/db/photo-upload";
import { addDays } from "@/lib/domain/dates";
import { DIARY_MAX_DAYS_BACK } from "@/lib/domain/diary";
import { amsterdamIsoDate } from "@/lib/format/date";
import { readLocale, type LocaleParams } from "@/lib/i18n/params";

type Props = { params: LocaleParams; searchParams: Promise<{ child?: string | string[] }> };

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const locale = await readLocale(params);
  const t = await getTranslations({ locale, namespace: "Diary" });
  return { title: t("title") };
}

// "Dagboek schrijven" from Mijn kind (seed 002 §3.2): a parent writes about their own child, with photos
// (and videos where the organisation enables them) in the same form. The form says plainly that the
// diary is not a message channel (domain.md).
export default async function NewDiaryEntryPage({ params, searchParams }: Props) {
  const locale = await readLocale(params);
  const user = await requireParent(locale);
  const [t, tTimeline, children, acceptVideo] = await Promise.all([
    getTranslations("Diary"),
    getTranslations("Timeline"),
    listDiaryChildren(user),
    videoInDiaryEnabled(user.organisationId),
  ]);
  const withConsent = await childrenWithPhotoConsent(user, children.map((c) => c.id));
  const { child } = await searchParams;
  const today = amsterdamIsoDate();
  const initial = children.find((c) => c.id === child)?.id ?? null;
  return (
    <>
      <PageHeader title={t("title")} description={t("parentIntro")} before={<BackLink href="/">{tTimeline("backToTimeline")}</BackLink>} />
      <div className="mb-5 max-w-2xl">
        <FormAlert tone="info" focusOnMount={false}>
          {t("notMessages")}
        </FormAlert>
      </div>
      {children.length === 0 ? (
        <p className="text-muted">{t("noChildren")}</p>
      ) : (
        <DiaryForm
          mode="parent"
          today={today}
          minDate={addDays(today, -DIARY_MAX_DAYS_BACK)}
          childrenList={children.map((c) => ({ id: c.id, firstName: c.firstName, label: `${c.firstName} ${c.lastName}`, photosAllowed: withConsent.has(c.id) }))}
          initialChildId={initial}
          acceptVideo={acceptVideo}
        />
      )}
    </>
  );
}
