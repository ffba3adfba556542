import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuthPage } from "@/components/auth/auth-page";
import { FormAlert } from "@/components/auth/form-alert";
import { SetPasswordForm } from "@/components/auth/set-password-form";
import { LinkButton } from "@/components/ui/link-button";
import { inspectPasswordToken } from "@/lib/auth/tokens";
import { readLocale, type LocaleParams } from "@/lib/i18n/params";

// /reset-password?token=… and /activate?token=…: one page, two wordings. The token is checked before
// the form shows, so a dead link says so at once instead of after the user has typed a password.

export type SetPasswordPageProps = {
  params: LocaleParams;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

type Mode = "reset" | "activate";

export async function setPasswordMetadata(mode: Mode, { params }: Pick<SetPasswordPageProps, "params">): Promise<Metadata> {
  const locale = await readLocale(params);
  const t = await getTranslations({ locale, namespace: mode === "activate" ? "Auth.activate" : "Auth.reset" });
  // The token is in the URL: never send it on as a Referer, never index the page.
  return { title: t("title"), referrer: "no-referrer", robots: { index: false } };
}

export async function SetPasswordPage({ mode, params, searchParams }: SetPasswordPageProps & { mode: Mode }) {
  await readLocale(params);
  const raw = (await searchParams).token;
  const token = (Array.isArray(raw) ? raw[0] : raw) ?? "";
  const [t, tMode, link] = await Promise.all([
    getTranslations("Auth.reset"),
    getTranslations(mode === "activate" ? "Auth.activate" : "Auth.reset"),
    inspectPasswordToken(token),
  ]);

  if (!link) {
    return (
      <AuthPage title={tMode("title")}>
        <div className="flex flex-col gap-5">
          <FormAlert tone="error" title={t("invalidTitle")} focusOnMount={false}>
            {t("invalidToken")}
          </FormAlert>
          <LinkButton href="/forgot-password" variant="primary" className="w-full">
            {t("requestNew")}
          </LinkButton>
        </div>
      </AuthPage>
    );
  }

  return (
    <AuthPage title={tMode("title")} intro={tMode("intro", { email: link.email })}>
      <SetPasswordForm token={token} email={link.email} mode={mode} />
    </AuthPage>
  );
}
