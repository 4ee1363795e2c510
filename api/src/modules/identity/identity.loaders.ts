import { type Database, users } from "@pratica/db";
import { anyId, keyedLoader, perDatabase } from "../../core/loader.js";
import { shownUserColumns } from "./user.columns.js";

const queries = perDatabase((db: Database) => ({
  usersByIds: db.select(shownUserColumns).from(users).where(anyId(users.id)).prepare("users_by_ids"),
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
