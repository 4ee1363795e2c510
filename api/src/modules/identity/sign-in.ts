import type { Context } from "../../core/context.js";
import type { SignedIn } from "./identity.service.js";
import { suspensionInForce } from "./session.service.js";

/**
 * Hands the new session to the browser as its cookie; shared by every mutation that logs in
 * (register, login, password reset, accepting an invitation).
 */
export function signIn(ctx: Context, signedIn: SignedIn): SignedIn {
  ctx.sessionCookie.set(signedIn.token, Math.floor((signedIn.expiresAt.getTime() - Date.now()) / 1000));
  // The new session's user is the viewer from here on, e.g. for `user { email }` in the payload.
  ctx.viewer = {
    id: signedIn.user.id,
    role: signedIn.user.role,
    sessionId: "",
    verified: signedIn.user.emailVerifiedAt !== null,
    restricted: signedIn.user.restrictedUntil !== null,
    restrictedUntil: signedIn.user.restrictedUntil,
    suspendedUntil: suspensionInForce(signedIn.user.suspendedUntil),
  };
  return signedIn;
}
