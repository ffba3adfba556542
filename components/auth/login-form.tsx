"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Link } from "@/lib/i18n/navigation";
import { loginSchema, minutesToWait, parseLoginError, type LoginData, type LoginError, type LoginInput } from "@/lib/schemas/auth";
import { FormAlert } from "./form-alert";
import { TextField } from "./form-field";
import { useMessageKey } from "./use-message";

const ERROR_ID = "login-error";

/**
 * E-mail + password, checked in the browser with the server's own schema, then next-auth's credentials
 * sign-in without its redirect, so wrong credentials and a temporary block get their own message here.
 * `target` is where to go afterwards: a same-site path the page has already vetted.
 */
export function LoginForm({ target, initialError = null }: { target: string; initialError?: LoginError | null }) {
  const t = useTranslations("Auth.login");
  const message = useMessageKey();
  const [error, setError] = useState<LoginError | null>(initialError);
  const [redirecting, setRedirecting] = useState(false);
  const {
    register,
    handleSubmit,
    resetField,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<LoginInput, unknown, LoginData>({
    resolver: zodResolver(loginSchema),
    defaultValues: { email: "", password: "" },
  });

  const onSubmit = async (data: LoginData) => {
    setError(null);
    let outcome: LoginError | null;
    try {
      const res = await signIn("credentials", { email: data.email, password: data.password, redirect: false });
      outcome = res?.ok && !res.error ? null : (parseLoginError(res?.error) ?? { kind: "unexpected" });
    } catch {
      outcome = { kind: "unexpected" };
    }
    if (!outcome) {
      setRedirecting(true);
      // A full page load, so every server component renders with the new session cookie.
      window.location.assign(target);
      return;
    }
    setError(outcome);
    if (outcome.kind === "invalidCredentials") {
      resetField("password");
      setFocus("password");
    }
  };

  const busy = isSubmitting || redirecting;
  const errorText =
    error?.kind === "invalidCredentials"
      ? t("invalidCredentials")
      : error?.kind === "rateLimited"
        ? t("rateLimited", { minutes: minutesToWait(error.retryAfterSeconds) })
        : error?.kind === "accountClosed"
          ? t("accountClosed")
          : error
          ? t("unexpected")
          : null;

  return (
    <form noValidate onSubmit={handleSubmit(onSubmit)} className="flex flex-col gap-5" aria-busy={busy || undefined}>
      {errorText ? (
        <FormAlert id={ERROR_ID} tone="error" title={t("errorTitle")} focusOnMount={error?.kind !== "invalidCredentials"}>
          {errorText}
        </FormAlert>
      ) : null}
      <TextField
        id="login-email"
        label={t("email")}
        type="email"
        inputMode="email"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        required
        error={errors.email ? message(errors.email.message) : undefined}
        describedBy={errorText ? ERROR_ID : undefined}
        {...register("email")}
      />
      <TextField
        id="login-password"
        label={t("password")}
        type="password"
        autoComplete="current-password"
        required
        error={errors.password ? message(errors.password.message) : undefined}
        describedBy={errorText ? ERROR_ID : undefined}
        {...register("password")}
      />
      <Button type="submit" variant="primary" disabled={busy} className="w-full">
        {busy ? t("submitting") : t("submit")}
      </Button>
      <p className="text-center">
        <Link href="/forgot-password" className="inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-4 hover:text-brand-800">
          {t("forgotPassword")}
        </Link>
      </p>
    </form>
  );
}
