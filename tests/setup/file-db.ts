// Runs before every integration test file: a private database copied from the migrated template,
// exposed as DATABASE_URL before any app module (lib/db) is imported.
import { randomBytes } from "node:crypto";
import { afterAll, inject } from "vitest";
import pg from "pg";

const adminUrl = inject("pgAdminUrl");
const name = `ouderportaal_test_${randomBytes(6).toString("hex")}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${inject("pgTemplate")}"`);
await admin.end();

process.env.DATABASE_URL = adminUrl.replace(/\/[^/?]+(\?|$)/, `/${name}$1`);
process.env.DATABASE_POOL_SIZE ??= "4";

afterAll(async () => {
  const g = globalThis as { ouderportaalDb?: { $disconnect(): Promise<void> } };
  await g.ouderportaalDb?.$disconnect();
  const cleanup = new pg.Client({ connectionString: adminUrl });
  await cleanup.connect();
  await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await cleanup.end();
});
