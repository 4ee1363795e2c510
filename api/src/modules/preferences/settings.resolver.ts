import type { UserRow } from "@pratica/db";
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import type { Context } from "../../core/context.js";
import { unauthenticated } from "../../core/errors.js";
import { OpenToRestricted } from "../../core/open-to-restricted.js";
import { OpenToUnconfirmed } from "../../core/open-to-unconfirmed.js";
import { ViewerDependent } from "../../core/viewer-dependent.js";
import { User } from "../identity/user.type.js";
import { NotificationSettings, NotificationSettingsInput, WatchSetting } from "./preferences.type.js";
import type { NotificationSettings as Settings } from "./settings.service.js";
import type { WatchSetting as Setting } from "./watch.service.js";

@Resolver(() => NotificationSettings)
export class NotificationSettingsResolver {
  @OpenToRestricted()
  @OpenToUnconfirmed()
  @Mutation(() => NotificationSettings, { description: "The viewer's own; what is not given stays as it is" })
  updateNotificationSettings(
    @Arg("input", () => NotificationSettingsInput) input: NotificationSettingsInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.notificationSettings.update(ctx.viewer, input);
  }

  @FieldResolver(() => [WatchSetting], { description: "The levels chosen explicitly, most recently changed first" })
  async watches(@Root() settings: Settings, @Ctx() ctx: Context): Promise<Setting[]> {
    if (!ctx.viewer || ctx.viewer.id !== settings.userId) throw unauthenticated();
    const rows = await ctx.services.watch.explicit(ctx.viewer);
    return rows.map((r) => ({
      scope: r.scope,
      scopeId: r.scopeId,
      level: r.level,
      source: "EXPLICIT",
      explicit: true,
    }));
  }
}

@Resolver(() => User)
export class UserNotificationSettingsResolver {
  @FieldResolver(() => NotificationSettings, { nullable: true, description: "Only on the viewer's own user" })
  @ViewerDependent()
  notificationSettings(@Root() user: UserRow, @Ctx() ctx: Context): Settings | null {
    return ctx.services.notificationSettings.of(ctx.viewer, user);
  }
}
