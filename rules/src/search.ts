// What a search takes: shorter finds too much to be useful, longer is not a search.
export const SEARCH_MIN = 2;
export const SEARCH_MAX = 200;
