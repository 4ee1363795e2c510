import { type Executor, organizationMembers, organizations } from "@pratica/db";
import { and, eq } from "drizzle-orm";
import type { Viewer } from "../../core/viewer.js";
import type { Role } from "./suppliers.policy.js";

/** The organisation (undefined when there is none) and the viewer's role in it, read in the unit of work. */
export async function organizationAndRole(tx: Executor, viewer: Viewer | null, organizationId: string) {
  const [organization] = await tx.select().from(organizations).where(eq(organizations.id, organizationId));
  if (!organization || !viewer) return { organization, role: null as Role };
  const [member] = await tx
    .select({ role: organizationMembers.role })
    .from(organizationMembers)
    .where(and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.userId, viewer.id)));
  return { organization, role: (member?.role ?? null) as Role };
}

/** The representatives' user ids: whom news about the organisation's supplier side reaches. */
export async function representativeIds(tx: Executor, organizationId: string): Promise<string[]> {
  const rows = await tx
    .select({ userId: organizationMembers.userId })
    .from(organizationMembers)
    .where(and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.role, "REPRESENTATIVE")));
  return rows.map((r) => r.userId);
}
