import { type ClassType, Field, Int, ObjectType } from "type-graphql";
import type { Page } from "./pagination.js";

// `simpleResolvers`: no per-field resolver wrapping (Pratica has no field middlewares), so
// graphql-jit reads these properties inline.
@ObjectType("PageInfo", { simpleResolvers: true })
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

/**
 * Builds the Relay connection and edge types for a node type, e.g.
 * `@ObjectType("CommunityMemberConnection") class CommunityMemberConnection extends
 * Connection(CommunityMembership, "CommunityMember") {}`.
 */
export function Connection<TNode extends object>(Node: ClassType<TNode>, edgeName: string) {
  @ObjectType(`${edgeName}Edge`, { simpleResolvers: true })
  class Edge {
    @Field(() => String)
    cursor!: string;

    @Field(() => Node)
    node!: TNode;
  }

  @ObjectType()
  abstract class ConnectionType {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int)
    totalCount!: number;
  }
  return ConnectionType;
}

export function toConnection<T extends object>(page: Page<T>, totalCount: number) {
  return {
    edges: page.nodes.map((node, i) => ({ node, cursor: page.cursors[i] as string })),
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.cursors.at(-1) ?? null },
    totalCount,
  };
}

/** Cost of a connection field for the complexity limit: every requested node counts. */
export const connectionComplexity = ({
  args,
  childComplexity,
}: {
  args: { first?: number | null };
  childComplexity: number;
}) => 1 + Math.min(args.first ?? 20, 100) * childComplexity;
