import type { ModerationCaseRow, UserRow } from "@pratica/db";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../core/context.js";
import { ViewerDependent } from "../../core/viewer-dependent.js";
import { moderationNotice } from "../hidden-content/hidden-content.js";
import { HiddenBy } from "../hidden-content/hidden-content.type.js";
import { User } from "../identity/user.type.js";
import { standingVia } from "./case-access.js";
import { ModerationTarget } from "./case-read.type.js";
import {
  plainExcerpt,
  readableTargetVia,
  type TargetRow,
  targetPath,
  targetRowVia,
  targetText,
} from "./case-target.js";
import { AuthorRecord, ModerationCase } from "./moderation.type.js";

/** The reported thing as a case shows it, and the author's record beside it. */
export type AuthorRecordValue = AuthorRecord & { recent: ModerationCaseRow[] };

const RECENT_CASES_SHOWN = 5;

@Resolver(() => ModerationCase)
export class CaseTargetResolver {
  @FieldResolver(() => ModerationTarget, {
    nullable: true,
    description: "The reported content or profile: null when gone, or when the viewer may not read it",
  })
  @ViewerDependent()
  async target(@Root() c: ModerationCaseRow, @Ctx() ctx: Context): Promise<TargetRow | null> {
    return (await standingVia(ctx, c)).sees ? readableTargetVia(ctx, c) : null;
  }

  @FieldResolver(() => String, {
    description: "The reported text, plain, at most 280 characters; for the moderators and the author, else empty",
  })
  @ViewerDependent()
  async targetExcerpt(@Root() c: ModerationCaseRow, @Ctx() ctx: Context): Promise<string> {
    const standing = await standingVia(ctx, c);
    if (!standing.moderator && !standing.author) return "";
    const row = await targetRowVia(ctx, c);
    return row ? plainExcerpt(targetText(row)) : "";
  }

  @FieldResolver(() => String, { description: "Where the content sits in the web app; empty once it is gone" })
  async targetPath(@Root() c: ModerationCaseRow, @Ctx() ctx: Context): Promise<string> {
    return targetPath(await targetRowVia(ctx, c));
  }

  @FieldResolver(() => Boolean, { description: "Whether the reported content is hidden now" })
  async hidden(@Root() c: ModerationCaseRow, @Ctx() ctx: Context): Promise<boolean> {
    return ((await targetRowVia(ctx, c))?.hiddenAt ?? null) !== null;
  }

  @FieldResolver(() => HiddenBy, {
    nullable: true,
    description: "While hidden: by the system (awaiting review) or a decision",
  })
  async hiddenBy(@Root() c: ModerationCaseRow, @Ctx() ctx: Context): Promise<keyof typeof HiddenBy | null> {
    const row = await targetRowVia(ctx, c);
    return row ? ((await moderationNotice(ctx, row, false))?.hiddenBy ?? null) : null;
  }

  @FieldResolver(() => User, { nullable: true, description: "The target's author; the moderators and the author" })
  @ViewerDependent()
  async author(@Root() c: ModerationCaseRow, @Ctx() ctx: Context): Promise<UserRow | null> {
    const standing = await standingVia(ctx, c);
    return standing.moderator || standing.author ? ctx.loaders.userById.load(c.targetAuthorId) : null;
  }

  @FieldResolver(() => AuthorRecord, { nullable: true, description: "The author's history; moderators only" })
  @ViewerDependent()
  async authorRecord(@Root() c: ModerationCaseRow, @Ctx() ctx: Context): Promise<AuthorRecordValue | null> {
    if (!(await standingVia(ctx, c)).moderator) return null;
    const [author, memberships, tallies, cases] = await Promise.all([
      ctx.loaders.userById.load(c.targetAuthorId),
      ctx.loaders.membershipsByUser.load(c.targetAuthorId),
      ctx.loaders.authorTallies.load(c.targetAuthorId),
      ctx.loaders.recentCasesByAuthor.load(c.targetAuthorId),
    ]);
    // In a community, since they joined it; for a profile's case, since the account was made.
    const joined = c.communityId ? memberships.find((m) => m.communityId === c.communityId)?.createdAt : undefined;
    const others = cases.filter((other) => other.id !== c.id);
    const standings = await Promise.all(others.map((other) => standingVia(ctx, other)));
    return {
      memberSince: joined ?? author?.createdAt ?? c.createdAt,
      postsCount: tallies?.postsCount ?? 0,
      casesActioned: tallies?.casesActioned ?? 0,
      warnings: tallies?.warnings ?? 0,
      restrictions: tallies?.restrictions ?? 0,
      suspensions: tallies?.suspensions ?? 0,
      recent: others.filter((_, i) => standings[i]?.moderator).slice(0, RECENT_CASES_SHOWN),
    };
  }
}

@Resolver(() => AuthorRecord)
export class AuthorRecordResolver {
  @FieldResolver(() => [ModerationCase], {
    description: "At most 5 other cases about the same author, newest first, that the viewer moderates",
  })
  recentCases(@Root() r: AuthorRecordValue): ModerationCaseRow[] {
    return r.recent;
  }
}
