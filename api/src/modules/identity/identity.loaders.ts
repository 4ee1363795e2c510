import { type Database, users } from "@pratica/db";
import { getTableColumns } from "drizzle-orm";
import { anyId, keyedLoader, perDatabase } from "../../core/loader.js";

// Every author on a page goes through this loader: leave the password hash (long, never shown)
// in the table.
const { passwordHash: _passwordHash, ...shown } = getTableColumns(users);

const queries = perDatabase((db: Database) => ({
  usersByIds: db.select(shown).from(users).where(anyId(users.id)).prepare("users_by_ids"),
}));

export const identityLoaders = (db: Database) => {
  const q = queries(db);
  return {
    userById: keyedLoader(
      (ids: readonly string[]) => q.usersByIds.execute({ ids }),
      (u) => u.id,
    ),
  };
};
