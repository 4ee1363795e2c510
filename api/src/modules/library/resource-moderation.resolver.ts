import type { ResourceRow } from "@pratica/db";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../../core/context.js";
import { noticeOf, shownText } from "../hidden-content/hidden-content.read.js";
import { ModerationNotice } from "../hidden-content/hidden-content.type.js";
import { Resource } from "./resource.type.js";

const WHILE_HIDDEN = "empty while hidden, for all but its proposer and the moderators";

/**
 * A resource's text under the hidden-content rule: a hidden resource stays in lists and paths,
 * with the notice in place of its title, summary, text and link for all but its proposer and the
 * moderators.
 */
@Resolver(() => Resource)
export class ResourceModerationResolver {
  @FieldResolver(() => String, { description: `The title; ${WHILE_HIDDEN}` })
  title(@Root() r: ResourceRow, @Ctx() ctx: Context): string | Promise<string> {
    return shownText(ctx, r, r.proposerId, r.title, "");
  }

  @FieldResolver(() => String, { description: `The summary; ${WHILE_HIDDEN}` })
  summary(@Root() r: ResourceRow, @Ctx() ctx: Context): string | Promise<string> {
    return shownText(ctx, r, r.proposerId, r.summary, "");
  }

  @FieldResolver(() => String, { description: `Markdown; ${WHILE_HIDDEN}` })
  body(@Root() r: ResourceRow, @Ctx() ctx: Context): string | Promise<string> {
    return shownText(ctx, r, r.proposerId, r.body, "");
  }

  @FieldResolver(() => String, { nullable: true, description: `An http(s) link; null ${WHILE_HIDDEN.slice(6)}` })
  url(@Root() r: ResourceRow, @Ctx() ctx: Context): string | null | Promise<string | null> {
    return shownText(ctx, r, r.proposerId, r.url, null);
  }

  @FieldResolver(() => String, { nullable: true, description: "The link's host, shown beside it" })
  host(@Root() r: ResourceRow, @Ctx() ctx: Context): string | null | Promise<string | null> {
    return shownText(ctx, r, r.proposerId, r.url ? new URL(r.url).host : null, null);
  }

  @FieldResolver(() => Boolean, { description: "Hidden by the moderators or, until reviewed, by the system" })
  hidden(@Root() r: ResourceRow): boolean {
    return r.hiddenAt !== null;
  }

  @FieldResolver(() => ModerationNotice, {
    nullable: true,
    description: "Why it is hidden: set while it is, for everyone",
  })
  moderation(@Root() r: ResourceRow, @Ctx() ctx: Context): Promise<ModerationNotice | null> {
    return noticeOf(ctx, r, r.proposerId);
  }
}
