import { users } from "@pratica/db";
import { getTableColumns } from "drizzle-orm";

// Every author on a page is read with these: leave the password hash (long, never shown) in the
// table.
const { passwordHash: _passwordHash, ...shown } = getTableColumns(users);

/** The columns of `users` that may be loaded for display (UserRow). */
export const shownUserColumns = shown;
