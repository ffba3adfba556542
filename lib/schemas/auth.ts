import { z } from "zod";

// Log-in and password forms. The same schemas run in the browser (react-hook-form + zodResolver) and
// on the server (next-auth's authorize, the server actions). Error messages are message keys from the
// root of messages/*.json; the form translates them and passes { min, max } for the length rules.

/** Keep in step with lib/auth/password.ts (a unit test checks it); defined here so forms need no server code. */
export const MIN_PASSWORD_LENGTH = 10;
/** Long enough for any passphrase, short enough that hashing cannot be abused with megabytes of input. */
export const MAX_PASSWORD_LENGTH = 200;
/** An e-mail address can be at most 254 characters (RFC 5321 path limit). */
export const MAX_EMAIL_LENGTH = 254;

/** The e-mail address is the user name: trimmed and lower-cased everywhere (User.email is stored so). */
export function normaliseEmail(value: string): string {
  return value.trim().toLowerCase();
}

export const emailSchema = z
  .string({ error: "Auth.validation.emailRequired" })
  .transform(normaliseEmail)
  .pipe(
    z
      .string()
      .min(1, { error: "Auth.validation.emailRequired" })
      .max(MAX_EMAIL_LENGTH, { error: "Auth.validation.emailInvalid" })
      .pipe(z.email({ error: "Auth.validation.emailInvalid" })),
  );

export const loginSchema = z.object({
  email: emailSchema,
  // No length rule at log-in: an account's password is whatever it was set to; only "empty" is an error.
  password: z
    .string({ error: "Auth.validation.passwordRequired" })
    .min(1, { error: "Auth.validation.passwordRequired" })
    .max(1000, { error: "Auth.validation.passwordTooLong" }),
});
export type LoginInput = z.input<typeof loginSchema>;
export type LoginData = z.output<typeof loginSchema>;

export const forgotPasswordSchema = z.object({ email: emailSchema });
export type ForgotPasswordInput = z.input<typeof forgotPasswordSchema>;
export type ForgotPasswordData = z.output<typeof forgotPasswordSchema>;

/** 32 random bytes, base64url without padding (lib/auth/tokens.ts). */
export const PASSWORD_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export const passwordTokenSchema = z
  .string({ error: "Auth.reset.invalidToken" })
  .regex(PASSWORD_TOKEN_PATTERN, { error: "Auth.reset.invalidToken" });

export const newPasswordSchema = z
  .string({ error: "Auth.validation.passwordRequired" })
  .min(1, { error: "Auth.validation.passwordRequired" })
  .min(MIN_PASSWORD_LENGTH, { error: "Auth.validation.passwordTooShort" })
  .max(MAX_PASSWORD_LENGTH, { error: "Auth.validation.passwordTooLong" });

export const resetPasswordSchema = z
  .object({
    token: passwordTokenSchema,
    password: newPasswordSchema,
    confirmPassword: z.string({ error: "Auth.validation.confirmRequired" }).min(1, { error: "Auth.validation.confirmRequired" }),
  })
  // An empty confirmation already has its own message ("confirmRequired").
  .refine((v) => v.confirmPassword === "" || v.password === v.confirmPassword, {
    path: ["confirmPassword"],
    error: "Auth.validation.passwordsDoNotMatch",
  });
export type ResetPasswordInput = z.input<typeof resetPasswordSchema>;
export type ResetPasswordData = z.output<typeof resetPasswordSchema>;

// ─── Log-in errors between next-auth's authorize() and the log-in form ──────────────────────────
// next-auth v4 passes the message of an error thrown in authorize() to the client as `error`;
// a wrong password yields its own "CredentialsSignin".

export const LOGIN_RATE_LIMITED = "RateLimited";
/** The account was closed after care ended (lib/domain/post-contract.ts). */
export const LOGIN_ACCOUNT_CLOSED = "AccountClosed";

export type LoginError =
  | { kind: "invalidCredentials" }
  | { kind: "rateLimited"; retryAfterSeconds: number }
  | { kind: "accountClosed" }
  | { kind: "unexpected" };

export function rateLimitedLoginError(retryAfterSeconds: number): string {
  return `${LOGIN_RATE_LIMITED}:${Math.max(1, Math.ceil(retryAfterSeconds))}`;
}

export function parseLoginError(error: string | null | undefined): LoginError | null {
  if (!error) return null;
  if (error === "CredentialsSignin") return { kind: "invalidCredentials" };
  if (error === LOGIN_ACCOUNT_CLOSED) return { kind: "accountClosed" };
  const match = /^RateLimited:(\d{1,7})$/.exec(error);
  if (match) return { kind: "rateLimited", retryAfterSeconds: Number(match[1]) };
  return { kind: "unexpected" };
}

/** Whole minutes to tell the user to wait (never "0 minutes"). */
export function minutesToWait(retryAfterSeconds: number): number {
  return Math.max(1, Math.ceil(retryAfterSeconds / 60));
}
