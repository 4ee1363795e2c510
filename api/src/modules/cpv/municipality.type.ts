import { Field, ObjectType } from "type-graphql";

@ObjectType("Municipality", { description: "A municipality of the metropolitan area, by its ISTAT code" })
export class Municipality {
  @Field(() => String, { description: 'ISTAT code ("001272" is Torino)' }) code!: string;
  @Field(() => String) name!: string;
}
