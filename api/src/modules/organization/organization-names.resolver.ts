import type { OrganizationRow } from "@pratica/db";
import { DateTimeISOResolver } from "graphql-scalars";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../core/context.js";
import { localized } from "../../core/localized.js";
import { Organization } from "./organization.type.js";

/** An organisation's name and description in the caller's language, falling back to the other (core/localized.ts). */
@Resolver(() => Organization)
export class OrganizationNamesResolver {
  @FieldResolver(() => String, { description: "In the caller's language, else the other" })
  name(@Root() o: OrganizationRow, @Ctx() ctx: Context): string {
    return localized(ctx.caller.locale, { en: o.name, it: o.nameIt }) ?? o.slug;
  }

  @FieldResolver(() => String, { nullable: true, description: "In the caller's language, else the other" })
  description(@Root() o: OrganizationRow, @Ctx() ctx: Context): string | null {
    return localized(ctx.caller.locale, { en: o.description, it: o.descriptionIt });
  }

  @FieldResolver(() => String, { description: "The English name" })
  nameEn(@Root() o: OrganizationRow): string {
    return o.name;
  }

  @FieldResolver(() => String, { description: "The Italian name" })
  nameIt(@Root() o: OrganizationRow): string {
    return o.nameIt;
  }

  @FieldResolver(() => String, { nullable: true })
  descriptionEn(@Root() o: OrganizationRow): string | null {
    return o.description;
  }

  @FieldResolver(() => String, { nullable: true })
  descriptionIt(@Root() o: OrganizationRow): string | null {
    return o.descriptionIt;
  }

  @FieldResolver(() => DateTimeISOResolver, { description: "Sent back as `expectedUpdatedAt` when editing" })
  updatedAt(@Root() o: OrganizationRow): Date {
    return o.updatedAt;
  }
}
