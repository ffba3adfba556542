// One embedded PostgreSQL for the whole test run, with a freshly migrated template database.
// Each test file then gets its own copy (tests/setup/file-db.ts), so files never see each other's rows.
import type { TestProject } from "vitest/node";
import pg from "pg";
import { startEmbeddedPostgres } from "../../scripts/db/embedded";
import { migrate } from "../../scripts/db/migrate";

export const TEMPLATE_DB = "ouderportaal_test_template";

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const external = process.env.TEST_DATABASE_ADMIN_URL;
  const server = external
    ? undefined
    : await startEmbeddedPostgres({
        dataDir: ".data/test-postgres",
        port: Number(process.env.TEST_PG_PORT ?? 54331),
      });
  const adminUrl = external ?? server!.adminUrl;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  // Drop copies left behind by an earlier run that was killed.
  const { rows } = await admin.query<{ datname: string }>(
    "SELECT datname FROM pg_database WHERE datname LIKE 'ouderportaal_test_%'",
  );
  for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${TEMPLATE_DB}"`);
  await admin.end();
  await migrate(adminUrl.replace(/\/[^/?]+(\?|$)/, `/${TEMPLATE_DB}$1`));

  project.provide("pgAdminUrl", adminUrl);
  project.provide("pgTemplate", TEMPLATE_DB);

  return async () => {
    await server?.stop();
  };
}
