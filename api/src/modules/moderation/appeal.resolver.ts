import type { AppealRow, CaseMessageRow, ModerationCaseRow, UserRow } from "@pratica/db";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../core/context.js";
import { notFound } from "../../core/errors.js";
import { ViewerDependent } from "../../core/viewer-dependent.js";
import { User } from "../identity/user.type.js";
import { seenCaseVia } from "./case-access.js";
import type { TransitionView } from "./case-history.resolver.js";
import { Appeal, CaseMessage, CaseTransition, ModerationCase } from "./moderation.type.js";

// The rows below are reached only through a case the viewer reads, already redacted for them
// (case-history.resolver.ts): these fields only follow their links.

@Resolver(() => Appeal)
export class AppealResolver {
  @FieldResolver(() => ModerationCase)
  @ViewerDependent()
  async case(@Root() a: AppealRow, @Ctx() ctx: Context): Promise<ModerationCaseRow> {
    const found = await seenCaseVia(ctx, a.caseId);
    if (!found) throw notFound("Case");
    return found;
  }
}

@Resolver(() => CaseMessage)
export class CaseMessageResolver {
  @FieldResolver(() => User)
  async author(@Root() m: CaseMessageRow, @Ctx() { loaders }: Context): Promise<UserRow> {
    const author = await loaders.userById.load(m.authorId);
    if (!author) throw notFound("User");
    return author;
  }
}

@Resolver(() => CaseTransition)
export class CaseTransitionResolver {
  @FieldResolver(() => User, {
    nullable: true,
    description: "Who moved the case; moderators only, null for the system",
  })
  actor(@Root() t: TransitionView, @Ctx() { loaders }: Context): Promise<UserRow | null> | null {
    return t.actorId ? loaders.userById.load(t.actorId) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: "The internal note; moderators only" })
  note(@Root() t: TransitionView): string | null {
    return t.note;
  }

  @FieldResolver(() => String, { nullable: true, description: "What the author was told" })
  message(@Root() t: TransitionView): string | null {
    return t.message;
  }
}
