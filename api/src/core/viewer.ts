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
};

export const isAdmin = (viewer: Viewer | null): boolean => viewer?.role === "ADMIN";
