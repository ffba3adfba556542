// The offline migration runner: applies pending files in order, once, in a transaction each, and
// refuses a migration that was edited after it was applied.
import { describe, expect, it } from "vitest";
import pg from "pg";
import { migrate, readMigrations, type Migration } from "../scripts/db/migrate";
import { createHash } from "node:crypto";

const url = () => process.env.DATABASE_URL!;
const m = (name: string, sql: string): Migration => ({ name, sql, checksum: createHash("sha256").update(sql).digest("hex") });

async function query<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url() });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("migration runner", () => {
  it("does nothing when the database is up to date", async () => {
    expect(await migrate(url())).toEqual([]);
  });

  it("applies only pending migrations, in order, and only once", async () => {
    const all = [...readMigrations(), m("29990101000000_a", `CREATE TABLE "ZzA" (id int)`), m("29990101000001_b", `CREATE TABLE "ZzB" (id int)`)];
    expect(await migrate(url(), all)).toEqual(["29990101000000_a", "29990101000001_b"]);
    expect(await migrate(url(), all)).toEqual([]);
    const rows = await query<{ n: string }>(`SELECT count(*) AS n FROM "_prisma_migrations" WHERE migration_name LIKE '2999%'`);
    expect(Number(rows[0]!.n)).toBe(2);
  });

  it("rolls back a failing migration completely and reports it", async () => {
    const all = [...readMigrations(), m("29990101000002_bad", `CREATE TABLE "ZzC" (id int); SELECT * FROM "NoSuchTable"`)];
    await expect(migrate(url(), all)).rejects.toThrow(/29990101000002_bad failed/);
    const rows = await query<{ t: string | null }>(`SELECT to_regclass('"ZzC"')::text AS t`);
    expect(rows[0]!.t).toBeNull();
  });

  it("refuses a migration whose file changed after it was applied", async () => {
    const [first, ...rest] = readMigrations();
    const edited = { ...first!, checksum: "0".repeat(64) };
    await expect(migrate(url(), [edited, ...rest])).rejects.toThrow(/checksum mismatch/);
  });
});
