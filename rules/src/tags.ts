export const TAG_MAX = 30;

/**
 * A tag, once trimmed and lowercased: a single word or hyphenated words, letters and digits of
 * any script, starting with a letter or digit. No `g` flag, so `test` keeps no state.
 */
export const TAG = new RegExp(`^[\\p{L}\\p{N}][\\p{L}\\p{N}-]{0,${TAG_MAX - 1}}$`, "u");
