import type { CommunityRow, DeliverableRow, ThreadRow } from "@pratica/db";
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import type { Context } from "../../core/context.js";
import { OpenToRestricted } from "../../core/open-to-restricted.js";
import { OpenToUnconfirmed } from "../../core/open-to-unconfirmed.js";
import { ViewerDependent } from "../../core/viewer-dependent.js";
import { Community } from "../community/community.type.js";
import { seenDeliverableVia } from "../deliverable/deliverable.access.js";
import { Deliverable } from "../deliverable/deliverable.type.js";
import { readableOrNull } from "../thread/thread.access.js";
import { Thread } from "../thread/thread.type.js";
import { SetWatchLevelInput, WatchSetting } from "./preferences.type.js";
import type { WatchSetting as Setting } from "./watch.service.js";

@Resolver(() => WatchSetting)
export class WatchResolver {
  // Choosing what one hears is not writing content: open before the address is confirmed.
  @OpenToRestricted()
  @OpenToUnconfirmed()
  @Mutation(() => WatchSetting, {
    description:
      "Sets (or, with level null, removes) the viewer's level on one community, thread or document they may read",
  })
  setWatchLevel(@Arg("input", () => SetWatchLevelInput) input: SetWatchLevelInput, @Ctx() ctx: Context) {
    return ctx.services.watch.set(ctx.viewer, input);
  }

  // What a setting is about, re-checked like any edge: null once the viewer may no longer read it.

  @FieldResolver(() => Thread, { nullable: true })
  @ViewerDependent()
  async thread(@Root() s: Setting, @Ctx() ctx: Context): Promise<ThreadRow | null> {
    return s.scope === "THREAD" ? readableOrNull(ctx, await ctx.loaders.threadById.load(s.scopeId)) : null;
  }

  @FieldResolver(() => Community, { nullable: true })
  community(@Root() s: Setting, @Ctx() ctx: Context): Promise<CommunityRow | null> | null {
    return s.scope === "COMMUNITY" ? ctx.loaders.communityById.load(s.scopeId) : null;
  }

  @FieldResolver(() => Deliverable, { nullable: true })
  @ViewerDependent()
  deliverable(@Root() s: Setting, @Ctx() ctx: Context): Promise<DeliverableRow | null> | null {
    return s.scope === "DELIVERABLE" ? seenDeliverableVia(ctx, s.scopeId) : null;
  }
}

const LEVEL_HELP = "The viewer's watch level here and why it applies; null when anonymous";

@Resolver(() => Thread)
export class ThreadWatchResolver {
  @FieldResolver(() => WatchSetting, { nullable: true, description: LEVEL_HELP })
  @ViewerDependent()
  viewerWatchLevel(@Root() thread: ThreadRow, @Ctx() ctx: Context) {
    return ctx.services.watch.levelOn(ctx.viewer, { threadId: thread.id });
  }
}

@Resolver(() => Community)
export class CommunityWatchResolver {
  @FieldResolver(() => WatchSetting, { nullable: true, description: LEVEL_HELP })
  @ViewerDependent()
  viewerWatchLevel(@Root() community: CommunityRow, @Ctx() ctx: Context) {
    return ctx.services.watch.levelOn(ctx.viewer, { communityId: community.id }).catch(() => null);
  }
}

@Resolver(() => Deliverable)
export class DeliverableWatchResolver {
  @FieldResolver(() => WatchSetting, { nullable: true, description: LEVEL_HELP })
  @ViewerDependent()
  viewerWatchLevel(@Root() deliverable: DeliverableRow, @Ctx() ctx: Context) {
    return ctx.services.watch.levelOn(ctx.viewer, { deliverableId: deliverable.id });
  }
}
