import { Field, InputType } from "type-graphql";

@InputType("DeleteAccountInput")
export class DeleteAccountInput {
  @Field(() => String, { description: "The account's current password" }) password!: string;
  @Field(() => Boolean, {
    description: "Also remove the text of the account's posts and threads (otherwise they stay, by a former member)",
  })
  eraseContent!: boolean;
}
