// Starts the app the way `npm start` does, on a fresh database with the demo.
import { spawnSync, spawn } from "node:child_process";
import { rmSync } from "node:fs";

const dir = "tests/.tmp/e2e";
rmSync(dir, { recursive: true, force: true });
const build = spawnSync(process.execPath, ["node_modules/@remix-run/dev/dist/cli.js", "build"], {
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "production" },
});
if (build.status !== 0) process.exit(build.status ?? 1);

const server = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "", DATABASE_URL: `file:./${dir}/larloop.db`, DATA_DIR: dir, DEMO_PASSWORD: "demo1234" },
});
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
