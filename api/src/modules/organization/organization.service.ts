import { type Database, type OrganizationRow, organizations } from "@pratica/db";
import { asc, eq } from "drizzle-orm";

export type OrganizationCategory = OrganizationRow["category"];

export class OrganizationService {
  constructor(private readonly db: Database) {}

  list(category?: OrganizationCategory | null): Promise<OrganizationRow[]> {
    return this.db
      .select()
      .from(organizations)
      .where(category ? eq(organizations.category, category) : undefined)
      .orderBy(asc(organizations.category), asc(organizations.name));
  }

  async bySlug(slug: string): Promise<OrganizationRow | null> {
    const [row] = await this.db.select().from(organizations).where(eq(organizations.slug, slug)).limit(1);
    return row ?? null;
  }
}
