import { Column, is, SQL } from "drizzle-orm";

/**
 * What a drizzle prepared select carries (drizzle-orm 0.45, postgres-js and PGlite sessions
 * alike): the selected fields in column order, and an optional mapper that, when set, is given
 * the driver's rows (arrays) instead of drizzle's generic `mapResultRow`.
 */
type SelectedField = { path: string[]; field: unknown };
type PreparedSelect = { fields?: unknown; customResultMapper?: unknown };
type Decoder = { mapFromDriverValue: (value: unknown) => unknown };

// The base column's decoder returns the driver's value as it is: such columns need no call.
const identity = Column.prototype.mapFromDriverValue;

/**
 * Gives a prepared select a row mapper compiled once from its fields. drizzle maps every row
 * with `mapResultRow`, which for every column asks `is()` (a prototype-chain walk) what kind of
 * field it is and iterates the field's path: ~10% of a thread page's CPU. The compiled mapper
 * knows the keys and decoders in advance; the objects it builds are the ones drizzle would
 * (same keys in the same order, same decoded values; a test compares them).
 *
 * Only flat selects (no nested objects from joins) are compiled; anything else, or a drizzle
 * whose prepared queries no longer look like this, keeps drizzle's own mapping.
 * Returns whether the mapper was installed.
 */
export function installRowMapper(prepared: unknown): boolean {
  if (typeof prepared !== "object" || prepared === null) return false;
  const query = prepared as PreparedSelect;
  if (!("customResultMapper" in query) || query.customResultMapper || !Array.isArray(query.fields)) return false;
  const fields = query.fields as SelectedField[];
  if (fields.length === 0 || fields.some((f) => !Array.isArray(f.path) || f.path.length !== 1)) return false;

  const decoders = fields.map(({ field }) => decoderOf(field));
  if (decoders.some((d) => d === undefined)) return false;
  const keys = fields.map((f) => f.path[0] as string);
  // null where the decoder would hand the value back unchanged.
  const needed = decoders.map((d) => (d && d.mapFromDriverValue !== identity ? d : null));
  const mapRow = compileRow(keys, needed);
  query.customResultMapper = (rows: unknown[][]) => rows.map(mapRow);
  return true;
}

/** The decoder drizzle's `mapResultRow` would pick for a field; undefined for a kind not handled here. */
function decoderOf(field: unknown): Decoder | undefined {
  if (is(field, Column)) return field as unknown as Decoder;
  if (is(field, SQL)) return (field as unknown as { decoder: Decoder }).decoder;
  if (is(field, SQL.Aliased)) return (field as unknown as { sql: { decoder: Decoder } }).sql.decoder;
  return undefined;
}

/**
 * `(row) => ({ id: row[0], createdAt: row[7] === null ? null : d[7].mapFromDriverValue(row[7]), … })`:
 * an object literal with the keys written out gets one hidden class and no keyed stores, several
 * times faster than filling an empty object in a loop. Keys are the schema's own property names,
 * quoted with JSON.stringify.
 */
function compileRow(keys: string[], decoders: (Decoder | null)[]): (row: unknown[]) => Record<string, unknown> {
  const entries = keys.map((key, i) => {
    const value = decoders[i] ? `row[${i}] === null ? null : d[${i}].mapFromDriverValue(row[${i}])` : `row[${i}]`;
    return `${JSON.stringify(key)}: ${value}`;
  });
  return new Function("d", `return (row) => ({ ${entries.join(", ")} });`)(decoders);
}
