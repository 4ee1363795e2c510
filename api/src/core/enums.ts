import { registerEnumType } from "type-graphql";

/** `{ A: "A", B: "B" }` for the values `["A", "B"]`: what type-graphql takes as an enum. */
export type EnumObject<V extends string> = { readonly [K in V]: K };

/**
 * A GraphQL enum whose values are a database enum's (a drizzle `pgEnum`'s `enumValues`): the
 * list is written once, in db/, and the GraphQL type, the TypeScript type and the zod rules all
 * take it from there. Returns the enum object (`Status.DRAFT`), registered under `name`.
 */
export function graphqlEnum<const V extends readonly [string, ...string[]]>(
  values: V,
  config: { name: string; description?: string },
): EnumObject<V[number]> {
  const object = Object.fromEntries(values.map((value) => [value, value])) as EnumObject<V[number]>;
  registerEnumType(object, config);
  return object;
}
