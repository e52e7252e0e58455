import { sql } from "drizzle-orm";
import { seedDemoData } from "../seed/seed.server";
import { runDatabaseCommand } from "./run-command";

// Drops every table (and drizzle's migration journal), migrates from empty and loads the demo.
await runDatabaseCommand("db:reset", async (handle) => {
  await handle.db.execute(sql`DROP SCHEMA IF EXISTS public CASCADE`);
  await handle.db.execute(sql`DROP SCHEMA IF EXISTS drizzle CASCADE`);
  await handle.db.execute(sql`CREATE SCHEMA public`);
  await handle.migrate();
  await seedDemoData(handle.db);
  await handle.vacuumAnalyze();
});
