import { Extensions } from "type-graphql";

/** The extension key the write gate (modules/identity/write-gate.ts) reads. */
export const OPEN_TO_RESTRICTED = "openToRestricted";

/**
 * Marks a mutation an account under a platform-wide restriction may still run: logging in and
 * out, its own security and settings, deleting itself, reading markers, and — the point of a
 * restriction rather than a ban — appealing and writing to the moderators of its case
 * (`appealAction`, `sendCaseMessage`). Every other mutation is refused to it (FORBIDDEN, reason
 * RESTRICTED), and every `viewerCan…` field that tells a writing ability answers false.
 */
export const OpenToRestricted = () => Extensions({ [OPEN_TO_RESTRICTED]: true });
