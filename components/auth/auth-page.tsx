import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Icon } from "@/components/shell/icons";
import { Card } from "@/components/ui/card";
import { LanguageSwitch } from "@/components/ui/language-switch";

/**
 * The frame of the public pages (log in, forgot password, set password, activate): brand and language
 * switch on top, one centred card with the page's single <h1>, optional links below it.
 */
export function AuthPage({
  title,
  intro,
  children,
  footer,
}: {
  title: ReactNode;
  intro?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}) {
  const t = useTranslations("App");
  return (
    <div className="flex min-h-dvh flex-col">
      <a href="#main" className="skip-link">
        {t("skipToContent")}
      </a>
      <header className="flex items-center justify-between gap-2 px-4 py-3 sm:px-6">
        <p className="flex min-h-11 items-center gap-2 font-bold text-brand-800">
          <Icon name="logo" className="size-7 text-brand-600" />
          <span className="text-lg">{t("name")}</span>
        </p>
        <LanguageSwitch />
      </header>
      <main id="main" tabIndex={-1} className="flex flex-1 justify-center px-4 pt-4 pb-16 focus:outline-none sm:pt-12">
        <div className="w-full max-w-md">
          <Card className="p-6 sm:p-8">
            <h1 className="text-2xl font-bold tracking-tight text-ink">{title}</h1>
            {intro ? <p className="mt-2 text-muted">{intro}</p> : null}
            <div className="mt-6">{children}</div>
          </Card>
          {footer ? <div className="mt-6 flex flex-col items-center gap-2 text-center">{footer}</div> : null}
        </div>
      </main>
    </div>
  );
}
