import {
  defaultFieldResolver,
  type GraphQLFieldConfig,
  type GraphQLSchema,
  getNullableType,
  isListType,
  isObjectType,
} from "graphql";
import type { Context } from "../../core/context.js";
import { OPEN_TO_RESTRICTED } from "../../core/open-to-restricted.js";
import { OPEN_TO_UNCONFIRMED } from "../../core/open-to-unconfirmed.js";
import { isSuspended, type Viewer } from "../../core/viewer.js";
import { accountRestricted, accountSuspended, canWrite, emailNotVerified, isRestricted } from "./user.policy.js";

/**
 * The one place `canWrite` and the platform restriction and suspension are enforced: every mutation
 * refuses an unconfirmed account (FORBIDDEN, reason EMAIL_NOT_VERIFIED), a suspended one (reason
 * SUSPENDED) and a restricted one (reason RESTRICTED), both with `until`, before its resolver runs, and every `viewerCan…` field answers
 * false for them (an empty list for the `viewerCan…For` lists of organisations), so the web's
 * buttons agree with the refusals without each policy knowing the rule.
 * Fields marked `@OpenToUnconfirmed()` are left alone for unconfirmed accounts, fields marked
 * `@OpenToRestricted()` for restricted ones; a `viewerCan…` field open to unconfirmed accounts
 * tells a reading ability, so it is open to restricted ones too.
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
    const openUnconfirmed = isOpen(field, OPEN_TO_UNCONFIRMED);
    const openRestricted = isOpen(field, OPEN_TO_RESTRICTED) || OPEN_TO_RESTRICTED_BY_NAME.has(field.name);
    if (openUnconfirmed && openRestricted) continue;
    const resolve = field.resolve ?? defaultFieldResolver;
    field.resolve = (root, args, ctx: Context, info) => {
      const viewer = ctx.viewer;
      if (viewer && !openUnconfirmed && !canWrite(viewer)) throw emailNotVerified();
      if (viewer && !openRestricted && viewer.suspendedUntil) throw accountSuspended(viewer.suspendedUntil);
      if (viewer && !openRestricted && isRestricted(viewer)) throw accountRestricted(viewer.restrictedUntil);
      return resolve(root, args, ctx, info);
    };
  }
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__") || type === mutation) continue;
    for (const field of Object.values(type.getFields())) {
      if (!field.name.startsWith("viewerCan") || isOpen(field, OPEN_TO_UNCONFIRMED)) continue;
      const openRestricted = isOpen(field, OPEN_TO_RESTRICTED) || OPEN_TO_RESTRICTED_BY_NAME.has(field.name);
      const resolve = field.resolve ?? defaultFieldResolver;
      const cannot = isListType(getNullableType(field.type)) ? () => [] : () => false;
      const refused = (viewer: Viewer) =>
        !canWrite(viewer) || (!openRestricted && (isRestricted(viewer) || isSuspended(viewer)));
      field.resolve = (root, args, ctx: Context, info) =>
        ctx.viewer && refused(ctx.viewer) ? cannot() : resolve(root, args, ctx, info);
    }
  }
  return schema;
}

/**
 * The moderation module's ways out of a restriction, open by name so that the rule that a
 * restriction never blocks an appeal holds whatever that module's decorators say.
 */
const OPEN_TO_RESTRICTED_BY_NAME: ReadonlySet<string> = new Set([
  "appealAction",
  "sendCaseMessage",
  "viewerCanAppeal",
  "viewerCanMessage",
]);

const isOpen = (field: Pick<GraphQLFieldConfig<unknown, unknown>, "extensions">, key: string) =>
  field.extensions?.[key] === true;
