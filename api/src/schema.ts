import "reflect-metadata";
import { type GraphQLSchema, isUnionType } from "graphql";
import { buildSchema, type NonEmptyArray } from "type-graphql";
import { modules } from "./app/modules.js";
import { createEventBus, type EventBus } from "./core/event-bus.js";
import { resolveByTypename } from "./core/union.js";
import { gateUnconfirmedWrites } from "./modules/identity/write-gate.js";

/** The whole public schema: every listed module's resolvers (app/modules.ts), nothing discovered by glob. */
export async function createSchema(bus: EventBus = createEventBus()): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    // Subscriptions build their own streams (replay, then live) from the bus; type-graphql
    // still wants a pubSub to be named.
    pubSub: bus,
    resolvers: resolvers(),
    // Input rules live in the services (zod), so one rule has one home.
    validate: false,
  });
  // type-graphql wraps a union's resolveType in an async function; graphql-jit needs an answer
  // at once. Every union member here is returned tagged with its __typename.
  for (const type of Object.values(schema.getTypeMap())) {
    if (isUnionType(type)) type.resolveType = resolveByTypename;
  }
  return gateUnconfirmedWrites(schema);
}

// biome-ignore lint/complexity/noBannedTypes: type-graphql's own type for a resolver class
function resolvers(): NonEmptyArray<Function> {
  // biome-ignore lint/complexity/noBannedTypes: as above
  const [first, ...rest] = modules.flatMap((m): readonly Function[] => ("resolvers" in m ? m.resolvers : []));
  if (!first) throw new Error("no module lists a resolver");
  return [first, ...rest];
}
