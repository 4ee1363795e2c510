/**
 * What one vote holds (the `votes.choice` jsonb), per kind. castVote validates it against the
 * decision's options before storing, so the counting functions trust it.
 */
export type ConsentPosition = "AGREE" | "ABSTAIN" | "DISAGREE" | "BLOCK";
export type SenseCheckPosition = "AGREE" | "UNSURE" | "DISAGREE";

export type Choice = {
  consent?: ConsentPosition;
  senseCheck?: SenseCheckPosition;
  /** SINGLE_CHOICE (one), MULTIPLE_CHOICE, TIME_POLL (the times that suit). */
  optionIds?: string[];
  /** RANKED_CHOICE, best first; a prefix of the options is fine. */
  ranking?: string[];
  /** SCORE: option id → 0..5. */
  scores?: Record<string, number>;
  /** DOT_VOTE: option id → dots. */
  dots?: Record<string, number>;
};

/** A ballot as counting sees it: who cast it (for time polls) and what it holds. */
export type Ballot = { voterId: string; choice: Choice };

/** An option in its position order (position 1 first). */
export type CountedOption = { id: string; label: string };
