import "server-only";
import { z } from "zod";

// Every environment variable the server reads, validated in one place (README: "Configuration").

/** An optional variable set to "" counts as not set. */
function unsetWhenEmpty<T extends z.ZodType>(inner: T) {
  return z.preprocess((value) => (value === "" ? undefined : value), inner.optional());
}

const schema = z.object({
  DATABASE_URL: z.string().min(1, "DATABASE_URL is not set: start through `npm run dev`/`npm start` or set it"),
  DATABASE_POOL_SIZE: z.coerce.number().int().positive().default(10),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  APP_URL: z.url().default("http://localhost:3000"),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("Ouderportaal <no-reply@ouderportaal.local>"),
  MAIL_DIR: z.string().default(".data/mail"),
  STORAGE_DIR: z.string().default(".data/storage"),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().positive().default(5),
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().positive().default(20),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().positive().default(15),
  TRUST_PROXY: z.enum(["0", "1"]).default("0"),
  /** Interval of the periodic jobs (expiring requests); 0 switches them off in this process. */
  JOB_INTERVAL_SECONDS: z.coerce.number().int().min(0).default(300),
  /** Interval of the notification delivery worker (e-mail and push); 0 switches it off in this process. */
  NOTIFY_INTERVAL_SECONDS: z.coerce.number().int().min(0).default(10),
  /** A series of photos is announced this long after its last photo (one e-mail/push per series). */
  NOTIFY_PHOTO_BATCH_SECONDS: z.coerce.number().int().min(0).default(120),
  /** Web push (VAPID, RFC 8292): both keys or neither; without them push is off. `npx web-push generate-vapid-keys`. */
  VAPID_PUBLIC_KEY: unsetWhenEmpty(z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, "VAPID_PUBLIC_KEY must be base64url")
    .refine((v) => isP256PublicKey(v), "VAPID_PUBLIC_KEY must be an uncompressed P-256 public key (65 bytes, base64url)")),
  VAPID_PRIVATE_KEY: unsetWhenEmpty(z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, "VAPID_PRIVATE_KEY must be base64url")
    .refine((v) => Buffer.from(v, "base64url").length === 32, "VAPID_PRIVATE_KEY must be a P-256 private key (32 bytes, base64url)")),
  /** Contact for push services: "mailto:…" or "https://…"; default APP_URL when https, else MAIL_FROM's address. */
  VAPID_SUBJECT: unsetWhenEmpty(z
    .string()
    .refine((v) => /^mailto:[^@\s]+@[^@\s]+$/.test(v) || /^https:\/\/[^\s]+$/.test(v), "VAPID_SUBJECT must be a mailto: or https: URL")),
}).refine((env) => Boolean(env.VAPID_PUBLIC_KEY) === Boolean(env.VAPID_PRIVATE_KEY), {
  message: "set both VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY, or neither (push off)",
  path: ["VAPID_PRIVATE_KEY"],
});

function isP256PublicKey(value: string): boolean {
  const bytes = Buffer.from(value, "base64url");
  return bytes.length === 65 && bytes[0] === 0x04;
}

export type ServerEnv = z.infer<typeof schema>;

let cached: ServerEnv | undefined;

export function serverEnv(): ServerEnv {
  cached ??= schema.parse(process.env);
  return cached;
}
