import type { UserRow } from "@pratica/db";
import { forbidden, unauthenticated } from "../../core/errors.js";
import { isAdmin, type Viewer } from "../../core/viewer.js";

/** Who may run the platform: the one place the admin area's rules live. */

/** Everything under /admin (its queries and mutations): platform admins only. */
export const canAdminister = (viewer: Viewer | null): boolean => isAdmin(viewer);

/** Refuses anyone but an admin: UNAUTHENTICATED when anonymous, FORBIDDEN otherwise. */
export function requireAdmin(viewer: Viewer | null): asserts viewer is Viewer {
  if (!viewer) throw unauthenticated("Log in as a platform admin to do this.");
  if (!canAdminister(viewer)) throw forbidden("Only platform admins can do this.");
}

/**
 * The platform keeps at least one admin: revoking the last one is refused. `admins` is the count
 * read under the lock on every admin row (member-admin.service.ts), so two admins revoking each
 * other at once cannot both pass.
 */
export const takesLastAdmin = (target: Pick<UserRow, "role">, admins: number): boolean =>
  target.role === "ADMIN" && admins <= 1;

/**
 * An invitation to an address that already has an account is accepted by that account only: the
 * link proves the address, but linking an existing account needs its owner logged in.
 */
export const canAcceptFor = (viewer: Viewer | null, account: Pick<UserRow, "id">): boolean =>
  viewer !== null && viewer.id === account.id;
