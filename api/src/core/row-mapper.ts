import { Column, is, SQL } from "drizzle-orm";

/**
 * What a drizzle prepared select carries (drizzle-orm 0.45, postgres-js and PGlite sessions
 * alike): the selected fields in column order, and an optional mapper that, when set, is given
 * the driver's rows (arrays) instead of drizzle's generic `mapResultRow`.
 */
type SelectedField = { path: string[]; field: unknown };
type PreparedSelect = { fields?: unknown; customResultMapper?: unknown; joinsNotNullableMap?: Record<string, boolean> };
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
 * Flat selects are compiled, and selects of whole rows side by side from inner joins
 * (`{ post: posts, author: … }`, one level deep). A left join (drizzle turns an all-null side
 * into null), deeper nesting, or a drizzle whose prepared queries no longer look like this keeps
 * drizzle's own mapping.
 * Returns whether the mapper was installed.
 */
export function installRowMapper(prepared: unknown): boolean {
  if (typeof prepared !== "object" || prepared === null) return false;
  const query = prepared as PreparedSelect;
  if (!("customResultMapper" in query) || query.customResultMapper || !Array.isArray(query.fields)) return false;
  const fields = query.fields as SelectedField[];
  if (fields.length === 0 || fields.some((f) => !Array.isArray(f.path) || f.path.length < 1 || f.path.length > 2)) {
    return false;
  }
  const nested = fields.some((f) => f.path.length === 2);
  if (nested && Object.values(query.joinsNotNullableMap ?? {}).some((notNull) => !notNull)) return false;

  const decoders = fields.map(({ field }) => decoderOf(field));
  if (decoders.some((d) => d === undefined)) return false;
  // null where the decoder would hand the value back unchanged.
  const needed = decoders.map((d) => (d && d.mapFromDriverValue !== identity ? d : null));
  const mapRow = compileRow(
    fields.map((f) => f.path),
    needed,
  );
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
 * `(row) => ({ id: row[0], createdAt: row[7] === null ? null : d[7].mapFromDriverValue(row[7]), … })`,
 * with `{ post: { … }, author: { … } }` for a join: an object literal with the keys written out
 * gets one hidden class and no keyed stores, several times faster than filling an empty object in
 * a loop. Keys are the schema's own property names, quoted with JSON.stringify, in drizzle's order
 * (first appearance).
 */
function compileRow(paths: string[][], decoders: (Decoder | null)[]): (row: unknown[]) => Record<string, unknown> {
  const value = (i: number) =>
    decoders[i] ? `row[${i}] === null ? null : d[${i}].mapFromDriverValue(row[${i}])` : `row[${i}]`;
  // Top-level key → its value, or the entries of its nested object.
  const top = new Map<string, string | string[]>();
  paths.forEach(([outer, inner], i) => {
    const key = JSON.stringify(outer);
    if (inner === undefined) top.set(key, value(i));
    else {
      const entries = (top.get(key) as string[] | undefined) ?? [];
      entries.push(`${JSON.stringify(inner)}: ${value(i)}`);
      top.set(key, entries);
    }
  });
  const literal = [...top].map(([key, v]) => `${key}: ${typeof v === "string" ? v : `{ ${v.join(", ")} }`}`);
  return new Function("d", `return (row) => ({ ${literal.join(", ")} });`)(decoders);
}
