import {
  defaultFieldResolver,
  type GraphQLFieldConfig,
  type GraphQLSchema,
  getNullableType,
  isListType,
  isObjectType,
} from "graphql";
import type { Context } from "../../core/context.js";
import { OPEN_TO_UNCONFIRMED } from "../../core/open-to-unconfirmed.js";
import { canWrite, emailNotVerified } from "./user.policy.js";

/**
 * The one place `canWrite` is enforced: every mutation refuses an unconfirmed account (FORBIDDEN,
 * reason EMAIL_NOT_VERIFIED) before its resolver runs, and every `viewerCan…` field answers false
 * for it (an empty list for the `viewerCan…For` lists of organisations), so the web's buttons agree with the refusals without each policy knowing the rule.
 * Fields marked `@OpenToUnconfirmed()` are left alone.
 *
 * Why wrap the built schema rather than a type-graphql global middleware: a global middleware runs
 * on every resolved field of every response (thousands per page, the hot path measured in
 * shared/PERFORMANCE.md), to act on a few dozen; wrapping those few at start-up costs nothing
 * elsewhere, and graphql-jit compiles the wrapped resolvers like any other. An anonymous caller
 * passes through: the mutation's own service answers UNAUTHENTICATED.
 */
export function gateUnconfirmedWrites(schema: GraphQLSchema): GraphQLSchema {
  const mutation = schema.getMutationType();
  for (const field of Object.values(mutation?.getFields() ?? {})) {
    if (isOpen(field)) continue;
    const resolve = field.resolve ?? defaultFieldResolver;
    field.resolve = (root, args, ctx: Context, info) => {
      if (ctx.viewer && !canWrite(ctx.viewer)) throw emailNotVerified();
      return resolve(root, args, ctx, info);
    };
  }
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__") || type === mutation) continue;
    for (const field of Object.values(type.getFields())) {
      if (!field.name.startsWith("viewerCan") || isOpen(field)) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      const cannot = isListType(getNullableType(field.type)) ? () => [] : () => false;
      field.resolve = (root, args, ctx: Context, info) =>
        ctx.viewer && !canWrite(ctx.viewer) ? cannot() : resolve(root, args, ctx, info);
    }
  }
  return schema;
}

const isOpen = (field: Pick<GraphQLFieldConfig<unknown, unknown>, "extensions">) =>
  field.extensions?.[OPEN_TO_UNCONFIRMED] === true;
