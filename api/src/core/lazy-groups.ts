/** A module's loaders (`threadLoaders(db)`, `threadViewerLoaders(db, viewer)`…): a record of them. */
// biome-ignore lint/suspicious/noExplicitAny: any function returning a record; its arguments are passed through
export type Group = (...args: any[]) => object;

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
/** The object `{ ...groupA(…), ...groupB(…) }` would be. */
export type Merged<G extends readonly Group[]> = UnionToIntersection<ReturnType<G[number]>>;

type Slots = { args: unknown[]; base: object | null };

/**
 * Makes objects that look like `{ ...base, ...groupA(...args), ...groupB(...args) }`, except
 * that each group is built the first time one of its properties is read. A request made every
 * module's loaders up front, but a thread page reads 6 of some 40: building them all was ~2% of
 * its CPU. The getters live on one prototype per factory (a group's keys are learnt from its
 * first build); reading one builds its group and makes the group's loaders own properties.
 * `base` lends its properties (e.g. the viewer-independent loaders an event shares) unbuilt.
 */
export function lazyGroups<G extends readonly Group[]>(groups: G, baseKeys: () => readonly string[] = () => []) {
  let prototype: object | undefined;
  let keys: string[] = [];

  const makePrototype = (args: unknown[]) => {
    const proto: Record<string, unknown> = {};
    for (const key of baseKeys()) {
      Object.defineProperty(proto, key, {
        enumerable: true,
        get(this: Slots) {
          const value = (this.base as Record<string, unknown>)[key];
          Object.defineProperty(this, key, { value, enumerable: true });
          return value;
        },
      });
    }
    for (const group of groups) {
      const groupKeys = Object.keys(group(...args));
      for (const key of groupKeys) {
        Object.defineProperty(proto, key, {
          enumerable: true,
          get(this: Slots) {
            const built = group(...this.args) as Record<string, unknown>;
            // From now on the object's own properties answer: plain loads, no getter.
            for (const k of groupKeys) Object.defineProperty(this, k, { value: built[k], enumerable: true });
            return built[key];
          },
        });
      }
    }
    keys = Object.keys(proto);
    return proto;
  };

  const create = <B extends object = object>(args: Parameters<G[number]>, base?: B): B & Merged<G> => {
    prototype ??= makePrototype(args);
    const slots: Slots = Object.create(prototype);
    slots.args = args;
    slots.base = base ?? null;
    return slots as unknown as B & Merged<G>;
  };
  return Object.assign(create, { keys: () => keys });
}
