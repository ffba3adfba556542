import "server-only";
import { z } from "zod";

// Every environment variable the server reads, validated in one place (README: "Configuration").
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
});

export type ServerEnv = z.infer<typeof schema>;

let cached: ServerEnv | undefined;

export function serverEnv(): ServerEnv {
  cached ??= schema.parse(process.env);
  return cached;
}
