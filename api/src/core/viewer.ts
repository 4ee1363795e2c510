/** Who is asking. Services take this, never a GraphQL context. */
export type Viewer = {
  id: string;
  role: "USER" | "ADMIN";
  sessionId: string;
};

export const isAdmin = (viewer: Viewer | null): boolean => viewer?.role === "ADMIN";
