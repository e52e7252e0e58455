import { seedDemoData, seedPlanOnly } from "../seed/seed.server";
import { runDatabaseCommand } from "./run-command";

// `npm run db:seed` loads the demo organisation; `npm run db:seed -- --plan-only` loads only
// the customer's plan and settings (a real organisation then imports its own roster).
const planOnly = process.argv.includes("--plan-only");

await runDatabaseCommand("db:seed", async (handle) => {
  await handle.migrate();
  await (planOnly ? seedPlanOnly(handle.db) : seedDemoData(handle.db));
  await handle.vacuumAnalyze();
});
