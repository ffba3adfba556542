"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { LinkButton } from "@/components/ui/link-button";
import { resetPasswordAction } from "@/lib/actions/auth/reset-password";
import { Link } from "@/lib/i18n/navigation";
import { MIN_PASSWORD_LENGTH, resetPasswordSchema, type ResetPasswordData, type ResetPasswordInput } from "@/lib/schemas/auth";
import { FormAlert } from "./form-alert";
import { TextField } from "./form-field";
import { useMessageKey } from "./use-message";

const ERROR_ID = "set-password-error";

type State = "form" | "invalidLink" | "done";

/**
 * Choose a password through a mailed link: "reset" (Wachtwoord vergeten) or "activate" (welcome mail).
 * Afterwards the user logs in with the new password (which also lets the browser offer to save it).
 */
export function SetPasswordForm({ token, email, mode }: { token: string; email: string; mode: "reset" | "activate" }) {
  const t = useTranslations("Auth.reset");
  const tMode = useTranslations(mode === "activate" ? "Auth.activate" : "Auth.reset");
  const message = useMessageKey();
  const [state, setState] = useState<State>("form");
  const [errorCode, setErrorCode] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ResetPasswordInput, unknown, ResetPasswordData>({
    resolver: zodResolver(resetPasswordSchema),
    defaultValues: { token, password: "", confirmPassword: "" },
  });

  const onSubmit = async (data: ResetPasswordData) => {
    setErrorCode(null);
    let result: Awaited<ReturnType<typeof resetPasswordAction>>;
    try {
      result = await resetPasswordAction(data);
    } catch {
      setErrorCode("errors.unexpected");
      return;
    }
    if (!result.ok) {
      if (result.code === "Auth.reset.invalidToken") return setState("invalidLink");
      const { password, confirmPassword } = result.fieldErrors ?? {};
      if (password?.[0]) setError("password", { message: password[0] }, { shouldFocus: true });
      if (confirmPassword?.[0]) setError("confirmPassword", { message: confirmPassword[0] }, { shouldFocus: !password?.[0] });
      if (!password?.[0] && !confirmPassword?.[0]) setErrorCode(result.code);
      return;
    }
    setState("done");
  };

  if (state === "invalidLink") {
    return (
      <div className="flex flex-col gap-5">
        <FormAlert tone="error" title={t("invalidTitle")}>
          {t("invalidToken")}
        </FormAlert>
        <LinkButton href="/forgot-password" variant="primary" className="w-full">
          {t("requestNew")}
        </LinkButton>
      </div>
    );
  }

  if (state === "done") {
    return (
      <div className="flex flex-col gap-5">
        <FormAlert tone="success" title={tMode("doneTitle")} focusOnMount>
          {tMode("done")}
        </FormAlert>
        <LinkButton href="/login" variant="primary" className="w-full">
          {t("toLogin")}
        </LinkButton>
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
      {/* Lets password managers store the new password under the right account. */}
      <input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
      <input type="hidden" {...register("token")} />
      <TextField
        id="new-password"
        label={t("password")}
        hint={t("passwordHint", { min: MIN_PASSWORD_LENGTH })}
        type="password"
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD_LENGTH}
        error={errors.password ? message(errors.password.message) : undefined}
        describedBy={errorCode ? ERROR_ID : undefined}
        {...register("password")}
      />
      <TextField
        id="confirm-password"
        label={t("confirm")}
        type="password"
        autoComplete="new-password"
        required
        error={errors.confirmPassword ? message(errors.confirmPassword.message) : undefined}
        {...register("confirmPassword")}
      />
      <Button type="submit" variant="primary" disabled={isSubmitting} className="w-full">
        {isSubmitting ? t("submitting") : tMode("submit")}
      </Button>
      {errors.token ? (
        <p className="text-center">
          <Link href="/forgot-password" className="font-medium text-brand-700 underline underline-offset-4">
            {t("requestNew")}
          </Link>
        </p>
      ) : null}
    </form>
  );
}
