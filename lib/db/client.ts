import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { serverEnv } from "@/lib/server/env";

// One client per server process; in dev, hot reloads would otherwise open a pool per reload.
const globalForDb = globalThis as unknown as { ouderportaalDb?: PrismaClient };

function createClient(): PrismaClient {
  // `next build` imports route modules to collect their configuration without a database; the adapter
  // only connects on the first query, so the environment is validated everywhere except there.
  const building = process.env.NEXT_PHASE === "phase-production-build";
  const adapter = building
    ? new PrismaPg({ connectionString: process.env.DATABASE_URL })
    : new PrismaPg({ connectionString: serverEnv().DATABASE_URL, max: serverEnv().DATABASE_POOL_SIZE });
  return new PrismaClient({ adapter });
}

export const db: PrismaClient = globalForDb.ouderportaalDb ?? createClient();
if (process.env.NODE_ENV !== "production") globalForDb.ouderportaalDb = db;

export type { PrismaClient };
