import type { CpvCodeRow } from "@pratica/db";
import { Field, Int, ObjectType } from "type-graphql";

@ObjectType("CpvCode", {
  description: "A code of the EU Common Procurement Vocabulary (CPV 2008), with its place in the hierarchy",
})
export class CpvCode {
  @Field(() => String, { description: 'The eight digits without the check digit ("90910000")' })
  code!: string;
  @Field(() => Int) checkDigit!: number;
  @Field(() => String) nameEn!: string;
  @Field(() => String) nameIt!: string;
  @Field(() => Int, { description: "1 division, 2 group, 3 class, 4 category, 5 below" })
  level!: number;
  parentCode!: string | null;
}

export type CpvCodeValue = CpvCodeRow;
