import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaff } from "@/lib/auth/guards";
import { getStaffGroups } from "@/lib/db/shell";
import { Link } from "@/lib/i18n/navigation";
import { readLocale, type LocaleParams } from "@/lib/i18n/params";

type Props = { params: LocaleParams };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await readLocale(params);
  const t = await getTranslations({ locale, namespace: "StaffHome" });
  return { title: t("title") };
}

export default async function StaffHomePage({ params }: Props) {
  await readLocale(params);
  const user = await requireStaff();
  const [t, tGroup, groups] = await Promise.all([
    getTranslations("StaffHome"),
    getTranslations("GroupType"),
    getStaffGroups(user),
  ]);
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      {groups.length === 0 ? (
        <p className="text-muted">{t("noGroups")}</p>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2">
          {groups.map((g) => (
            <li key={g.id}>
              <Card className="relative h-full hover:border-brand-600">
                <h2 className="text-lg font-semibold">
                  <Link
                    href={`/staff/groups/${g.id}`}
                    className="text-brand-800 after:absolute after:inset-0 after:rounded-xl hover:underline"
                  >
                    {g.name}
                  </Link>
                </h2>
                <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                  <dt className="text-muted">{t("type")}</dt>
                  <dd>{tGroup(g.type)}</dd>
                  <dt className="text-muted">{t("location")}</dt>
                  <dd>{g.locationName}</dd>
                </dl>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
