import type { ReportReason } from "../../gql/graphql";

/** Every reason a member may give, in the order the report dialog offers them. */
export const REPORT_REASONS: readonly ReportReason[] = ["SPAM", "OFFENSIVE", "OFF_TOPIC", "PERSONAL_DATA", "OTHER"];

/** The note's limit, as the api's rule (moderation.rules.ts) has it. */
export const REPORT_NOTE_MAX = 1000;
/** The internal note, the message to the author, an appeal's statement and a case message. */
export const MODERATION_TEXT_MAX = 2000;
