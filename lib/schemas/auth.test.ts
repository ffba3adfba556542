import { describe, expect, it } from "vitest";
import {
  forgotPasswordSchema,
  loginSchema,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  minutesToWait,
  normaliseEmail,
  parseLoginError,
  rateLimitedLoginError,
  resetPasswordSchema,
} from "./auth";

const TOKEN = "A".repeat(21) + "-_" + "z9".repeat(10); // 43 base64url characters

/** Message keys per field, as the forms and actions see them. */
function errorsOf(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  const out: Record<string, string[]> = {};
  for (const issue of result.error?.issues ?? []) (out[issue.path.join(".") || "_"] ??= []).push(issue.message);
  return out;
}

describe("normaliseEmail", () => {
  it("trims and lower-cases", () => {
    expect(normaliseEmail("  Ouder@Example.NL \n")).toBe("ouder@example.nl");
  });
});

describe("loginSchema", () => {
  it("accepts and normalises a valid log-in", () => {
    expect(loginSchema.parse({ email: " Ouder@Example.nl ", password: "x" })).toEqual({ email: "ouder@example.nl", password: "x" });
  });

  it("does not trim or otherwise touch the password", () => {
    expect(loginSchema.parse({ email: "a@b.nl", password: "  spaced  " }).password).toBe("  spaced  ");
  });

  it.each([
    [{ email: "", password: "x" }, { email: ["Auth.validation.emailRequired"] }],
    [{ email: "   ", password: "x" }, { email: ["Auth.validation.emailRequired"] }],
    [{ email: "geen-adres", password: "x" }, { email: ["Auth.validation.emailInvalid"] }],
    [{ email: "a@b.nl", password: "" }, { password: ["Auth.validation.passwordRequired"] }],
    [{ password: "x" }, { email: ["Auth.validation.emailRequired"] }],
    [{ email: "a@b.nl" }, { password: ["Auth.validation.passwordRequired"] }],
    [{ email: `${"a".repeat(250)}@b.nl`, password: "x" }, { email: ["Auth.validation.emailInvalid"] }],
    [{ email: "a@b.nl", password: "x".repeat(1001) }, { password: ["Auth.validation.passwordTooLong"] }],
  ])("rejects %j with message keys", (input, expected) => {
    expect(errorsOf(loginSchema.safeParse(input))).toEqual(expected);
  });

  it("never lets a non-string through", () => {
    expect(loginSchema.safeParse({ email: ["a@b.nl"], password: { x: 1 } }).success).toBe(false);
    expect(loginSchema.safeParse(null).success).toBe(false);
  });
});

describe("forgotPasswordSchema", () => {
  it("normalises the address", () => {
    expect(forgotPasswordSchema.parse({ email: "Ouder@Example.NL " })).toEqual({ email: "ouder@example.nl" });
  });
  it("asks for a valid address", () => {
    expect(errorsOf(forgotPasswordSchema.safeParse({ email: "nope" }))).toEqual({ email: ["Auth.validation.emailInvalid"] });
  });
});

describe("resetPasswordSchema", () => {
  const good = "a".repeat(MIN_PASSWORD_LENGTH);

  it("accepts a long enough, confirmed password", () => {
    expect(resetPasswordSchema.parse({ token: TOKEN, password: good, confirmPassword: good })).toEqual({
      token: TOKEN,
      password: good,
      confirmPassword: good,
    });
  });

  it("accepts exactly the maximum length", () => {
    const max = "b".repeat(MAX_PASSWORD_LENGTH);
    expect(resetPasswordSchema.safeParse({ token: TOKEN, password: max, confirmPassword: max }).success).toBe(true);
  });

  it.each([
    [{ password: "a".repeat(MIN_PASSWORD_LENGTH - 1), confirmPassword: "a".repeat(MIN_PASSWORD_LENGTH - 1) }, { password: ["Auth.validation.passwordTooShort"] }],
    [{ password: "b".repeat(MAX_PASSWORD_LENGTH + 1), confirmPassword: "b".repeat(MAX_PASSWORD_LENGTH + 1) }, { password: ["Auth.validation.passwordTooLong"] }],
    [{ password: good, confirmPassword: good + "x" }, { confirmPassword: ["Auth.validation.passwordsDoNotMatch"] }],
    [{ password: good, confirmPassword: "" }, { confirmPassword: ["Auth.validation.confirmRequired"] }],
  ])("rejects %j", (passwords, expected) => {
    expect(errorsOf(resetPasswordSchema.safeParse({ token: TOKEN, ...passwords }))).toEqual(expected);
  });

  it("reports an empty password as required first", () => {
    expect(errorsOf(resetPasswordSchema.safeParse({ token: TOKEN, password: "", confirmPassword: "" })).password?.[0]).toBe(
      "Auth.validation.passwordRequired",
    );
  });

  it.each([[""], ["short"], [TOKEN + "A"], [TOKEN.slice(1) + "="], [TOKEN.slice(1) + "+"]])("rejects the malformed token %j", (token) => {
    expect(errorsOf(resetPasswordSchema.safeParse({ token, password: good, confirmPassword: good }))).toEqual({
      token: ["Auth.reset.invalidToken"],
    });
  });
});

describe("log-in errors between authorize() and the form", () => {
  it("round-trips the wait time of a rate limit", () => {
    expect(parseLoginError(rateLimitedLoginError(299.2))).toEqual({ kind: "rateLimited", retryAfterSeconds: 300 });
    expect(parseLoginError(rateLimitedLoginError(0))).toEqual({ kind: "rateLimited", retryAfterSeconds: 1 });
  });

  it("recognises wrong credentials and treats anything else as unexpected", () => {
    expect(parseLoginError("CredentialsSignin")).toEqual({ kind: "invalidCredentials" });
    expect(parseLoginError("Configuration")).toEqual({ kind: "unexpected" });
    expect(parseLoginError("RateLimited:abc")).toEqual({ kind: "unexpected" });
    expect(parseLoginError(null)).toBeNull();
    expect(parseLoginError("")).toBeNull();
  });

  it("tells whole minutes, at least one", () => {
    expect(minutesToWait(1)).toBe(1);
    expect(minutesToWait(60)).toBe(1);
    expect(minutesToWait(61)).toBe(2);
    expect(minutesToWait(900)).toBe(15);
  });
});
