import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuthPage } from "@/components/auth/auth-page";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { readLocale, type LocaleParams } from "@/lib/i18n/params";

type Props = { params: LocaleParams };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await readLocale(params);
  const t = await getTranslations({ locale, namespace: "Auth.forgot" });
  return { title: t("title"), robots: { index: false } };
}

// Also the way to a new activation link: the answer is the same whether the address is known or not.
export default async function ForgotPasswordPage({ params }: Props) {
  await readLocale(params);
  const t = await getTranslations("Auth.forgot");
  return (
    <AuthPage title={t("title")} intro={t("intro")}>
      <ForgotPasswordForm />
    </AuthPage>
  );
}
