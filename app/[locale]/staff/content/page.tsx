import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { requirePlanner } from "@/lib/auth/guards";
import { Link } from "@/lib/i18n/navigation";
import { readLocale, type LocaleParams } from "@/lib/i18n/params";

type Props = { params: LocaleParams };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await readLocale(params);
  const t = await getTranslations({ locale, namespace: "StaffContent" });
  return { title: t("title") };
}

// What planners and admins publish for parents (Mijn locatie), and for admins the family documents.
export default async function StaffContentPage({ params }: Props) {
  const locale = await readLocale(params);
  const user = await requirePlanner(locale);
  const t = await getTranslations("StaffContent");
  const links = [
    { href: "/staff/content/news", title: t("news"), hint: t("newsHint") },
    { href: "/staff/content/newsletters", title: t("newsletters"), hint: t("newslettersHint") },
    { href: "/staff/content/pages", title: t("pages"), hint: t("pagesHint") },
    ...(user.role === "ADMIN" ? [{ href: "/staff/admin/documents", title: t("documents"), hint: t("documentsHint") }] : []),
  ];
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <ul className="grid gap-3 sm:grid-cols-2">
        {links.map((link) => (
          <li key={link.href}>
            <Link
              href={link.href}
              className="flex min-h-11 flex-col rounded-xl border border-line bg-surface p-4 shadow-sm hover:border-brand-600 hover:bg-brand-50"
            >
              <span className="font-semibold text-brand-800">{link.title}</span>
              <span className="text-sm text-muted">{link.hint}</span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
