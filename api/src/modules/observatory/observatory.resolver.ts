import { Ctx, Query, Resolver } from "type-graphql";
import type { Context } from "../../core/context.js";
import { Observatory } from "./observatory.type.js";

@Resolver(() => Observatory)
export class ObservatoryResolver {
  @Query(() => Observatory, {
    description:
      "The ecosystem at a glance (public): partners by category and signing year, members and activity per " +
      "community per month, the most active themes, as last refreshed; communities the viewer may not read are left out",
  })
  observatory(@Ctx() ctx: Context) {
    return ctx.services.observatory.read(ctx.viewer, ctx.caller.locale);
  }
}
