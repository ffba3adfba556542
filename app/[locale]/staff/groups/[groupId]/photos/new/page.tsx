import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { PhotoUploadForm } from "@/components/photos/photo-upload-form";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaffOfGroup } from "@/lib/auth/guards";
import { listTaggableChildren } from "@/lib/db/photo-upload";
import { getStaffGroup } from "@/lib/db/shell";
import { readLocale } from "@/lib/i18n/params";

type Props = { params: Promise<{ locale: string; groupId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await readLocale(params);
  const t = await getTranslations({ locale, namespace: "Photos.upload" });
  return { title: t("title") };
}

// Staff upload photos for one of their groups (issue 4 §3): several files at once, the children on
// them, who sees them. The route (app/api/photos/upload) checks everything again per file.
export default async function GroupPhotoUploadPage({ params }: Props) {
  const locale = await readLocale(params);
  const { groupId } = await params;
  const user = await requireStaffOfGroup(groupId, locale);
  const group = await getStaffGroup(user, groupId);
  if (!group) notFound();
  const [t, children] = await Promise.all([getTranslations("Photos.upload"), listTaggableChildren(group.id)]);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("intro", { group: group.name })}
        before={<BackLink href={`/staff/groups/${group.id}`}>{t("backToGroup", { group: group.name })}</BackLink>}
      />
      <PhotoUploadForm target={{ kind: "group", groupId: group.id, childrenList: children }} />
    </>
  );
}
