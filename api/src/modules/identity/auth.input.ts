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

@InputType("ResetPasswordInput")
export class ResetPasswordInput {
  @Field(() => String, { description: "From the link in the reset email" }) token!: string;
  @Field(() => String) password!: string;
}

@InputType("ChangePasswordInput")
export class ChangePasswordInput {
  @Field(() => String) currentPassword!: string;
  @Field(() => String) newPassword!: string;
}

@InputType("ChangeEmailInput")
export class ChangeEmailInput {
  @Field(() => String) newEmail!: string;
  @Field(() => String, { description: "The current password" }) password!: string;
}
