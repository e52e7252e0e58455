import { existsSync } from "node:fs";
import { chromium, defineConfig, devices } from "@playwright/test";

// End-to-end tests: the built server (build/index.js) on a fresh PGlite folder with the demo
// data, driven by Chromium. `bash scripts/test-all.sh` builds first; `npx playwright test` alone
// builds when there is no build yet.

// E2E_PORT: a second checkout can run its own e2e tests beside this one.
const PORT = Number(process.env.E2E_PORT ?? 3107);
const BASE_URL = `http://127.0.0.1:${PORT}`;
const DATA_DIR = ".tmp/e2e-data";
const isCI = !!process.env.CI;

/** The browser: CHROMIUM_PATH, else Playwright's own download, else Debian's chromium. */
function chromiumExecutable(): string {
  const candidates: Array<[string, string | undefined]> = [
    ["CHROMIUM_PATH", process.env.CHROMIUM_PATH],
    ["Playwright's browser", safeExecutablePath()],
    ["Debian's chromium", "/usr/bin/chromium"],
  ];
  for (const [, candidate] of candidates) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  throw new Error(
    [
      "No Chromium found for the end-to-end tests. Looked for:",
      ...candidates.map(([label, candidate]) => `  - ${label}: ${candidate ?? "(not set)"}`),
      "Get one with either:",
      "  apt-get update && apt-get install -y chromium fonts-thai-tlwg   (Debian/Ubuntu, as root)",
      "  npx playwright install chromium                                 (needs internet access)",
      "or point CHROMIUM_PATH at a Chromium/Chrome binary.",
    ].join("\n"),
  );
}

function safeExecutablePath(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

const serverCommand = existsSync("build/index.js") ? "node build/index.js" : "npm run build && node build/index.js";

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  forbidOnly: isCI,
  workers: isCI ? 1 : undefined,
  retries: isCI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  outputDir: ".tmp/test-results",
  reporter: [["list"], ["json", { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? ".tmp/reports/e2e.json" }]],
  use: {
    baseURL: BASE_URL,
    locale: "th-TH",
    timezoneId: "Asia/Bangkok",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: chromiumExecutable(),
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
          ],
        },
      },
    },
  ],
  webServer: {
    // The server seeds the demo organisation into an empty folder: start from an empty one.
    command: `rm -rf ${DATA_DIR} && ${serverCommand}`,
    url: `${BASE_URL}/healthz`,
    env: {
      PORT: String(PORT),
      HOST: "127.0.0.1",
      DATA_DIR,
      // Never the developer's own database: e2e tests always run on the throwaway PGlite folder.
      DATABASE_URL: "",
    },
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    // SIGTERM lets the server close PGlite cleanly; SIGKILL after 10 s.
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
});
