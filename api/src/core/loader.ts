import DataLoader from "dataloader";
import { type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { installRowMapper } from "./row-mapper.js";

/**
 * A DataLoader that also answers synchronously for what it already holds: a resolver that
 * returns `loadNow(key)` hands graphql-jit a value instead of a promise when the value was primed
 * or loaded before, and the ~100 authors and quotes of a thread page (primed with the page)
 * cost no promise and no microtask each.
 */
export class HoldingLoader<K, V> extends DataLoader<K, V> {
  private readonly held = new Map<K, V>();

  /** `answer` gives each key's value in key order, as DataLoader's batch function does. */
  constructor(answer: (keys: readonly K[]) => Promise<V[]>) {
    super(async (keys) => {
      const values = await answer(keys);
      for (const [i, k] of keys.entries()) this.held.set(k, values[i] as V);
      return values;
    });
  }

  /** The value if already held, else a promise of it (batched like `load`). */
  loadNow(key: K): V | Promise<V> {
    return this.held.has(key) ? (this.held.get(key) as V) : this.load(key);
  }

  override prime(key: K, value: V | Error): this {
    if (!(value instanceof Error) && !this.held.has(key)) this.held.set(key, value);
    return super.prime(key, value);
  }

  override clear(key: K): this {
    this.held.delete(key);
    return super.clear(key);
  }

  override clearAll(): this {
    this.held.clear();
    return super.clearAll();
  }
}

/**
 * One `= any($1)` query per batch, rows handed back in key order (missing keys get null).
 * Loaders live in the request context, never in modules: a cache must not outlive its request.
 */
export function keyedLoader<K, V>(fetch: (keys: readonly K[]) => Promise<V[]>, keyOf: (row: V) => K) {
  return new HoldingLoader<K, V | null>(async (keys) => {
    const byKey = new Map((await fetch(keys)).map((row) => [keyOf(row), row]));
    return keys.map((k) => byKey.get(k) ?? null);
  });
}

/** Like keyedLoader, for one-to-many: every key gets the (possibly empty) list of its rows. */
export function groupedLoader<K, V>(fetch: (keys: readonly K[]) => Promise<V[]>, keyOf: (row: V) => K) {
  return new HoldingLoader<K, V[]>(async (keys) => {
    const groups = new Map<K, V[]>();
    for (const row of await fetch(keys)) {
      const k = keyOf(row);
      const list = groups.get(k);
      if (list) list.push(row);
      else groups.set(k, [row]);
    }
    return keys.map((k) => groups.get(k) ?? []);
  });
}

/**
 * A value built once per database handle (and dropped with it): prepared drizzle queries, whose
 * SQL text would otherwise be rebuilt on every call. Build them with `sql.placeholder(...)` and
 * run them with `.execute({...})`; an id list is one `= any($1::uuid[])` parameter. When the
 * value is a record of prepared selects, each gets a row mapper compiled once (row-mapper.ts).
 */
export function perDatabase<Db extends object, T>(build: (db: Db) => T): (db: Db) => T {
  const built = new WeakMap<Db, T>();
  return (db) => {
    let value = built.get(db);
    if (value === undefined) {
      value = build(db);
      if (typeof value === "object" && value !== null) {
        for (const query of Object.values(value)) installRowMapper(query);
      }
      built.set(db, value);
    }
    return value;
  };
}

/** `column = any($name::uuid[])`: a whole id list as one parameter of a prepared query. */
export const anyId = (column: AnyPgColumn, name = "ids"): SQL => sql`${column} = any(${sql.placeholder(name)}::uuid[])`;

/** `column = $name::uuid`, for the prepared queries. */
export const eqId = (column: AnyPgColumn, name: string): SQL => sql`${column} = ${sql.placeholder(name)}::uuid`;
