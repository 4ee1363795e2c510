/** Every title (threads, documents, resources, learning paths) follows the same length rule. */
export const TITLE_MIN = 3;
export const TITLE_MAX = 200;

/** A web link, where one is allowed (a resource's link). */
export const URL_MAX = 2000;
