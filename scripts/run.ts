// The one entry point for dev, demo, start, seed and migrate (README: "Getting started").
//
//   tsx scripts/run.ts dev            next dev     + embedded PostgreSQL + migrations + demo data
//   tsx scripts/run.ts start [--seed] next start   + embedded PostgreSQL (if DATABASE_URL unset) + migrations
//   tsx scripts/run.ts seed           demo data into DATABASE_URL or the embedded database
//   tsx scripts/run.ts migrate        pending migrations only
//
// With DATABASE_URL set, no embedded server is started and the same steps run against that server.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { buildIcons } from "./build-icons";
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedDatabase } from "./db/embedded";
import { migrate } from "./db/migrate";
import { applyLocalVapidKeys } from "./vapid-keys";

const ROOT = path.resolve(import.meta.dirname, "..");
const DATA_DIR = path.join(ROOT, ".data");
const [command = "dev", ...flags] = process.argv.slice(2);

function log(message: string) {
  process.stdout.write(`[ouderportaal] ${message}\n`);
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/** DATABASE_URL, or the embedded server (reused if another process of ours already runs it). */
async function database(): Promise<{ url: string; embedded?: EmbeddedDatabase }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL };
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
  const name = "ouderportaal";
  const adminUrl = `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`;
  let embedded: EmbeddedDatabase | undefined;
  if (await canConnect(adminUrl)) {
    log(`using the embedded PostgreSQL already running on port ${port}`);
  } else {
    log(`starting the embedded PostgreSQL (data in .data/postgres, port ${port})`);
    embedded = await startEmbeddedPostgres({ dataDir: path.join(DATA_DIR, "postgres"), port });
  }
  await ensureDatabase(adminUrl, name);
  return { url: adminUrl.replace(/\/postgres$/, `/${name}`), embedded };
}

/** A stable secret for local use; production must set NEXTAUTH_SECRET itself. */
function localSecret(): string {
  const file = path.join(DATA_DIR, "nextauth-secret");
  if (!existsSync(file)) {
    mkdirSync(DATA_DIR, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

async function hasData(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "Organisation"`);
    return Number(rows[0]?.n) > 0;
  } finally {
    await client.end();
  }
}

function run(bin: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(bin, args, { stdio: "inherit", env, cwd: ROOT });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.on("exit", (code, signal) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

const localBin = (name: string) => path.join(ROOT, "node_modules", ".bin", name);

async function main(): Promise<number> {
  if (!["dev", "start", "seed", "migrate"].includes(command)) {
    process.stderr.write(`unknown command "${command}": use dev, start, seed or migrate\n`);
    return 2;
  }
  const { url, embedded } = await database();
  try {
    const applied = await migrate(url);
    log(applied.length ? `applied migrations: ${applied.join(", ")}` : "database schema is up to date");
    if (command === "migrate") return 0;

    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url };
    const wantsSeed = command === "seed" || command === "dev" || flags.includes("--seed");
    if (wantsSeed && (command === "seed" || !(await hasData(url)))) {
      log("loading demo data");
      const code = await run(localBin("tsx"), [path.join(ROOT, "prisma/seed.ts")], env);
      if (code !== 0) return code;
    }
    if (command === "seed") return 0;

    const port = process.env.PORT ?? "3000";
    env.APP_URL ??= `http://localhost:${port}`;
    env.NEXTAUTH_URL ??= env.APP_URL;
    if (!env.NEXTAUTH_SECRET) {
      if (command === "start" && !embedded && process.env.DATABASE_URL) {
        process.stderr.write("NEXTAUTH_SECRET must be set when running against your own database (README: Configuration)\n");
        return 1;
      }
      env.NEXTAUTH_SECRET = localSecret();
    }
    // Web push: a local key pair for dev and the demo; against your own database set VAPID_* yourself
    // (without them push is off, with a warning in the log).
    const ownDeployment = command === "start" && !embedded && Boolean(process.env.DATABASE_URL);
    if (!ownDeployment && applyLocalVapidKeys(env, DATA_DIR)) log("web push: using the local VAPID key pair in .data/vapid.json");
    // The app icons (public/icons, git-ignored): `npm run build` makes them (prebuild); dev never builds,
    // and a build made with plain `next build` lacks them. Cheap when they are up to date.
    if ((await buildIcons()).length) log("generated the app icons in public/icons");
    log(`${command === "dev" ? "development" : "production"} server on ${env.APP_URL}`);
    return await run(localBin("next"), [command, "--port", port], env);
  } finally {
    await embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`${(error as Error).stack ?? error}\n`);
    process.exit(1);
  },
);
