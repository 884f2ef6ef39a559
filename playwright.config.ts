import { defineConfig } from "@playwright/test";

// E2E_PORT lets a second run (another checkout) use its own port.
const PORT = Number(process.env.E2E_PORT ?? 3210);
const DATA_DIR = "tests/.tmp/e2e";

// Real Chromium (Debian's package) against the real app on a throwaway database.
export default defineConfig({
  testDir: "tests/e2e",
  workers: 1,
  retries: 0,
  reporter: "list",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://localhost:${PORT}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  webServer: {
    // Deletes DATA_DIR, runs `remix build`, then `node --import tsx server/index.ts`,
    // which migrates the new database and seeds the demo (password demo1234).
    command: "node tests/e2e/serve.mjs",
    url: `http://localhost:${PORT}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      DATABASE_URL: `file:./${DATA_DIR}/larloop.db`,
      DATA_DIR,
      DEMO_PASSWORD: "demo1234",
      APP_URL: "",
    },
  },
});
