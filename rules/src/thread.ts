// Discussion threads and their posts.
export const POST_MAX = 20_000;
export const THREAD_TAGS_MAX = 5;
