import { useTranslations } from "next-intl";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export type ComingSoonSection = "location" | "more";

/** The page of a section that is not built yet: says so plainly and lists what it will offer. */
export function ComingSoon({ section }: { section: ComingSoonSection }) {
  const t = useTranslations("ComingSoon");
  return (
    <>
      <PageHeader title={t(`${section}.title`)} />
      <EmptyState
        title={t("heading")}
        itemsLabel={t("willOffer")}
        items={[t(`${section}.item1`), t(`${section}.item2`), t(`${section}.item3`)]}
      />
    </>
  );
}
