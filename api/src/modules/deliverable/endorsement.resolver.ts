import type { EndorsementRow, OrganizationRow, UserRow } from "@pratica/db";
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import type { Context } from "../../core/context.js";
import { notFound } from "../../core/errors.js";
import { withoutNulls } from "../../core/validate.js";
import { User } from "../identity/user.type.js";
import { Organization } from "../organization/organization.type.js";
import { EndorseDeliverableInput, WithdrawEndorsementInput } from "./deliverable.input.js";
import { Endorsement } from "./deliverable.type.js";

@Resolver(() => Endorsement)
export class EndorsementResolver {
  @FieldResolver(() => Organization)
  async organization(@Root() e: EndorsementRow, @Ctx() { loaders }: Context): Promise<OrganizationRow> {
    const o = await loaders.organizationById.load(e.organizationId);
    if (!o) throw notFound("Organization");
    return o;
  }

  @FieldResolver(() => User, { description: "The representative who signed" })
  endorser(@Root() e: EndorsementRow, @Ctx() { loaders }: Context): Promise<UserRow | null> {
    return loaders.userById.load(e.endorserId);
  }

  @Mutation(() => Endorsement, {
    description: "A representative of the organisation, once per organisation, while the document is PUBLISHED",
  })
  endorseDeliverable(@Arg("input", () => EndorseDeliverableInput) input: EndorseDeliverableInput, @Ctx() ctx: Context) {
    return ctx.services.endorsement.endorse(ctx.viewer, withoutNulls(input));
  }

  @Mutation(() => Endorsement, { description: "A representative of the organisation that endorsed" })
  withdrawEndorsement(
    @Arg("input", () => WithdrawEndorsementInput) input: WithdrawEndorsementInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.endorsement.withdraw(ctx.viewer, input);
  }
}
