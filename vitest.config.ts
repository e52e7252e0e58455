import { defineConfig } from "vitest/config";

// Two projects: pure unit tests beside the code, and database tests in tests/integration that
// run against PGlite by default or a PostgreSQL server when TEST_DATABASE_URL is set.
export default defineConfig({
  test: {
    globals: true,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["app/**/*.test.{ts,tsx}", "db/**/*.test.ts", "scripts/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          setupFiles: ["tests/integration/setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // PGlite instances are heavy (hundreds of MB); two files at a time on a 2-core machine.
          maxWorkers: 2,
        },
      },
    ],
    exclude: ["tests/e2e/**", "node_modules/**"],
  },
});
