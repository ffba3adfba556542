import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ComingSoon } from "@/components/shell/coming-soon";
import { requireParent } from "@/lib/auth/guards";
import { Link } from "@/lib/i18n/navigation";
import { readLocale, type LocaleParams } from "@/lib/i18n/params";

type Props = { params: LocaleParams };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await readLocale(params);
  const t = await getTranslations({ locale, namespace: "ComingSoon" });
  return { title: t("more.title") };
}

export default async function Page({ params }: Props) {
  const locale = await readLocale(params);
  await requireParent();
  const t = await getTranslations({ locale, namespace: "NotificationSettings" });
  return (
    <>
      <ComingSoon section="more" />
      <section aria-labelledby="more-account-heading" className="mt-6">
        <h2 id="more-account-heading" className="text-lg font-semibold">
          {t("moreSection")}
        </h2>
        <ul className="mt-2 flex flex-col gap-2">
          <li>
            <Link
              href="/more/notifications"
              className="flex min-h-11 flex-col rounded-xl border border-line bg-surface p-4 shadow-sm hover:border-brand-600 hover:bg-brand-50"
            >
              <span className="font-semibold text-brand-800">{t("moreLink")}</span>
              <span className="text-sm text-muted">{t("moreLinkHint")}</span>
            </Link>
          </li>
        </ul>
      </section>
    </>
  );
}
