import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { serverEnv } from "@/lib/server/env";

// One client per server process; in dev, hot reloads would otherwise open a pool per reload.
const globalForDb = globalThis as unknown as { ouderportaalDb?: PrismaClient };

function createClient(): PrismaClient {
  const adapter = new PrismaPg({ connectionString: serverEnv().DATABASE_URL, max: serverEnv().DATABASE_POOL_SIZE });
  return new PrismaClient({ adapter });
}

export const db: PrismaClient = globalForDb.ouderportaalDb ?? createClient();
if (process.env.NODE_ENV !== "production") globalForDb.ouderportaalDb = db;

export type { PrismaClient };
