// How long an amendment's rationale and a rejection's reason may be: the forms check before sending.
export const RATIONALE_MIN = 3;
export const RATIONALE_MAX = 5000;
export const REASON_MIN = 3;
