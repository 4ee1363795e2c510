import { Arg, Ctx, Int, Query, Resolver } from "type-graphql";
import { connectionComplexity, toConnection } from "../../core/connection.type.js";
import type { Context } from "../../core/context.js";
import { ResourceConnection } from "./resource.type.js";

@Resolver()
export class SavedResourcesResolver {
  @Query(() => ResourceConnection, {
    complexity: connectionComplexity,
    description:
      "What the viewer saved (setResourceBookmark) and may still read, most recently saved first; UNAUTHENTICATED when anonymous",
  })
  async savedResources(
    @Arg("first", () => Int, { nullable: true, defaultValue: 20 }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ) {
    const { page, totalCount } = await ctx.services.savedResources.list(ctx.viewer, { first, after });
    return toConnection(page, totalCount);
  }
}
