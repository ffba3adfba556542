// The migrated database must match prisma/schema.prisma exactly: tables, columns, types, nullability,
// defaults, indexes, foreign keys and enums. The schema engine (wasm build, no download) diffs the live
// database against the schema, as `prisma migrate diff --from-config-datasource --to-schema` would.
import { describe, expect, it } from "vitest";
import pg from "pg";
// @ts-expect-error plain ESM module without types
import { detectDrift } from "../scripts/db/schema-engine.mjs";
import { readMigrations } from "../scripts/db/migrate";

describe("database schema", () => {
  it("the migrated database has no drift from schema.prisma", async () => {
    const { drift, output } = (await detectDrift("prisma/schema.prisma", process.env.DATABASE_URL, true)) as {
      drift: boolean;
      output: string;
    };
    expect(output).not.toMatch(/CREATE|ALTER|DROP/);
    expect(drift).toBe(false);
  });

  it("detects drift: a dropped index is reported", async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      await client.query(`DROP INDEX "RequestItem_groupId_date_status_idx"`);
      const { drift, output } = (await detectDrift("prisma/schema.prisma", process.env.DATABASE_URL, true)) as {
        drift: boolean;
        output: string;
      };
      expect(drift).toBe(true);
      expect(output).toContain(`CREATE INDEX "RequestItem_groupId_date_status_idx"`);
    } finally {
      await client.query(`CREATE INDEX IF NOT EXISTS "RequestItem_groupId_date_status_idx" ON "RequestItem"("groupId", "date", "status")`);
      await client.end();
    }
  });

  it("records every migration in _prisma_migrations with its sha256 checksum, as prisma migrate deploy does", async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
        `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name`,
      );
      const files = readMigrations();
      expect(files.length).toBeGreaterThan(0);
      expect(rows.map((r) => [r.migration_name, r.checksum])).toEqual(files.map((m) => [m.name, m.checksum]));
      expect(rows.every((r) => r.finished_at instanceof Date)).toBe(true);
    } finally {
      await client.end();
    }
  });
});
