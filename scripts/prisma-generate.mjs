// `prisma generate` without the native schema engine: generating the client does not need it, but
// the CLI insists that the binary exists. Offline machines cannot download it (environment.md), so we
// point the CLI at an existing file unless the caller set a real engine.
import { spawnSync } from "node:child_process";

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
const result = spawnSync("npx", ["--no-install", "prisma", "generate", ...process.argv.slice(2)], { stdio: "inherit", env });
process.exit(result.status ?? 1);
