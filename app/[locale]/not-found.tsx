import { getTranslations } from "next-intl/server";
import { LinkButton } from "@/components/ui/link-button";

// Rendered for notFound() anywhere under /[locale] (unknown pages, another family's child, a group
// the staff member does not belong to): it deliberately does not say which of these it was.
export default async function LocaleNotFound() {
  const t = await getTranslations("NotFound");
  const tApp = await getTranslations("App");
  return (
    <>
      <title>{`${t("title")} · ${tApp("name")}`}</title>
      <main id="main" className="mx-auto flex min-h-dvh max-w-xl flex-col justify-center gap-4 px-6 py-16">
        <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">404</p>
        <h1 className="text-2xl font-bold sm:text-3xl">{t("title")}</h1>
        <p className="text-muted">{t("description")}</p>
        <div>
          <LinkButton href="/" variant="primary">
            {t("home")}
          </LinkButton>
        </div>
      </main>
    </>
  );
}
