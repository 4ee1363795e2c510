/** Limits of Buy Social (issue 18, docs/buy-social.md): supplier profiles, certifications, requests, answers. */

export const SUPPLIER_OFFER_MAX = 4_000;
export const SUPPLIER_CAPACITY_MAX = 1_000;
/** CPV codes on one supplier profile or one request. */
export const SUPPLIER_CPV_MAX = 40;
export const REQUEST_CPV_MAX = 20;
export const CERTIFICATION_LABEL_MAX = 120;
export const CERTIFICATION_NOTE_MAX = 2_000;
export const BUYER_REQUEST_TITLE_MAX = 200;
export const BUYER_REQUEST_DESCRIPTION_MAX = 20_000;
export const SUPPLIER_ANSWER_MAX = 10_000;
export const OUTCOME_NOTE_MAX = 4_000;
/** A CPV code as written by people: eight digits, optionally "-" and the check digit. */
export const CPV_CODE_PATTERN = /^(\d{8})(?:-(\d))?$/;
