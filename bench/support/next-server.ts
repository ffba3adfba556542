// The production server for benchmarks over HTTP: `next start` on the existing build (built first when
// there is none), against a database and store the bench prepared, stopped on success, failure and
// Ctrl-C (./cleanup.ts). Plus next-auth's credentials log-in over HTTP, as a browser does it.
import { spawn } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { onCleanup } from "./cleanup";

export interface NextServer {
  baseUrl: string;
  /** The server's recent output (for error messages). */
  log(): string;
  stop(): Promise<void>;
}

/** `next build` unless `.next/BUILD_ID` exists; says which. */
export async function ensureProductionBuild(root: string): Promise<void> {
  const buildId = path.join(root, ".next/BUILD_ID");
  if (existsSync(buildId)) {
    console.log(`using the production build in .next (built ${statSync(buildId).mtime.toISOString()}; run \`npx next build\` after changing the app)`);
    return;
  }
  console.log("no production build (.next/BUILD_ID is missing): running `next build` first");
  const child = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  const stopBuild = onCleanup("next build", () => {
    if (child.exitCode === null) child.kill("SIGTERM");
  });
  const code = await new Promise<number>((resolve) => child.on("exit", (c, signal) => resolve(c ?? (signal ? 1 : 0))));
  await stopBuild();
  if (code !== 0) throw new Error(`next build failed (exit code ${code})`);
}

/** Fails when something already listens on `port` (the bench would otherwise measure that server). */
async function assertPortFree(port: number, host: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (error: NodeJS.ErrnoException) =>
      reject(error.code === "EADDRINUSE" ? new Error(`port ${port} is in use: set BENCH_HTTP_PORT to a free port`) : error),
    );
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts `next start` on 127.0.0.1:`port` with `env` (plus NODE_ENV, APP_URL, NEXTAUTH_URL) and waits until it answers. */
export async function startNextServer(options: { root: string; port: number; env: NodeJS.ProcessEnv }): Promise<NextServer> {
  const host = "127.0.0.1";
  const baseUrl = `http://${host}:${options.port}`;
  await assertPortFree(options.port, host);
  const child = spawn(
    process.execPath,
    [path.join(options.root, "node_modules/next/dist/bin/next"), "start", "--port", String(options.port), "--hostname", host],
    {
      cwd: options.root,
      env: { ...options.env, NODE_ENV: "production", APP_URL: baseUrl, NEXTAUTH_URL: baseUrl, NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const log = () => lines.join("\n");

  const stop = onCleanup("next start", async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  });

  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop();
      throw new Error(`next start exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${log()}`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/auth/csrf`, { signal: AbortSignal.timeout(5000) });
      await response.arrayBuffer();
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`next start did not answer within 120 s:\n${log()}`);
    }
    await sleep(250);
  }
  return { baseUrl, log, stop };
}

/** `name=value` of each Set-Cookie of a response. */
function cookiesOf(response: Response): Map<string, string> {
  const jar = new Map<string, string>();
  for (const header of response.headers.getSetCookie()) {
    const pair = header.split(";", 1)[0]!;
    const eq = pair.indexOf("=");
    if (eq > 0) jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
  return jar;
}

const cookieHeader = (jar: Map<string, string>) => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");

/**
 * Logs in through next-auth's credentials provider (lib/auth/options.ts, id "credentials"):
 * GET /api/auth/csrf, then POST /api/auth/callback/credentials with the CSRF token and its cookie.
 * Returns the Cookie header of the session, checked against /api/auth/session.
 */
export async function logIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  if (!csrf.ok) throw new Error(`GET /api/auth/csrf: status ${csrf.status}`);
  const { csrfToken } = (await csrf.json()) as { csrfToken?: string };
  if (!csrfToken) throw new Error("GET /api/auth/csrf: no csrfToken");
  const jar = cookiesOf(csrf);

  const callback = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookieHeader(jar) },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/nl`, json: "true" }),
  });
  const answer = await callback.text();
  for (const [name, value] of cookiesOf(callback)) jar.set(name, value);
  if (![...jar.keys()].some((name) => name.includes("next-auth.session-token"))) {
    throw new Error(`log-in of ${email} failed: status ${callback.status}, no session cookie (${answer.slice(0, 200)})`);
  }

  const session = await fetch(`${baseUrl}/api/auth/session`, { headers: { Cookie: cookieHeader(jar) } });
  const body = (await session.json()) as { user?: { email?: string } };
  if (body.user?.email !== email) throw new Error(`log-in of ${email}: /api/auth/session answers ${JSON.stringify(body)}`);
  return cookieHeader(jar);
}
