const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Ids are UUIDs. A string that is not one names nothing, so callers answer NOT_FOUND before
 * PostgreSQL would reject the cast with an internal error.
 */
export const isUuid = (value: string): boolean => UUID.test(value);
