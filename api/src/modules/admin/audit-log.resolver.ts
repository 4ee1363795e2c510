import type { AuditLogRow, UserRow } from "@pratica/db";
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { connectionComplexity, toConnection } from "../../core/connection.type.js";
import type { Context } from "../../core/context.js";
import { User } from "../identity/user.type.js";
import { AuditEntry, AuditEntryConnection } from "./admin.type.js";

@Resolver(() => AuditEntry)
export class AuditLogResolver {
  @Query(() => AuditEntryConnection, {
    complexity: connectionComplexity,
    description: "Admin actions, newest first, optionally of one action or on one target; admins only",
  })
  async adminAuditLog(
    @Arg("first", () => Int, { nullable: true, defaultValue: 20 }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Arg("action", () => String, { nullable: true }) action: string | null,
    @Arg("targetId", () => ID, { nullable: true }) targetId: string | null,
    @Ctx() ctx: Context,
  ) {
    const { page, totalCount } = await ctx.services.auditLog.list(ctx.viewer, { action, targetId }, { first, after });
    return toConnection(page, totalCount);
  }

  @FieldResolver(() => User, { nullable: true })
  actor(@Root() entry: AuditLogRow, @Ctx() { loaders }: Context): Promise<UserRow | null> | null {
    return entry.actorId ? loaders.userById.load(entry.actorId) : null;
  }
}
