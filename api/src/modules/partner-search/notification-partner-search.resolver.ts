import type { NotificationRow, PartnerSearchRow } from "@pratica/db";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../core/context.js";
import { ViewerDependent } from "../../core/viewer-dependent.js";
import { Notification } from "../inbox/notification.type.js";
import { PartnerSearch } from "./partner-search.type.js";
import { readableSearch } from "./partner-search-fields.resolver.js";

/** What partner-search news is about: re-checked like any edge (a withdrawn search is gone for outsiders). */
@Resolver(() => Notification)
export class NotificationPartnerSearchResolver {
  @FieldResolver(() => PartnerSearch, {
    nullable: true,
    description: "The partner search it is about, if the viewer may read it",
  })
  @ViewerDependent()
  async partnerSearch(@Root() n: NotificationRow, @Ctx() ctx: Context): Promise<PartnerSearchRow | null> {
    if (!n.partnerSearchId) return null;
    return readableSearch(ctx, await ctx.loaders.partnerSearchById.load(n.partnerSearchId));
  }
}
