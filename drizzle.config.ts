import { defineConfig } from "drizzle-kit";

// Migrations are generated from db/schema and applied by db/migrate.server.ts at start-up.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
});
