import "reflect-metadata";
import { createDatabase, isEmpty, migrateDatabase, seed, seedDemoPartnerSearches } from "@pratica/db";
import { loadConfig } from "./config.js";
import { createLogger } from "./core/logger.js";
import { seedFundingCalls } from "./modules/funding-calls/import/seed.js";
import { createApp } from "./server/app.js";
import { announcer, forPeople } from "./startup/banner.js";
import { startFacts } from "./startup/facts.js";

const config = loadConfig();
const logger = createLogger(config.LOG_LEVEL);
const announce = announcer({
  human: forPeople(config.NODE_ENV, process.stdout.isTTY),
  logger,
  write: (text) => process.stdout.write(text),
});

const database = await createDatabase({ url: config.DATABASE_URL, pgliteDir: config.PGLITE_DIR });
await migrateDatabase(database);
const seeded = (await isEmpty(database.db)) ? await seed(database.db, { demo: config.seedDemo }) : undefined;
// The HUB's demo calls go through the api's importer (the db package cannot parse the portal's shape); once.
// The demo partner searches need those calls, so the first import is followed by them (idempotent).
if (config.seedDemo && (await seedFundingCalls(database.db))) {
  await database.db.transaction((tx) => seedDemoPartnerSearches(tx));
}

const app = await createApp(config, database, logger);
const port = await app.listen(config.PORT);
announce.started(await startFacts(config, database.db, port, seeded));

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    announce.stopping(signal);
    await app.stop();
    await database.close();
    process.exit(0);
  });
}
