// Shared documents ("deliverables"): their summary, sections, amendments, comments, endorsements.
export const DOCUMENT_SUMMARY_MAX = 2000;
export const HEADING_MAX = 200;
export const SECTION_BODY_MAX = 100_000;
export const MAX_SECTIONS = 100;
/** An amendment's rationale, and the reason an editor gives when rejecting one. */
export const RATIONALE_MIN = 3;
export const RATIONALE_MAX = 5000;
export const COMMENT_MAX = 10_000;
/** The passage of a section a comment quotes. */
export const QUOTE_MAX = 2000;
export const STATEMENT_MAX = 2000;
export const MAX_COAUTHOR_ORGANIZATIONS = 50;
