import type { FundingCallRow, NotificationRow } from "@pratica/db";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../core/context.js";
import { Notification } from "../inbox/notification.type.js";
import { FundingCall } from "./funding-calls.type.js";

/** What FUNDING_CALL_CLOSING news is about: calls are public, so the edge is always readable. */
@Resolver(() => Notification)
export class NotificationCallResolver {
  @FieldResolver(() => FundingCall, { nullable: true, description: "The funding call it is about" })
  fundingCall(@Root() n: NotificationRow, @Ctx() ctx: Context): Promise<FundingCallRow | null> | null {
    return n.fundingCallId ? ctx.loaders.fundingCallById.load(n.fundingCallId) : null;
  }
}
