import type { CommunityMembershipRow, UserRow } from "@pratica/db";
import { isAdmin, type Viewer } from "../../core/viewer.js";
import { isActiveMember, isFacilitator } from "../community/community.policy.js";

/** The new-member limits (config.ts NEW_MEMBER_*; docs/moderation.md, "New-member limits"). */
export type TrustSettings = {
  /** An account is new for this many days after it was made, unless something below trusts it sooner. */
  newMemberDays: number;
  threadsPerDay: number;
  repliesPerMinute: number;
  linksPerPost: number;
  mentionsPerPost: number;
};

/** What the trust rule reads of an account, in one query (trust.facts.ts). */
export type TrustFacts = Pick<UserRow, "role" | "createdAt" | "vouchedAt"> & {
  /** A REPRESENTATIVE of an organisation whose memorandum is signed. */
  representsSignatory: boolean;
  /** An active facilitator of some community. */
  facilitates: boolean;
};

type Membership = Pick<
  CommunityMembershipRow,
  "communityId" | "role" | "status" | "suspendedUntil" | "restrictedUntil"
>;

const DAY_MS = 24 * 60 * 60 * 1000;

/** When the account stops being new by age alone. */
export const trustedByAgeAt = (facts: Pick<TrustFacts, "createdAt">, settings: TrustSettings): Date =>
  new Date(facts.createdAt.getTime() + settings.newMemberDays * DAY_MS);

/**
 * The one rule: whether the new-member limits no longer apply to an account. Admins and
 * facilitators are trusted by their role; a facilitator's vouch trusts at once; representatives
 * of an organisation that signed the memorandum start trusted (the organisation answers for
 * them); everyone else once the account is NEW_MEMBER_DAYS old.
 */
export const isTrusted = (facts: TrustFacts, now: Date, settings: TrustSettings): boolean =>
  facts.role === "ADMIN" ||
  facts.vouchedAt !== null ||
  facts.representsSignatory ||
  facts.facilitates ||
  now.getTime() >= trustedByAgeAt(facts, settings).getTime();

/**
 * Whether the viewer moderates the person: an admin, or an active facilitator of a community
 * the person is an active member of. Both lists are the memberships of each (any status).
 */
export const moderatesMember = (
  viewer: Viewer | null,
  viewerMemberships: readonly Membership[],
  memberships: readonly Membership[],
): boolean =>
  isAdmin(viewer) ||
  memberships.some(
    (m) => isActiveMember(m) && viewerMemberships.some((v) => v.communityId === m.communityId && isFacilitator(v)),
  );

/**
 * Whether the viewer may read if a person is still limited as new: the person themself and those
 * who moderate them. Others learn nothing (the field answers false): being new says how young an
 * account is, which is not everyone's business.
 */
export const canSeeTrust = (viewer: Viewer | null, user: Pick<UserRow, "id">, moderates: boolean): boolean =>
  viewer?.id === user.id || moderates;

/**
 * Whether the viewer may vouch for the person: someone who moderates them, for an account still
 * limited (vouching for a trusted account would change nothing: CONFLICT).
 */
export const canVouch = (viewer: Viewer | null, moderates: boolean, trusted: boolean): boolean =>
  viewer !== null && moderates && !trusted;
