import type { CommunityRow } from "@pratica/db";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../core/context.js";
import { Community } from "../community/community.type.js";
import { Theme } from "./partners.type.js";
import { themesOf } from "./vocabulary.js";

/** A community's themes, in the vocabulary organisations share (here, with the vocabulary's other uses). */
@Resolver(() => Community)
export class CommunityThemesResolver {
  @FieldResolver(() => [Theme])
  themes(@Root() c: CommunityRow, @Ctx() ctx: Context): Theme[] {
    return themesOf(c.themes, ctx.caller.locale);
  }
}
