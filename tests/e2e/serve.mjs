// The e2e web server: builds the app and starts it the way `npm start` does
// (`remix build && node --import tsx server/index.ts`), on a fresh throwaway
// database that the server migrates and fills with the demo on start-up.
// Playwright runs this from the repository root (see playwright.config.ts).
import { spawn, spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const dir = path.resolve("tests/.tmp/e2e");
if (path.resolve(process.env.DATA_DIR ?? "") !== dir) throw new Error(`DATA_DIR must be ${dir}`);
rmSync(dir, { recursive: true, force: true });

const build = spawnSync(process.execPath, [require.resolve("@remix-run/dev/dist/cli.js"), "build"], {
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "production" },
});
if (build.status !== 0) process.exit(build.status ?? 1);

// As `npm start`: no NODE_ENV, so the demo is seeded and the production build is served.
const { NODE_ENV: _ignored, ...env } = process.env;
const server = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], { stdio: "inherit", env });
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
