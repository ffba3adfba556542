// `npm run db:new-migration -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql with the
// SQL that brings a database migrated to the current migrations in line with prisma/schema.prisma.
// It does what `prisma migrate dev --create-only` does, with the wasm schema engine (no download needed).
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres, ensureDatabase } from "./embedded";
import { migrate, MIGRATIONS_DIR } from "./migrate";
// @ts-expect-error plain ESM module without types
import { detectDrift } from "./schema-engine.mjs";

const name = (process.argv[2] ?? "").toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");
if (!name) {
  process.stderr.write("usage: npm run db:new-migration -- <name>\n");
  process.exit(2);
}

const dir = mkdtempSync(path.join(os.tmpdir(), "ouderportaal-migration-"));
// mkdtemp makes it 0700; run as root, embedded PostgreSQL drops to the postgres user and must enter it.
chmodSync(dir, 0o755);
const server = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: 54340 + Math.floor(Math.random() * 50), persistent: false });
try {
  await ensureDatabase(server.adminUrl, "scratch");
  const url = server.urlFor("scratch");
  await migrate(url);
  const { drift, output } = (await detectDrift("prisma/schema.prisma", url, true)) as { drift: boolean; output: string };
  if (!drift) {
    process.stdout.write("schema.prisma matches the migrations: nothing to write\n");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const target = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
    mkdirSync(target, { recursive: true });
    writeFileSync(path.join(target, "migration.sql"), output);
    process.stdout.write(`wrote ${path.relative(process.cwd(), target)}/migration.sql — read it before committing\n`);
  }
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
