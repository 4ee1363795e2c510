// The library: resources, their curation, and learning paths.
export const RESOURCE_SUMMARY_MIN = 10;
export const RESOURCE_SUMMARY_MAX = 600;
export const RESOURCE_BODY_MAX = 50_000;
export const RESOURCE_TAGS_MAX = 8;
/** The reason a facilitator gives for a curation decision. */
export const DECISION_REASON_MAX = 2000;
/** A learning path's summary, and a step's note. */
export const PATH_TEXT_MAX = 2000;
export const MAX_PATH_STEPS = 200;
