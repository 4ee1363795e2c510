import type { ModerationCaseRow, NotificationRow } from "@pratica/db";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../core/context.js";
import { ViewerDependent } from "../../core/viewer-dependent.js";
import { Notification } from "../inbox/notification.type.js";
import { seenCaseVia } from "./case-access.js";
import { ModerationCase } from "./moderation.type.js";

/**
 * The case a moderation notification is about, as an edge: re-checked like any other (a
 * facilitator who stepped down keeps the notification, not the case). Here rather than in the
 * inbox, which sits below moderation and knows no case.
 */
@Resolver(() => Notification)
export class NotificationCaseResolver {
  @FieldResolver(() => ModerationCase, {
    nullable: true,
    description: "The moderation case it is about, if the viewer may still read it",
  })
  @ViewerDependent()
  case(@Root() n: NotificationRow, @Ctx() ctx: Context): Promise<ModerationCaseRow | null> | null {
    return n.caseId ? seenCaseVia(ctx, n.caseId) : null;
  }
}
