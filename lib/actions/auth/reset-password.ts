"use server";

import { headers } from "next/headers";
import { clientIp } from "@/lib/auth/client-ip";
import { resetPassword } from "@/lib/auth/password-reset";
import { resetPasswordSchema } from "@/lib/schemas/auth";
import { serverEnv } from "@/lib/server/env";
import { fail, ok, publicAction, type ActionResult } from "../safe-action";

const run = publicAction(resetPasswordSchema, async (data): Promise<ActionResult<{ email: string }>> => {
  const ip = clientIp(await headers(), serverEnv().TRUST_PROXY === "1");
  const result = await resetPassword(data, ip);
  // The e-mail address lets the form log the user straight in with the password they just typed.
  return result.ok ? ok({ email: result.email }) : fail(result.code);
});

/** Sets the password through a mailed link (reset or activation); works once per link. */
export async function resetPasswordAction(input: unknown): Promise<ActionResult<{ email: string }>> {
  return run(input);
}
