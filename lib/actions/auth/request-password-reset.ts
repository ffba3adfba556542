"use server";

import { headers } from "next/headers";
import { after } from "next/server";
import { clientIp } from "@/lib/auth/client-ip";
import { requestPasswordReset } from "@/lib/auth/password-reset";
import { isLocale, routing } from "@/lib/i18n/routing";
import { forgotPasswordSchema } from "@/lib/schemas/auth";
import { serverEnv } from "@/lib/server/env";
import { fail, ok, publicAction, type ActionResult } from "../safe-action";

/**
 * "Wachtwoord vergeten": always the same answer, whether or not the address has an account. The mail
 * (in the language of the page) goes out after the response, so both answers take equally long.
 */
export async function requestPasswordResetAction(input: unknown, locale: unknown): Promise<ActionResult<null>> {
  const mailLocale = isLocale(locale) ? locale : routing.defaultLocale;
  return publicAction(forgotPasswordSchema, async (data) => {
    const ip = clientIp(await headers(), serverEnv().TRUST_PROXY === "1");
    const result = await requestPasswordReset({ ...data, ip, locale: mailLocale }, (task) => after(task));
    return result.ok ? ok(null) : fail(result.code);
  })(input);
}
