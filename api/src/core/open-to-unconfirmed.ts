import { Extensions } from "type-graphql";

/** The extension key the write gate (modules/identity/write-gate.ts) reads. */
export const OPEN_TO_UNCONFIRMED = "openToUnconfirmed";

/**
 * Marks a mutation an account may run before its email is confirmed (log in and out, confirm,
 * recover, change the password or the address, manage its sessions, mark what it read), or a
 * `viewerCan…` field that tells a reading ability rather than a writing one. Every other mutation
 * is refused to an unconfirmed account, and every other `viewerCan…` field answers false for it.
 */
export const OpenToUnconfirmed = () => Extensions({ [OPEN_TO_UNCONFIRMED]: true });
