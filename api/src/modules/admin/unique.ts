/**
 * Whether a database error is a unique violation (SQLSTATE 23505), looked for along the `cause`
 * chain (drizzle wraps the driver's error): two admins saving the same slug at once pass the
 * check that reads it and meet at the unique index, which must then be a BAD_USER_INPUT.
 */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === "object" && depth < 5; depth++) {
    if ("code" in e && e.code === "23505") return true;
    e = "cause" in e ? e.cause : undefined;
  }
  return false;
}
