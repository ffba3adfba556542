import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ComingSoon } from "@/components/shell/coming-soon";
import { requireParent } from "@/lib/auth/guards";
import { readLocale, type LocaleParams } from "@/lib/i18n/params";

type Props = { params: LocaleParams };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await readLocale(params);
  const t = await getTranslations({ locale, namespace: "ComingSoon" });
  return { title: t("location.title") };
}

export default async function Page({ params }: Props) {
  await readLocale(params);
  await requireParent();
  return <ComingSoon section="location" />;
}
