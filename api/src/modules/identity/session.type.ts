import { DateTimeISOResolver } from "graphql-scalars";
import { Field, ID, ObjectType } from "type-graphql";

@ObjectType("Session", { description: "A login of the viewer's on some device; revoke it to log that device out" })
export class Session {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'The browser and system, read from its user agent, e.g. "Firefox 133 on Linux"' })
  device!: string;
  @Field(() => DateTimeISOResolver) createdAt!: Date;
  @Field(() => DateTimeISOResolver, { nullable: true, description: "To within a few minutes" })
  lastUsedAt!: Date | null;
  @Field(() => Boolean, { description: "The session this request was made with" })
  current!: boolean;
}
