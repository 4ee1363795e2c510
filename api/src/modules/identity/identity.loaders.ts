import { type Database, users } from "@pratica/db";
import { inArray } from "drizzle-orm";
import { keyedLoader } from "../../core/loader.js";

export const identityLoaders = (db: Database) => ({
  userById: keyedLoader(
    (ids: readonly string[]) =>
      db
        .select()
        .from(users)
        .where(inArray(users.id, [...ids])),
    (u) => u.id,
  ),
});
