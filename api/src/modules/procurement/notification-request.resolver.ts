import type { BuyerRequestRow, NotificationRow } from "@pratica/db";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../core/context.js";
import { ViewerDependent } from "../../core/viewer-dependent.js";
import { Notification } from "../inbox/notification.type.js";
import { canReadRequest } from "./procurement.policy.js";
import { BuyerRequest } from "./procurement.type.js";

/** What Buy Social news is about: re-checked like any edge (null when the viewer may no longer read it). */
@Resolver(() => Notification)
export class NotificationRequestResolver {
  @FieldResolver(() => BuyerRequest, {
    nullable: true,
    description: "The buyer request it is about, if the viewer may read it",
  })
  @ViewerDependent()
  async buyerRequest(@Root() n: NotificationRow, @Ctx() ctx: Context): Promise<BuyerRequestRow | null> {
    if (!n.buyerRequestId) return null;
    const request = await ctx.loaders.buyerRequestById.load(n.buyerRequestId);
    return request && canReadRequest(await ctx.loaders.viewerOrgRoles.load("viewer"), request) ? request : null;
  }
}
