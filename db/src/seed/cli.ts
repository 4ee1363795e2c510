import { createDatabase } from "../client.js";
import { migrateDatabase } from "../migrate.js";
import { seed } from "./index.js";

// `pnpm --filter @pratica/db seed`: migrate, then seed idempotently with the same settings as
// the api (DATABASE_URL / PGLITE_DIR / SEED_DEMO).
const handle = await createDatabase({ url: process.env.DATABASE_URL, pgliteDir: process.env.PGLITE_DIR });
try {
  await migrateDatabase(handle);
  const demo = (process.env.SEED_DEMO ?? (process.env.NODE_ENV === "production" ? "0" : "1")) === "1";
  const report = await seed(handle.db, { demo });
  console.log(JSON.stringify({ seeded: report }));
} finally {
  await handle.close();
}
