import { DateTimeISOResolver } from "graphql-scalars";
import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { Connection } from "../../core/connection.type.js";

export enum NotificationKind {
  REPLY_TO_THREAD = "REPLY_TO_THREAD",
  REPLY_TO_POST = "REPLY_TO_POST",
  MENTION = "MENTION",
  RESOURCE_DECIDED = "RESOURCE_DECIDED",
  AMENDMENT_PROPOSED = "AMENDMENT_PROPOSED",
  AMENDMENT_DECIDED = "AMENDMENT_DECIDED",
}
registerEnumType(NotificationKind, { name: "NotificationKind" });

@ObjectType("Notification")
export class Notification {
  @Field(() => ID) id!: string;
  @Field(() => NotificationKind) kind!: NotificationKind;
  @Field(() => String, { description: "The start of the post, as plain text" }) excerpt!: string;
  @Field(() => DateTimeISOResolver) createdAt!: Date;
}

@ObjectType("NotificationConnection")
export class NotificationConnection extends Connection(Notification, "Notification") {}
