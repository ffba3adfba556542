// 200 concurrent absence reports through the server action's path (authedAction → zod schema →
// submitAbsence → PostgreSQL), against a no-op action through the same wrapper and schema, measured
// in the same run on the same database (machines are noisy: compare the ratio). The confirmation mail
// is planned as a notification delivery in the report's transaction and sent by the delivery worker
// afterwards (lib/notify/worker.ts), which this bench runs before counting the mails: exactly one each.
// 10% of the reports are sent twice with the same idempotency key (a double click): they must not
// create duplicates. Prints errors, duplicates, throughput and the ratio.
//
//   npm run bench            (embedded PostgreSQL in .data/bench-postgres; DATABASE_URL is not used)
import { randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../scripts/db/embedded";
import { migrate } from "../scripts/db/migrate";

const SUBMISSIONS = Number(process.env.BENCH_SUBMISSIONS ?? 200);
const DOUBLE_CLICK_SHARE = 0.1;
const FAMILIES = 40;

const server = await startEmbeddedPostgres({ dataDir: ".data/bench-postgres", port: Number(process.env.BENCH_PG_PORT ?? 54333) });
const admin = new pg.Client({ connectionString: server.adminUrl });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS bench WITH (FORCE)`);
await admin.query(`CREATE DATABASE bench`);
await admin.end();
process.env.DATABASE_URL = server.urlFor("bench");
process.env.DATABASE_POOL_SIZE = "20";
const mailDir = mkdtempSync(path.join(os.tmpdir(), "ouderportaal-bench-mail-"));
process.env.MAIL_DIR = mailDir;
// The mails are written to files (and counted below); one log line per mail would bury the result.
const info = console.info;
console.info = (...args: unknown[]) => {
  if (typeof args[0] === "string" && args[0].startsWith("[mail]")) return;
  info(...args);
};
delete process.env.SMTP_URL;
await migrate(process.env.DATABASE_URL);

// App modules read the environment when first imported: import them now.
const { db } = await import("../lib/db/client");
const { createAuthedAction, ok } = await import("../lib/actions/safe-action-core");
const { absenceSchema } = await import("../lib/schemas/absence");
const { submitAbsence } = await import("../lib/db/requests/absence");
const { runDeliveries } = await import("../lib/notify/worker");
type SessionUser = import("../lib/auth/types").SessionUser;

// ─── World: one group, FAMILIES families with one child each, placed Monday–Friday mornings ─────────
const org = await db.organisation.create({ data: { name: "Bench", slug: "bench" } });
await db.organisationPolicy.create({ data: { organisationId: org.id } });
const location = await db.location.create({ data: { organisationId: org.id, name: "Bench" } });
const group = await db.group.create({
  data: { locationId: location.id, name: "Bench", type: "KDV", dayParts: { create: [{ code: "MORNING", startMinute: 420, endMinute: 780, capacity: 100 }] } },
  include: { dayParts: true },
});
const morning = group.dayParts[0]!.id;
const parents: { user: SessionUser; childId: string }[] = [];
for (let i = 0; i < FAMILIES; i++) {
  const family = await db.family.create({ data: { organisationId: org.id, name: `Gezin ${i}` } });
  const u = await db.user.create({ data: { organisationId: org.id, email: `bench${i}@example.test`, name: `Ouder ${i}`, role: "PARENT", locale: "nl" } });
  await db.guardian.create({ data: { familyId: family.id, userId: u.id, rank: 1 } });
  const child = await db.child.create({ data: { familyId: family.id, firstName: `Kind${i}`, lastName: "Bench", birthDate: new Date("2023-01-01T00:00:00Z") } });
  await db.placement.create({
    data: {
      childId: child.id, groupId: group.id, startDate: new Date("2026-01-01T00:00:00Z"), contractType: "FIXED", hourlyRateCents: 1045,
      days: { create: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, dayPartId: morning })) },
    },
  });
  parents.push({ user: { id: u.id, email: u.email, name: u.name, role: "PARENT", organisationId: org.id, locale: "nl", familyId: family.id, guardianRank: 1, groupIds: [] }, childId: child.id });
}

// Weekdays after today, none a holiday in this range check: take the first weekdays from 1 Feb 2027.
const weekdays: string[] = [];
for (let d = new Date("2027-02-01T00:00:00Z"); weekdays.length < Math.ceil(SUBMISSIONS / FAMILIES) + 1; d = new Date(d.getTime() + 86_400_000)) {
  if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) weekdays.push(d.toISOString().slice(0, 10));
}
const now = new Date("2026-11-23T10:00:00Z");

function inputs() {
  return Array.from({ length: SUBMISSIONS }, (_, i) => {
    const parent = parents[i % FAMILIES]!;
    const date = weekdays[Math.floor(i / FAMILIES)]!;
    return {
      parent,
      input: { childIds: [parent.childId], from: date, to: date, selections: [{ childId: parent.childId, date, dayPartId: morning }], reason: "SICK", idempotencyKey: randomUUID() },
    };
  });
}

async function measure(label: string, run: (user: SessionUser, input: unknown) => Promise<{ ok: boolean }>) {
  const work = inputs();
  const doubles = work.slice(0, Math.floor(SUBMISSIONS * DOUBLE_CLICK_SHARE));
  const started = performance.now();
  const results = await Promise.all([...work, ...doubles].map(({ parent, input }) => run(parent.user, input)));
  const ms = performance.now() - started;
  const errors = results.filter((r) => !r.ok).length;
  return { label, ms, calls: results.length, errors, perSecond: (results.length / ms) * 1000 };
}

// The same wrapper and schema as lib/actions/requests/absence.ts (which adds revalidatePath only).
const absenceAction = (user: SessionUser, input: unknown) =>
  createAuthedAction(async () => user)(absenceSchema, (data, u) => submitAbsence(u, data, now), { roles: ["PARENT"] })(input);
const noopAction = (user: SessionUser, input: unknown) =>
  createAuthedAction(async () => user)(absenceSchema, async () => ok(null), { roles: ["PARENT"] })(input);

const baseline = await measure("no-op action", noopAction);
const real = await measure("absence action", absenceAction);

const requests = await db.request.count({ where: { kind: "ABSENCE" } });
const items = await db.requestItem.count({ where: { status: "REGISTERED" } });
// A duplicate is the same child, date and day part reported absent twice, or a second request for one
// idempotency key; counted directly, so failed calls cannot hide one.
const duplicateRows = await db.$queryRaw<{ twice: number }[]>`
  SELECT count(*)::int AS twice FROM (
    SELECT 1 FROM "RequestItem" WHERE status = 'REGISTERED' GROUP BY "childId", date, "dayPartId" HAVING count(*) > 1
    UNION ALL
    SELECT 1 FROM "Request" GROUP BY "createdById", "idempotencyKey" HAVING count(*) > 1
  ) d`;
const duplicates = duplicateRows[0]?.twice ?? 0;
// The mails go out after the commits, from the delivery worker (lib/notify/worker.ts): run it until
// nothing is due, as the app's scheduler would.
const mailStarted = performance.now();
for (;;) {
  const run = await runDeliveries();
  if (run.failed + run.retried > 0) console.error(`  delivery run: ${run.failed} failed, ${run.retried} to retry`);
  if (run.sent + run.retried + run.failed + run.skipped + run.lost === 0) break;
}
const mailMs = performance.now() - mailStarted;
console.log(`absence submissions: ${SUBMISSIONS} concurrent + ${Math.floor(SUBMISSIONS * DOUBLE_CLICK_SHARE)} double clicks`);
for (const r of [baseline, real]) {
  console.log(`  ${r.label.padEnd(16)} ${r.calls} calls in ${r.ms.toFixed(0)} ms = ${r.perSecond.toFixed(0)}/s, errors: ${r.errors}`);
}
const mails = readdirSync(mailDir).filter((f) => f.endsWith(".eml")).length;
console.log(`  requests stored: ${requests} (duplicates: ${duplicates}), items registered: ${items}, confirmation mails: ${mails} (sent by the worker in ${mailMs.toFixed(0)} ms)`);
console.log(`  ratio absence/no-op time: ${(real.ms / baseline.ms).toFixed(1)}x`);

await db.$disconnect();
await server.stop();
rmSync(mailDir, { recursive: true, force: true });
if (real.errors > 0 || duplicates !== 0 || requests !== SUBMISSIONS || items !== SUBMISSIONS || mails !== SUBMISSIONS) {
  console.error("FAILED: errors, duplicates or a missing or double confirmation mail");
  process.exit(1);
}
