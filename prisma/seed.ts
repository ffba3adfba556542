// `npm run seed` / `prisma db seed`: fills the database at DATABASE_URL with the demo organisation
// (skipped when it is already there). Files go to STORAGE_DIR (default .data/storage, as the app).
// The dev launcher calls seedDemoData() itself with its own client; this is the command-line entry.
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/generated/prisma/client";
import { seedDemoData } from "../scripts/seed/demo";
import { DEMO_LOGINS, DEMO_PASSWORD } from "../scripts/seed/demo-logins";
import { seedDemoMessages } from "../scripts/seed/messages";

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error("DATABASE_URL is not set. Start the app with `npm run dev` (embedded PostgreSQL, seeds itself) or set DATABASE_URL.");
  process.exit(1);
}
const storageDir = path.resolve(process.env.STORAGE_DIR ?? ".data/storage");

const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
const started = Date.now();
try {
  const result = await seedDemoData(prisma, { storageDir, today: process.env.SEED_TODAY });
  if (result.created) await seedDemoMessages(prisma, { today: process.env.SEED_TODAY });
  if (!result.created) {
    console.log("Demo data already present: nothing to do.");
  } else {
    const counts = Object.entries(result.counts).map(([name, count]) => `${name} ${count}`).join(", ");
    console.log(`Demo data seeded in ${Date.now() - started} ms (${counts}). Files in ${storageDir}.`);
    console.log(`Demo log-ins (password "${DEMO_PASSWORD}"):`);
    for (const login of DEMO_LOGINS) {
      console.log(`  ${login.email.padEnd(38)} ${login.role.padEnd(8)} ${login.activated ? "" : "(not activated) "}${login.description.en}`);
    }
  }
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await prisma.$disconnect();
}
