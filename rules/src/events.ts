/** Limits of events and registrations (issue 17); the api enforces them, the web explains them first. */

export const EVENT_TITLE_MAX = 200;
export const EVENT_DESCRIPTION_MAX = 20_000;
export const EVENT_PLACE_MAX = 200;
export const EVENT_CAPACITY_MAX = 100_000;
/** A freed seat is offered to the next on the waiting list, who has this long to take it. */
export const SEAT_CLAIM_WINDOW_HOURS = 24;
/** The reminder goes this long before the start. */
export const EVENT_REMINDER_HOURS = 24;
