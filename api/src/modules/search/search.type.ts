import { createUnionType, Field, Float, ObjectType, registerEnumType } from "type-graphql";
import { PageInfo } from "../../core/connection.type.js";
import { resolveByTypename } from "../../core/union.js";
import { Deliverable } from "../deliverable/deliverable.type.js";
import { Resource } from "../library/resource.type.js";
import { Organization } from "../organization/organization.type.js";
import { Post, Thread } from "../thread/thread.type.js";
import type { SearchCount } from "./search.service.js";

export enum SearchResultKind {
  THREAD = "THREAD",
  POST = "POST",
  RESOURCE = "RESOURCE",
  DELIVERABLE = "DELIVERABLE",
  ORGANIZATION = "ORGANIZATION",
}
registerEnumType(SearchResultKind, { name: "SearchKind", description: "What a search may find" });

export const SearchResult = createUnionType({
  name: "SearchResult",
  types: () => [Thread, Post, Resource, Deliverable, Organization] as const,
  resolveType: resolveByTypename,
});

@ObjectType("SearchResultEdge")
export class SearchResultEdge {
  @Field(() => String) cursor!: string;
  @Field(() => SearchResult) node!: unknown;
  @Field(() => String, {
    description: "Text around the matches; matched words sit between U+E000 and U+E001 (never HTML)",
  })
  snippet!: string;
  @Field(() => Float) rank!: number;
}

@ObjectType("SearchResultConnection")
export class SearchResultConnection {
  @Field(() => [SearchResultEdge]) edges!: SearchResultEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  /** Counts the results when totalCount or totalCountExact is asked for, once for both. */
  count!: () => Promise<SearchCount>;
}
