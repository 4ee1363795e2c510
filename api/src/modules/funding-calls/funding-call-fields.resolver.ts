import type { FundingCallRow } from "@pratica/db";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../core/context.js";
import { Theme, themeOf } from "../organization/theme.type.js";
import { FundingCall } from "./funding-calls.type.js";

/** The fields of a call that are not its columns as stored. */
@Resolver(() => FundingCall)
export class FundingCallFieldsResolver {
  @FieldResolver(() => [Theme], { description: "Mapped from the source's keywords to the ecosystem's themes" })
  themes(@Root() c: FundingCallRow, @Ctx() ctx: Context): Theme[] {
    return c.themes.flatMap((k) => themeOf(k, ctx.caller.locale) ?? []);
  }

  @FieldResolver(() => Boolean, { description: "Set when an import found it closed or past its deadline" })
  archived(@Root() c: FundingCallRow): boolean {
    return c.archivedAt !== null;
  }
}
