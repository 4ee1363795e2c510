import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { connectionComplexity } from "../../core/connection.type.js";
import type { Context } from "../../core/context.js";
import { SearchResultConnection, SearchResultKind } from "./search.type.js";

const TYPENAMES = {
  THREAD: "Thread",
  POST: "Post",
  RESOURCE: "Resource",
  DELIVERABLE: "Deliverable",
  ORGANIZATION: "Organization",
} as const;

@Resolver(() => SearchResultConnection)
export class SearchResolver {
  @Query(() => SearchResultConnection, {
    complexity: connectionComplexity,
    description:
      "Threads, posts, published library material and documents the viewer may read, and partner organisations " +
      "(former ones too, marked in the snippet) by name, best match first; `communityId` keeps one community " +
      "(refused like its content when it is not readable; no organisations then), `kinds` some kinds",
  })
  async search(
    @Arg("query", () => String) query: string,
    @Arg("first", () => Int, { nullable: true, defaultValue: 20 }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Arg("communityId", () => ID, { nullable: true }) communityId: string | null,
    @Arg("kinds", () => [SearchResultKind], { nullable: true }) kinds: SearchResultKind[] | null,
    @Ctx() ctx: Context,
  ) {
    const page = await ctx.services.search.search(ctx.viewer, query, {
      first,
      after,
      communityId,
      kinds,
      locale: ctx.caller.locale,
    });
    return {
      edges: page.nodes.map((hit, i) => ({
        cursor: page.cursors[i] as string,
        node: { ...hit.node, __typename: TYPENAMES[hit.kind] },
        snippet: hit.snippet,
        rank: hit.rank,
      })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.cursors.at(-1) ?? null },
      count: once(page.count),
    };
  }

  @FieldResolver(() => Int, {
    description:
      "How many results in all: exact when `totalCountExact`; past 1,000 matches of one kind, PostgreSQL's estimate. " +
      "Costs a second look at the matches: ask for it with the first page only",
  })
  totalCount(@Root() connection: SearchResultConnection): Promise<number> {
    return connection.count().then((c) => c.value);
  }

  @FieldResolver(() => Boolean, { description: "Whether `totalCount` was counted (true) or estimated (false)" })
  totalCountExact(@Root() connection: SearchResultConnection): Promise<boolean> {
    return connection.count().then((c) => c.exact);
  }
}

/** A function that runs once, however often it is called. */
function once<T>(run: () => Promise<T>): () => Promise<T> {
  let result: Promise<T> | undefined;
  return () => {
    result ??= run();
    return result;
  };
}
