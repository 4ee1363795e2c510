import { emailDelivery, locale, watchLevel, watchScope } from "@pratica/db";
import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { graphqlEnum } from "../../core/enums.js";

export const WatchLevel = graphqlEnum(watchLevel.enumValues, {
  name: "WatchLevel",
  description:
    "WATCHING: every reply (and, on a community, every new thread); TRACKING: counted as unread, notified only when mentioned or replied to; NORMAL: mentions and replies to you; MUTED: nothing",
});
export type WatchLevel = (typeof WatchLevel)[keyof typeof WatchLevel];
export const WatchScope = graphqlEnum(watchScope.enumValues, { name: "WatchScope" });
export type WatchScope = (typeof WatchScope)[keyof typeof WatchScope];
export const WatchLevelSource = graphqlEnum(
  ["EXPLICIT", "COMMUNITY", "DELIVERABLE", "STARTED_OR_REPLIED", "FACILITATOR", "DEFAULT"] as const,
  {
    name: "WatchLevelSource",
    description:
      "Why a level applies: chosen on this (EXPLICIT), chosen on its community, you started or replied to the thread, you facilitate the community, or the default (NORMAL)",
  },
);
export type WatchLevelSource = (typeof WatchLevelSource)[keyof typeof WatchLevelSource];
export const EmailDelivery = graphqlEnum(emailDelivery.enumValues, {
  name: "EmailDelivery",
  description: "How notifications reach a member by email; in the app they always do",
});
export const Locale = graphqlEnum(locale.enumValues, { name: "Locale" });

@ObjectType("WatchSetting", { description: "The viewer's watch level on a community, thread or document" })
export class WatchSetting {
  @Field(() => WatchScope) scope!: WatchScope;
  @Field(() => ID) scopeId!: string;
  @Field(() => WatchLevel, { description: "The level in force" }) level!: WatchLevel;
  @Field(() => Boolean, { description: "Chosen on this very thing (false: inherited or a default)" })
  explicit!: boolean;
  @Field(() => WatchLevelSource) source!: WatchLevelSource;
}

@ObjectType("NotificationSettings", { description: "The viewer's own: how and when notifications reach them by email" })
export class NotificationSettings {
  @Field(() => EmailDelivery) emailDelivery!: string;
  @Field(() => String, { description: "IANA time zone in which digests are timed" }) timeZone!: string;
  @Field(() => Int, { description: "Local hour (0–23) of the daily or weekly (Monday) digest" }) digestHour!: number;
  @Field(() => Locale, { description: "The language of the emails" }) locale!: string;
}

// Shapes only: the rules live in preferences.rules.ts and are applied by the services.

@InputType("SetWatchLevelInput", { description: "Exactly one of communityId, threadId, deliverableId" })
export class SetWatchLevelInput {
  @Field(() => ID, { nullable: true }) communityId?: string | null;
  @Field(() => ID, { nullable: true }) threadId?: string | null;
  @Field(() => ID, { nullable: true }) deliverableId?: string | null;
  @Field(() => WatchLevel, {
    nullable: true,
    description: "null removes the explicit choice: the default applies again",
  })
  level?: WatchLevel | null;
}

@InputType("NotificationSettingsInput", { description: "What is not given stays as it is" })
export class NotificationSettingsInput {
  @Field(() => EmailDelivery, { nullable: true }) emailDelivery?: string | null;
  @Field(() => String, { nullable: true }) timeZone?: string | null;
  @Field(() => Int, { nullable: true }) digestHour?: number | null;
  @Field(() => Locale, { nullable: true }) locale?: string | null;
}
