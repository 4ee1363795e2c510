import type { PostRow, ThreadRow } from "@pratica/db";
import { isAdmin } from "../../core/viewer.js";
import type { Access } from "../community/community.access.js";
import { canModerate, canRead, canWrite } from "../community/community.policy.js";

/** Who may do what with threads and posts: the one place these rules live. */
export const canReadThreads = ({ community, viewer, membership }: Access) => canRead(community, viewer, membership);

/** Active members write; a locked thread takes replies from its moderators only. */
export const canReply = (a: Access, thread: Pick<ThreadRow, "locked">) =>
  canWrite(a) && (!thread.locked || canModerate(a.viewer, a.membership));

export const canCreateThread = (a: Access) => canWrite(a);

/** Authors edit their own posts while they are still members; nobody edits a deleted post. */
export const canEditPost = (a: Access, post: Pick<PostRow, "authorId" | "deletedAt">) =>
  a.viewer !== null && post.authorId === a.viewer.id && canWrite(a) && post.deletedAt === null;

/** Authors delete their own posts; facilitators and admins delete any. */
export const canDeletePost = (a: Access, post: Pick<PostRow, "authorId">) =>
  (a.viewer !== null && post.authorId === a.viewer.id && canWrite(a)) || canModerate(a.viewer, a.membership);

export const canReact = (a: Access) => canWrite(a);

export const canModerateThreads = (a: Access) => canModerate(a.viewer, a.membership) || isAdmin(a.viewer);
