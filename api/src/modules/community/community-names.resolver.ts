import type { CommunityRow } from "@pratica/db";
import { DateTimeISOResolver } from "graphql-scalars";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../core/context.js";
import { localized } from "../../core/localized.js";
import { isArchived } from "./community.policy.js";
import { Community } from "./community.type.js";

/**
 * A community's texts in the caller's language (Accept-Language, or the WebSocket's `language`),
 * falling back to the other (core/localized.ts); the admin forms read both through `…It` / `…En`.
 */
@Resolver(() => Community)
export class CommunityNamesResolver {
  @FieldResolver(() => String, { description: "In the caller's language, else the other" })
  name(@Root() c: CommunityRow, @Ctx() ctx: Context): string {
    return localized(ctx.caller.locale, { en: c.name, it: c.nameIt }) ?? c.slug;
  }

  @FieldResolver(() => String, { description: "One sentence about the community, in the caller's language" })
  tagline(@Root() c: CommunityRow, @Ctx() ctx: Context): string {
    return localized(ctx.caller.locale, { en: c.tagline, it: c.taglineIt }) ?? "";
  }

  @FieldResolver(() => String, {
    description: "Plain text, paragraphs separated by blank lines; the caller's language",
  })
  description(@Root() c: CommunityRow, @Ctx() ctx: Context): string {
    return localized(ctx.caller.locale, { en: c.description, it: c.descriptionIt }) ?? "";
  }

  @FieldResolver(() => String, { description: "The English name (`name` shows the caller's language)" })
  nameEn(@Root() c: CommunityRow): string {
    return c.name;
  }

  @FieldResolver(() => String)
  taglineEn(@Root() c: CommunityRow): string {
    return c.tagline;
  }

  @FieldResolver(() => String)
  descriptionEn(@Root() c: CommunityRow): string {
    return c.description;
  }

  @FieldResolver(() => Boolean, { description: "Archived: read-only for everyone, off the home page" })
  archived(@Root() c: CommunityRow): boolean {
    return isArchived(c);
  }

  @FieldResolver(() => DateTimeISOResolver, { description: "Sent back as `expectedUpdatedAt` when editing" })
  updatedAt(@Root() c: CommunityRow): Date {
    return c.updatedAt;
  }
}
