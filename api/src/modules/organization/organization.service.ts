import { type Database, type OrganizationRow, organizations } from "@pratica/db";
import { eq } from "drizzle-orm";

export type OrganizationCategory = OrganizationRow["category"];

export class OrganizationService {
  constructor(private readonly db: Database) {}

  // Lists of organisations are the partner directory's (modules/partners/directory.service.ts).

  async bySlug(slug: string): Promise<OrganizationRow | null> {
    const [row] = await this.db.select().from(organizations).where(eq(organizations.slug, slug)).limit(1);
    return row ?? null;
  }
}
