import type { UserRow } from "@pratica/db";
import { DomainError } from "../../core/errors.js";
import { isAdmin, type Viewer } from "../../core/viewer.js";

/** Who may see what of a person, and what an account may do as such: the one place these rules live. */

/** Their email, whether it is confirmed, and memberships: themselves and admins. */
export const canSeePrivateProfile = (viewer: Viewer | null, user: Pick<UserRow, "id">): boolean =>
  viewer?.id === user.id || isAdmin(viewer);

/**
 * A hidden profile (its case is decided by platform admins: a profile has no community) is still
 * read in full by its owner, to appeal, and by admins, to review.
 */
export const canSeeHiddenProfile = (viewer: Viewer | null, user: Pick<UserRow, "id">): boolean =>
  viewer?.id === user.id || isAdmin(viewer);

/** Their login sessions: themselves only (an admin has no use for another person's devices). */
export const canSeeSessions = (viewer: Viewer | null, user: Pick<UserRow, "id">): boolean => viewer?.id === user.id;

/**
 * An account writes (posts, proposes, joins, edits…) only once its address is confirmed; until
 * then it reads. Enforced for every mutation at once by write-gate.ts.
 */
export const canWrite = (viewer: Viewer): boolean => viewer.verified;

export const emailNotVerified = () =>
  new DomainError(
    "FORBIDDEN",
    "Confirm your email address first: until then your account can read but not write. We sent you a link; you can ask for a new one.",
    { reason: "EMAIL_NOT_VERIFIED" },
  );

/**
 * A platform-wide suspension (users.suspended_until, mirrored by the moderation module from its
 * sanction; its sessions are revoked when it starts): the account may log in, to read why and to
 * appeal, but writes nothing else and reads only what anyone reads. Enforced for every mutation by
 * write-gate.ts (as the restriction, with reason SUSPENDED) and for members-only reads by
 * community.policy.ts `canRead`.
 */
export const accountSuspended = (until: Date) =>
  new DomainError(
    "FORBIDDEN",
    `This account is suspended until ${until.toISOString()}: you can read public communities, see why and appeal, but not write.`,
    { reason: "SUSPENDED", until: until.toISOString() },
  );

/**
 * A platform-wide restriction: the account reads, appeals and writes to the moderators of its
 * case, and changes its own settings, but writes nothing else. Enforced for every mutation at once
 * by write-gate.ts, like `canWrite`.
 */
export const isRestricted = (viewer: Viewer): boolean => viewer.restricted === true;

export const accountRestricted = (until: Date | null | undefined) =>
  new DomainError(
    "FORBIDDEN",
    "Your account is restricted for now: you can read, appeal and write to the moderators from your case, but not post.",
    { reason: "RESTRICTED", until: until?.toISOString() ?? null },
  );
