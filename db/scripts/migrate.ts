import { runDatabaseCommand } from "./run-command";

await runDatabaseCommand("db:migrate", async (handle) => {
  await handle.migrate();
});
