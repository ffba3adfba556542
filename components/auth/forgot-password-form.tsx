"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { requestPasswordResetAction } from "@/lib/actions/auth/request-password-reset";
import { Link } from "@/lib/i18n/navigation";
import { forgotPasswordSchema, type ForgotPasswordData, type ForgotPasswordInput } from "@/lib/schemas/auth";
import { FormAlert } from "./form-alert";
import { TextField } from "./form-field";
import { useMessageKey } from "./use-message";

const ERROR_ID = "forgot-error";

/** "Wachtwoord vergeten": asks for the address and always confirms the same way (known or not). */
export function ForgotPasswordForm() {
  const t = useTranslations("Auth.forgot");
  const locale = useLocale();
  const message = useMessageKey();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [errorCode, setErrorCode] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ForgotPasswordInput, unknown, ForgotPasswordData>({
    resolver: zodResolver(forgotPasswordSchema),
    defaultValues: { email: "" },
  });

  const onSubmit = async (data: ForgotPasswordData) => {
    setErrorCode(null);
    try {
      const result = await requestPasswordResetAction(data, locale);
      if (result.ok) {
        setSentTo(data.email);
        return;
      }
      const fieldError = result.fieldErrors?.email?.[0];
      if (fieldError) setError("email", { message: fieldError }, { shouldFocus: true });
      else setErrorCode(result.code);
    } catch {
      setErrorCode("errors.unexpected");
    }
  };

  if (sentTo) {
    return (
      <div className="flex flex-col gap-5">
        <FormAlert tone="success" title={t("sentTitle")} focusOnMount>
          {t("sent")}
        </FormAlert>
        <p className="text-center">
          <Link href="/login" className="inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-4 hover:text-brand-800">
            {t("backToLogin")}
          </Link>
        </p>
      </div>
    );
  }

  return (
    <form noValidate onSubmit={handleSubmit(onSubmit)} className="flex flex-col gap-5" aria-busy={isSubmitting || undefined}>
      {errorCode ? (
        <FormAlert id={ERROR_ID} tone="error">
          {message(errorCode)}
        </FormAlert>
      ) : null}
      <TextField
        id="forgot-email"
        label={t("email")}
        type="email"
        inputMode="email"
        autoComplete="email"
        autoCapitalize="none"
        spellCheck={false}
        required
        error={errors.email ? message(errors.email.message) : undefined}
        describedBy={errorCode ? ERROR_ID : undefined}
        {...register("email")}
      />
      <Button type="submit" variant="primary" disabled={isSubmitting} className="w-full">
        {isSubmitting ? t("submitting") : t("submit")}
      </Button>
      <p className="text-center">
        <Link href="/login" className="inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-4 hover:text-brand-800">
          {t("backToLogin")}
        </Link>
      </p>
    </form>
  );
}
