/** Who is asking. Services take this, never a GraphQL context. */
export type Viewer = {
  id: string;
  role: "USER" | "ADMIN";
  sessionId: string;
  /** Whether the account's email is confirmed; until it is, the account reads but does not write. */
  verified: boolean;
  /**
   * A platform-wide restriction in force (users.restricted_until): reads, does not write, except
   * the mutations open to it (write-gate.ts). Absent means none.
   */
  restricted?: boolean;
  restrictedUntil?: Date | null;
  /**
   * A platform-wide suspension in force (users.suspended_until, still ahead): the account logs in
   * only to see why and appeal — it reads what anyone reads (public communities, not its members-only
   * ones) and every mutation but those open to restricted accounts is refused (write-gate.ts).
   * Absent means none.
   */
  suspendedUntil?: Date | null;
};

/** Whether a platform-wide suspension is in force for this viewer. */
export const isSuspended = (viewer: Viewer | null): boolean => viewer?.suspendedUntil != null;

export const isAdmin = (viewer: Viewer | null): boolean => viewer?.role === "ADMIN";
