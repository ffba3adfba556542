// Serves the production build for the Playwright tests: a fresh embedded PostgreSQL database with the
// migrations and demo data, then `next start`. Playwright starts and stops it (playwright.config.ts).
import { spawn } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "./db/embedded";
import { migrate } from "./db/migrate";
import { applyLocalVapidKeys } from "./vapid-keys";

const ROOT = path.resolve(import.meta.dirname, "..");
const port = process.env.E2E_PORT ?? "3100";
const pgPort = Number(process.env.E2E_PG_PORT ?? 54332);
const database = "ouderportaal_e2e";

const server = await startEmbeddedPostgres({ dataDir: path.join(ROOT, ".data/e2e-postgres"), port: pgPort });
const admin = new pg.Client({ connectionString: server.adminUrl });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
await admin.query(`CREATE DATABASE "${database}"`);
await admin.end();
const url = server.urlFor(database);
await migrate(url);

const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: url,
  APP_URL: `http://localhost:${port}`,
  NEXTAUTH_URL: `http://localhost:${port}`,
  NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret",
  STORAGE_DIR: path.join(ROOT, ".data/e2e-storage"),
  MAIL_DIR: path.join(ROOT, ".data/e2e-mail"),
  // The periodic jobs (request expiry, the export worker) run every few seconds, so a test sees their effect.
  JOB_INTERVAL_SECONDS: process.env.JOB_INTERVAL_SECONDS ?? "3",
  NOTIFY_INTERVAL_SECONDS: process.env.NOTIFY_INTERVAL_SECONDS ?? "2",
  NODE_ENV: "production",
};
// Web push on, with the local key pair (.data/vapid.json), unless the environment brings its own.
applyLocalVapidKeys(env, path.join(ROOT, ".data"));

function run(bin: string, args: string[]) {
  const child = spawn(path.join(ROOT, "node_modules/.bin", bin), args, { stdio: "inherit", env, cwd: ROOT });
  return child;
}

const seed = run("tsx", [path.join(ROOT, "prisma/seed.ts")]);
const seedCode = await new Promise<number>((resolve) => seed.on("exit", (code) => resolve(code ?? 1)));
if (seedCode !== 0) {
  await server.stop();
  process.exit(seedCode);
}

const next = run("next", ["start", "--port", port]);
const stop = async () => {
  next.kill("SIGTERM");
  await server.stop();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
next.on("exit", async (code) => {
  await server.stop();
  process.exit(code ?? 0);
});
