import { count } from "drizzle-orm";
import { openDatabase, openOptionsFromEnv, type DatabaseHandle, type OpenOptions } from "./client.server";
import { people } from "./schema";
import { seedDemoData } from "./seed/seed.server";

export type StartOptions = {
  open?: OpenOptions;
  /** Fill an empty database with the demo organisation (default: on, unless DEMO_DATA=off). */
  seedWhenEmpty?: boolean;
  log?: (message: string) => void;
};

/** Open, migrate and (when empty) seed the database: what the server does before it listens. */
export async function startDatabase(options: StartOptions = {}): Promise<DatabaseHandle> {
  const log = options.log ?? ((message: string) => console.log(`[db] ${message}`));
  const openOptions = options.open ?? openOptionsFromEnv();
  const handle = await openDatabase(openOptions);
  try {
    const started = Date.now();
    await handle.migrate();
    log(`${handle.engine} ready, migrations applied in ${Date.now() - started} ms`);
    const seedWhenEmpty = options.seedWhenEmpty ?? process.env.DEMO_DATA !== "off";
    if (seedWhenEmpty) {
      const [{ peopleCount }] = await handle.db.select({ peopleCount: count() }).from(people);
      if (peopleCount === 0) {
        log("empty database: loading the demo organisation");
        await seedDemoData(handle.db);
      }
    }
    await handle.vacuumAnalyze();
    return handle;
  } catch (error) {
    await handle.close();
    throw error;
  }
}
