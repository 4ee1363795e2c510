import { DateTimeISOResolver } from "graphql-scalars";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { Connection } from "../../core/connection.type.js";

@ObjectType("NotificationGroup", {
  description:
    "The bell's entry: every notification about one thread (“3 new replies in …”), or one notification about anything else",
})
export class NotificationGroup {
  @Field(() => ID, { description: "The thread's id, or the notification's own for one about no thread" })
  id!: string;
  @Field(() => Int, { description: "Notifications in the group" }) count!: number;
  @Field(() => Int, { description: "Of those, unread" }) unreadCount!: number;
  @Field(() => DateTimeISOResolver, { description: "When the latest arrived" }) latestAt!: Date;
}

@ObjectType("NotificationGroupConnection")
export class NotificationGroupConnection extends Connection(NotificationGroup, "NotificationGroup") {}
