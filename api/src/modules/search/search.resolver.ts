import { Arg, Ctx, Int, Query, Resolver } from "type-graphql";
import { connectionComplexity } from "../../core/connection.type.js";
import type { Context } from "../../core/context.js";
import { SearchResultConnection } from "./search.type.js";

const TYPENAMES = { THREAD: "Thread", POST: "Post", RESOURCE: "Resource", DELIVERABLE: "Deliverable" } as const;

@Resolver()
export class SearchResolver {
  @Query(() => SearchResultConnection, {
    complexity: connectionComplexity,
    description: "Threads, posts, published library material and documents the viewer may read, best match first",
  })
  async search(
    @Arg("query", () => String) query: string,
    @Arg("first", () => Int, { nullable: true, defaultValue: 20 }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ) {
    const page = await ctx.services.search.search(ctx.viewer, query, { first, after });
    return {
      edges: page.nodes.map((hit, i) => ({
        cursor: page.cursors[i] as string,
        node: { ...hit.node, __typename: TYPENAMES[hit.kind] },
        snippet: hit.snippet,
        rank: hit.rank,
      })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.cursors.at(-1) ?? null },
    };
  }
}
