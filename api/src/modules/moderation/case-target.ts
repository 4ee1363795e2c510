import type {
  AmendmentRow,
  DeliverableCommentRow,
  ModerationCaseRow,
  PostRow,
  ResourceRow,
  ThreadRow,
  UserRow,
} from "@pratica/db";
import type { Context } from "../../core/context.js";
import { seenDeliverableVia } from "../deliverable/deliverable.access.js";
import { seesResourceVia } from "../library/resource.access.js";
import { readableOrNull } from "../thread/thread.access.js";

/** A reported row, tagged with its GraphQL type for the ModerationTarget union. */
export type TargetRow =
  | (PostRow & { __typename: "Post" })
  | (ThreadRow & { __typename: "Thread" })
  | (ResourceRow & { __typename: "Resource" })
  | (DeliverableCommentRow & { __typename: "DeliverableComment" })
  | (AmendmentRow & { __typename: "Amendment" })
  | (UserRow & { __typename: "User" });

const tag = <T extends object, N extends TargetRow["__typename"]>(row: T | null, name: N) =>
  row ? { ...row, __typename: name } : null;

/** The reported row as it is now, whoever asks (through the request's loaders); null once gone. */
export async function targetRowVia(ctx: Context, c: ModerationCaseRow): Promise<TargetRow | null> {
  const l = ctx.loaders;
  switch (c.targetKind) {
    case "POST":
      return tag(await l.postById.load(c.targetId), "Post");
    case "THREAD":
      return tag(await l.threadById.load(c.targetId), "Thread");
    case "RESOURCE":
      return tag(await l.resourceById.load(c.targetId), "Resource");
    case "COMMENT":
      return tag(await l.commentById.load(c.targetId), "DeliverableComment");
    case "AMENDMENT":
      return tag(await l.amendmentById.load(c.targetId), "Amendment");
    case "USER":
      return tag(await l.userById.load(c.targetId), "User");
  }
}

/**
 * The reported row if the viewer may read it by its own module's rule (the thread's community,
 * the resource's status, the document's audience); profiles are read by anyone. Whether its text
 * shows while hidden is the content type's own field (hidden-content's `canSeeHidden`).
 */
export async function readableTargetVia(ctx: Context, c: ModerationCaseRow): Promise<TargetRow | null> {
  const row = await targetRowVia(ctx, c);
  if (!row) return null;
  switch (row.__typename) {
    case "Post":
    case "Thread":
      return readableOrNull(ctx, row);
    case "Resource":
      return (await seesResourceVia(ctx, row)) ? row : null;
    case "DeliverableComment":
    case "Amendment":
      return (await seenDeliverableVia(ctx, row.deliverableId)) ? row : null;
    case "User":
      return row;
  }
}

const EXCERPT_MAX = 280;

/** Markdown and whitespace flattened to one line of plain text, at most 280 characters. */
export function plainExcerpt(text: string): string {
  const plain = text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1") // images: their alt text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1") // links: their text
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+/gm, "") // headings, quotes, list marks
    .replace(/[*_`~]+/g, "")
    .replace(/\s+/g, " ")
    .trim();
  const chars = [...plain];
  return chars.length <= EXCERPT_MAX ? plain : `${chars.slice(0, EXCERPT_MAX - 1).join("")}…`;
}

/** The words a moderator reviews: the reported text itself. */
export function targetText(row: TargetRow): string {
  switch (row.__typename) {
    case "Post":
    case "DeliverableComment":
      return row.body;
    case "Thread":
      return `${row.title}: ${row.body}`;
    case "Resource":
      return `${row.title}: ${row.summary}`;
    case "Amendment":
      return `${row.rationale}: ${row.body}`;
    case "User":
      return `${row.displayName}${row.bio ? `: ${row.bio}` : ""}`;
  }
}

/**
 * Where the content sits in the web app (web/src/app/route-patterns.ts): a reply in its thread,
 * a comment or an amendment at its section of the document. A profile has no public page: its
 * cases are the admins', whose members page finds the account.
 */
export function targetPath(row: TargetRow | null): string {
  if (!row) return "";
  switch (row.__typename) {
    case "Post":
      return `/t/${row.threadId}#post-${row.id}`;
    case "Thread":
      return `/t/${row.id}`;
    case "Resource":
      return `/r/${row.id}`;
    case "DeliverableComment":
    case "Amendment":
      return row.sectionId ? `/d/${row.deliverableId}#section-${row.sectionId}` : `/d/${row.deliverableId}`;
    case "User":
      return `/admin/members?q=${encodeURIComponent(row.handle)}`;
  }
}
