import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { AuthPage } from "@/components/auth/auth-page";
import { LoginForm } from "@/components/auth/login-form";
import { safeCallbackPath } from "@/lib/auth/access";
import { getSessionUser } from "@/lib/auth/guards";
import { readLocale, type LocaleParams } from "@/lib/i18n/params";
import { parseLoginError } from "@/lib/schemas/auth";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
type Props = { params: LocaleParams; searchParams: SearchParams };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const locale = await readLocale(params);
  const t = await getTranslations({ locale, namespace: "Auth.login" });
  return { title: t("title"), robots: { index: false } };
}

export default async function LoginPage({ params, searchParams }: Props) {
  const locale = await readLocale(params);
  const query = await searchParams;
  // Only same-site paths: the log-in page must never become an open redirect.
  const target = safeCallbackPath(first(query.callbackUrl)) ?? `/${locale}`;
  if (await getSessionUser()) redirect(target);
  // next-auth sends its own errors here too (pages.error in lib/auth/options.ts).
  const initialError = parseLoginError(first(query.error));
  const t = await getTranslations("Auth.login");
  return (
    <AuthPage title={t("title")} intro={t("intro")} footer={<p className="max-w-sm text-sm text-muted">{t("newAccount")}</p>}>
      <LoginForm target={target} initialError={initialError} />
    </AuthPage>
  );
}
