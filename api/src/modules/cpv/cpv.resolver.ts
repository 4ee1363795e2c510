import type { CpvCodeRow } from "@pratica/db";
import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../core/context.js";
import { CpvCode } from "./cpv.type.js";

@Resolver(() => CpvCode)
export class CpvResolver {
  @Query(() => CpvCode, {
    nullable: true,
    description: 'One code, written "90910000" or "90910000-9"; null when unknown or its check digit is wrong',
  })
  cpvCode(@Arg("code", () => String) code: string, @Ctx() ctx: Context): Promise<CpvCodeRow | null> {
    return ctx.services.cpv.find(code);
  }

  @Query(() => [CpvCode], {
    description: "Codes by prefix of their digits or by words of their names (either language), by code; at most 50",
  })
  cpvCodes(
    @Arg("query", () => String, { nullable: true }) query: string | null,
    @Arg("prefix", () => String, { nullable: true }) prefix: string | null,
    @Arg("first", () => Int, { nullable: true, defaultValue: 20 }) first: number,
    @Ctx() ctx: Context,
  ): Promise<CpvCodeRow[]> {
    return ctx.services.cpv.search(query, prefix, first ?? 20);
  }

  @FieldResolver(() => String, { description: "The name in the caller's language" })
  label(@Root() code: CpvCodeRow, @Ctx() ctx: Context): string {
    return ctx.caller.locale === "it" ? code.nameIt : code.nameEn;
  }

  @FieldResolver(() => CpvCode, {
    nullable: true,
    description: "The nearest code above it in the list (not always the zero-stripped one: the list has holes)",
  })
  parent(@Root() code: CpvCodeRow, @Ctx() ctx: Context): CpvCodeRow | null | Promise<CpvCodeRow | null> {
    return code.parentCode ? ctx.loaders.cpvByCode.loadNow(code.parentCode) : null;
  }

  @FieldResolver(() => [CpvCode], { description: "Every code above it, the division first" })
  async ancestors(@Root() code: CpvCodeRow, @Ctx() ctx: Context): Promise<CpvCodeRow[]> {
    const chain: CpvCodeRow[] = [];
    let next = code.parentCode;
    // At most five levels: one batched load per level, shared with the sibling codes of a list.
    while (next) {
      const row = await ctx.loaders.cpvByCode.load(next);
      if (!row) break;
      chain.unshift(row);
      next = row.parentCode;
    }
    return chain;
  }

  @FieldResolver(() => [CpvCode], { description: "The codes directly below it" })
  children(@Root() code: CpvCodeRow, @Ctx() ctx: Context): CpvCodeRow[] | Promise<CpvCodeRow[]> {
    return ctx.loaders.cpvChildren.loadNow(code.code);
  }
}
