import { Field, InputType } from "type-graphql";

// Shapes only: the rules (lengths, formats) live in identity.rules.ts and are applied by the service.

@InputType("RegisterInput")
export class RegisterInput {
  @Field(() => String) email!: string;
  @Field(() => String) password!: string;
  @Field(() => String) displayName!: string;
}

@InputType("LoginInput")
export class LoginInput {
  @Field(() => String) email!: string;
  @Field(() => String) password!: string;
}

@InputType("UpdateProfileInput")
export class UpdateProfileInput {
  @Field(() => String, { nullable: true }) displayName?: string | null;
  @Field(() => String, { nullable: true }) bio?: string | null;
}
