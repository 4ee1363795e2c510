/** Limits of decisions and votes (issue 17); the api enforces them, the web explains them first. */

export const DECISION_TITLE_MAX = 200;
export const DECISION_CONTEXT_MAX = 20_000;
/** A poll needs at least two options; more than this is not a decision anyone can read. */
export const DECISION_OPTIONS_MIN = 2;
export const DECISION_OPTIONS_MAX = 20;
export const DECISION_OPTION_LABEL_MAX = 200;
export const SCORE_MIN = 0;
export const SCORE_MAX = 5;
export const DOTS_PER_VOTER_MAX = 100;
export const VOTE_REASON_MAX = 2000;
export const OUTCOME_MAX = 20_000;
/** How long before closing the reminder goes to those who have not voted. */
export const DECISION_REMINDER_HOURS = 24;
