import "reflect-metadata";
import { createDatabase, isEmpty, migrateDatabase, seed } from "@pratica/db";
import { loadConfig } from "./config.js";
import { createLogger } from "./core/logger.js";
import { createApp } from "./server/app.js";

const config = loadConfig();
const logger = createLogger(config.LOG_LEVEL);

const database = await createDatabase({ url: config.DATABASE_URL, pgliteDir: config.PGLITE_DIR });
await migrateDatabase(database);
if (await isEmpty(database.db)) {
  const report = await seed(database.db, { demo: config.seedDemo });
  logger.info({ seeded: report }, "seeded an empty database");
}

const app = await createApp(config, database, logger);
const port = await app.listen(config.PORT);
logger.info(
  { port, database: database.kind, redis: Boolean(config.REDIS_URL) },
  `Pratica is listening on http://localhost:${port}`,
);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    await app.stop();
    await database.close();
    process.exit(0);
  });
}
