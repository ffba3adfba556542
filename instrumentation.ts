// Next.js calls register() once per server process: start the periodic jobs (Node.js runtime only).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.NEXT_PHASE !== "phase-production-build") {
    const { startJobs } = await import("@/lib/server/jobs/scheduler");
    startJobs();
  }
}
