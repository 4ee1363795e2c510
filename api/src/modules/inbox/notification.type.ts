import { notificationKind } from "@pratica/db";
import { DateTimeISOResolver } from "graphql-scalars";
import { Field, ID, ObjectType } from "type-graphql";
import { Connection } from "../../core/connection.type.js";
import { graphqlEnum } from "../../core/enums.js";

export const NotificationKind = graphqlEnum(notificationKind.enumValues, { name: "NotificationKind" });
export type NotificationKind = (typeof NotificationKind)[keyof typeof NotificationKind];

@ObjectType("Notification")
export class Notification {
  @Field(() => ID) id!: string;
  @Field(() => NotificationKind) kind!: NotificationKind;
  // excerpt: notification.resolver.ts (blank when what it quotes is hidden from the viewer)
  @Field(() => DateTimeISOResolver) createdAt!: Date;
  @Field(() => ID, {
    nullable: true,
    description: "The moderation case it is about: its page is /moderation/cases/<id>",
  })
  caseId!: string | null;
}

@ObjectType("NotificationConnection")
export class NotificationConnection extends Connection(Notification, "Notification") {}
