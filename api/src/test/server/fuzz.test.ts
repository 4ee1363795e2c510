import { communityMemberships, notifications } from "@pratica/db";
import { and, eq } from "drizzle-orm";
import {
  buildClientSchema,
  type GraphQLField,
  type GraphQLFormattedError,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  getIntrospectionQuery,
  getNamedType,
  type IntrospectionQuery,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
} from "graphql";
import { type Client, createClient } from "graphql-ws";
import { beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { gql } from "../client.js";
import { buildCast, buildDocument, buildOrganization, type Cast, mustOk } from "../deliverable/setup.js";
import { buildPost, buildResource, buildThread } from "../factories.js";
import { useTestServer } from "../fixture.js";

/**
 * Malformed arguments to every field that takes arguments — every Query and Mutation field, the
 * fields with arguments below them, every Subscription field over the WebSocket — built from
 * the schema itself (introspected from the running test server), as an ordinary member and
 * anonymously: no answer may be INTERNAL_SERVER_ERROR, no socket may close, and the server is
 * healthy at the end. Deterministic: fixed cases, random uuids from a seeded generator.
 */

// --- values -------------------------------------------------------------------------------

function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = seeded(11);
const hex = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join("");
const randomUuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
// Below the 100 kB body limit with the rest of the request.
const BIG = "x".repeat(60_000);
const CURSOR_NAMES = new Set(["after", "before", "upTo"]);

type Bad = { label: string; value: unknown };

const FORGED_CURSORS: Bad[] = [
  { label: "empty cursor", value: "" },
  { label: "junk cursor", value: "%%%" },
  { label: "keyset cursor, id not a uuid", value: b64(["2026-01-01T00:00:00.000Z", "x"]) },
  { label: "keyset cursor, date beyond PostgreSQL", value: b64(["+275760-09-13T00:00:00.000Z", randomUuid()]) },
  { label: "sorted cursor, wrong key type", value: b64([false, "not a date", randomUuid()]) },
  { label: "sorted cursor, count over int4", value: b64([false, 2 ** 31, randomUuid()]) },
  { label: "search cursor, rank over real", value: b64([1e39, "THREAD", randomUuid()]) },
  { label: "sequence cursor over int4", value: "2147483648" },
  { label: "negative sequence cursor", value: "-1" },
];

/** Malformed values for one argument or input field of the given type. */
function malformed(type: GraphQLInputType, name: string): Bad[] {
  const inner = isNonNullType(type) ? type.ofType : type;
  // null is a fine value where the type allows it.
  const out: Bad[] = isNonNullType(type) ? [{ label: "null", value: null }] : [];
  if (isListType(inner)) {
    const element = malformed(inner.ofType, name);
    out.push(
      { label: "empty list", value: [] },
      { label: "object for list", value: { a: 1 } },
      ...element.slice(0, 6).map((b) => ({ label: `[${b.label}]`, value: [b.value] })),
    );
    return out;
  }
  if (isInputObjectType(inner)) {
    out.push(
      { label: "empty object", value: {} },
      { label: "string for object", value: "x" },
      { label: "list for object", value: [] },
    );
    return out;
  }
  if (isEnumType(inner)) {
    out.push(
      { label: "unknown enum value", value: "NOT_A_VALUE" },
      { label: "empty enum value", value: "" },
      { label: "lower-case enum value", value: (inner.getValues()[0]?.name ?? "x").toLowerCase() },
      { label: "number for enum", value: 1 },
    );
    return out;
  }
  switch (inner.name) {
    case "ID":
      out.push(
        { label: "empty id", value: "" },
        { label: "id not a uuid", value: "not-a-uuid" },
        { label: "id with NUL", value: `${randomUuid()}\u0000` },
        { label: "random uuid", value: randomUuid() },
        { label: "nil uuid", value: "00000000-0000-0000-0000-000000000000" },
        { label: "int id", value: 12 },
        { label: "huge id", value: BIG },
        { label: "object for id", value: { id: 1 } },
      );
      break;
    case "String":
      if (CURSOR_NAMES.has(name)) out.push(...FORGED_CURSORS);
      out.push(
        { label: "empty string", value: "" },
        { label: "NUL", value: "\u0000" },
        { label: "NUL inside", value: "text\u0000more" },
        { label: "bell", value: "ring\u0007" },
        { label: "zero-width only", value: "\u200B\u200B\u200B" },
        { label: "spaces only", value: "    " },
        { label: "60 kB", value: BIG },
        { label: "lone surrogate", value: "\uD800x" },
        { label: "number for string", value: 42 },
        { label: "list for string", value: ["a"] },
      );
      break;
    case "Int":
      out.push(
        { label: "negative", value: -1 },
        { label: "zero", value: 0 },
        { label: "int4 max", value: 2 ** 31 - 1 },
        { label: "int4 min", value: -(2 ** 31) },
        { label: "over Int", value: 2 ** 31 },
        { label: "fraction", value: 1.5 },
        { label: "string for int", value: "1" },
      );
      break;
    case "Float":
      out.push({ label: "huge float", value: 1e308 }, { label: "string for float", value: "x" });
      break;
    case "Boolean":
      out.push({ label: "string for boolean", value: "true" }, { label: "number for boolean", value: 0 });
      break;
    default:
      out.push(
        { label: "empty scalar", value: "" },
        { label: "junk scalar", value: "not a value" },
        { label: "date beyond PostgreSQL", value: "+275760-09-13T00:00:00.000Z" },
        { label: "number for scalar", value: 5 },
      );
  }
  return out;
}

// --- valid-ish baselines --------------------------------------------------------------------

/** Real ids from the setup, by argument name (and, for `id`, by the field's name). */
type Ids = Record<string, string>;
let ids: Ids = {};
let communitySlug = "";

function baseline(type: GraphQLInputType, name: string, field: string): unknown {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    const singular = name.replace(/Ids$/, "Id");
    return [baseline(inner.ofType, singular, field)];
  }
  if (isInputObjectType(inner)) {
    const value: Record<string, unknown> = {};
    for (const f of Object.values(inner.getFields())) {
      if (isNonNullType(f.type) && f.defaultValue === undefined) value[f.name] = baseline(f.type, f.name, field);
    }
    return value;
  }
  if (isEnumType(inner)) return inner.getValues()[0]?.name;
  switch (inner.name) {
    case "ID":
      return ids[name === "id" ? `${field}:id` : name] ?? ids[name] ?? randomUuid();
    case "Int":
      return name === "first" ? 5 : 1;
    case "Float":
      return 1.5;
    case "Boolean":
      return true;
    case "String":
      if (name === "slug") return communitySlug;
      if (name === "email") return "fuzz@example.org";
      if (name === "url") return "https://example.org/guide";
      if (name === "query" || name === "prefix") return "manifesto";
      if (name === "password") return "correct horse battery";
      return "Fuzzing text value";
    default:
      return "2026-01-01T00:00:00.000Z";
  }
}

// --- operations -----------------------------------------------------------------------------

type Step = { field: GraphQLField<unknown, unknown>; on?: string };
type Case = {
  label: string;
  query: string;
  variables: Record<string, unknown>;
  kind: "query" | "mutation" | "subscription";
};

const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/** A value as a GraphQL literal of the given type (enum values bare when they can be). */
function literal(type: GraphQLInputType | null, value: unknown): string {
  const inner = type && isNonNullType(type) ? type.ofType : type;
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) {
    return `[${value.map((v) => literal(inner && isListType(inner) ? inner.ofType : null, v)).join(", ")}]`;
  }
  if (inner && isListType(inner)) return literal(inner.ofType, value);
  if (typeof value === "object") {
    const fields = inner && isInputObjectType(inner) ? inner.getFields() : {};
    const parts = Object.entries(value).map(([k, v]) => `${k}: ${literal(fields[k]?.type ?? null, v)}`);
    return `{${parts.join(", ")}}`;
  }
  if (inner && isEnumType(inner) && typeof value === "string" && NAME.test(value)) return value;
  return JSON.stringify(value);
}

const selectionOf = (type: GraphQLNamedType) => (isLeafType(type) ? "" : " { __typename }");

/** The document for `target` reached through `path` (baseline arguments inline), `args` as given. */
function operation(
  kind: Case["kind"],
  path: Step[],
  target: GraphQLField<unknown, unknown>,
  args: Record<string, { value: unknown; inline: boolean }>,
): Omit<Case, "label"> {
  const definitions: string[] = [];
  const variables: Record<string, unknown> = {};
  const argText = Object.entries(args)
    .map(([name, { value, inline }]) => {
      const arg = target.args.find((a) => a.name === name);
      if (!arg) return "";
      if (inline) return `${name}: ${literal(arg.type, value)}`;
      definitions.push(`$${name}: ${String(arg.type)}`);
      variables[name] = value;
      return `${name}: $${name}`;
    })
    .filter(Boolean)
    .join(", ");
  let body = `${target.name}${argText ? `(${argText})` : ""}${selectionOf(getNamedType(target.type))}`;
  for (const step of [...path].reverse()) {
    const stepArgs = step.field.args
      .filter((a) => isNonNullType(a.type) && a.defaultValue === undefined)
      .map((a) => `${a.name}: ${literal(a.type, baseline(a.type, a.name, step.field.name))}`)
      .join(", ");
    const inner = step.on ? `... on ${step.on} { ${body} }` : body;
    body = `${step.field.name}${stepArgs ? `(${stepArgs})` : ""} { ${inner} }`;
  }
  const header = definitions.length ? `(${definitions.join(", ")})` : "";
  return { kind, query: `${kind}${header} { ${body} }`, variables };
}

/** Sets `value` at `path` inside a copy of `root`. */
function setAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const copy = (Array.isArray(root) ? [...root] : { ...(root && typeof root === "object" ? root : {}) }) as Record<
    string | number,
    unknown
  >;
  copy[head] = setAt(copy[head], rest, value);
  return copy;
}

/** Every place inside an argument a malformed value can go: the argument, its input fields, theirs. */
function placesIn(
  type: GraphQLInputType,
  name: string,
  depth = 0,
): { path: (string | number)[]; type: GraphQLInputType; name: string }[] {
  const places: { path: (string | number)[]; type: GraphQLInputType; name: string }[] = [{ path: [], type, name }];
  if (depth > 2) return places;
  let inner = isNonNullType(type) ? type.ofType : type;
  const prefix: (string | number)[] = [];
  if (isListType(inner)) {
    prefix.push(0);
    inner = isNonNullType(inner.ofType) ? inner.ofType.ofType : inner.ofType;
  }
  if (isInputObjectType(inner)) {
    for (const f of Object.values(inner.getFields())) {
      for (const p of placesIn(f.type, f.name, depth + 1)) places.push({ ...p, path: [...prefix, f.name, ...p.path] });
    }
  }
  return places;
}

/** Malformed cases for one field: each place, each bad value, as a variable and (strings, ids) inline. */
function casesFor(kind: Case["kind"], path: Step[], target: GraphQLField<unknown, unknown>, label: string): Case[] {
  const cases: Case[] = [];
  const base = Object.fromEntries(
    target.args
      .filter((a) => isNonNullType(a.type) && a.defaultValue === undefined)
      .map((a) => [a.name, baseline(a.type, a.name, target.name)]),
  );
  for (const arg of target.args) {
    for (const place of placesIn(arg.type, arg.name)) {
      for (const bad of malformed(place.type, place.name)) {
        const argValue = setAt(
          base[arg.name] ?? (place.path.length ? baseline(arg.type, arg.name, target.name) : undefined),
          place.path,
          bad.value,
        );
        const where = [arg.name, ...place.path].join(".");
        for (const inline of typeof bad.value === "string" ? [false, true] : [false]) {
          const args = Object.fromEntries(
            Object.entries({ ...base, [arg.name]: argValue }).map(([k, v]) => [
              k,
              { value: v, inline: inline && k === arg.name },
            ]),
          );
          cases.push({
            label: `${label} ${where}=${bad.label}${inline ? " (inline)" : ""}`,
            ...operation(kind, path, target, args),
          });
        }
      }
    }
  }
  return cases;
}

/** Fields with arguments below Query, each with the shortest path to it (baseline arguments). */
function nestedTargets(schema: GraphQLSchema): { path: Step[]; field: GraphQLField<unknown, unknown>; type: string }[] {
  const query = schema.getQueryType() as GraphQLObjectType;
  const seen = new Set<string>([query.name]);
  const targets: { path: Step[]; field: GraphQLField<unknown, unknown>; type: string }[] = [];
  let frontier: { type: GraphQLObjectType; path: Step[] }[] = [{ type: query, path: [] }];
  while (frontier.length) {
    const next: typeof frontier = [];
    for (const { type, path } of frontier) {
      for (const field of Object.values(type.getFields())) {
        if (path.length > 0 && field.args.length > 0) targets.push({ path, field, type: type.name });
        const named = getNamedType(field.type);
        const reachable = isObjectType(named)
          ? [{ object: named, on: undefined as string | undefined }]
          : isInterfaceType(named) || isUnionType(named)
            ? schema.getPossibleTypes(named).map((object) => ({ object, on: object.name as string | undefined }))
            : [];
        for (const { object, on } of reachable) {
          if (seen.has(object.name) || path.length >= 4) continue;
          seen.add(object.name);
          // The type condition belongs to the step into the abstract type.
          next.push({ type: object, path: [...path, { field, ...(on ? { on } : {}) }] });
        }
      }
    }
    frontier = next;
  }
  return targets;
}

// --- the run --------------------------------------------------------------------------------

type Outcome = {
  label: string;
  query: string;
  variables: Record<string, unknown>;
  errors: readonly GraphQLFormattedError[];
};
const internal = (errors: readonly GraphQLFormattedError[] | undefined) =>
  (errors ?? []).some((e) => e.extensions?.code === "INTERNAL_SERVER_ERROR");
const describeFailures = (failures: Outcome[]) =>
  failures
    .slice(0, 40)
    .map((f) => `${f.label}\n    ${f.query.slice(0, 300)}\n    ${JSON.stringify(f.variables).slice(0, 300)}`)
    .join("\n");

const server = useTestServer();
let cast: Cast;
let schema: GraphQLSchema;
beforeAll(async () => {
  cast = await buildCast(server);
  communitySlug = cast.community.slug;
  const doc = await buildDocument(server, cast, "REVIEW");
  const section = doc.sections[0] as { id: string };
  const thread = await buildThread(server.db, cast.community, cast.member, { title: "Manifesto thread" });
  const post = await buildPost(server.db, thread, cast.editor, "About the manifesto");
  await mustOk(
    gql(
      server.url,
      `mutation($i: AddPostInput!) { addPost(input: $i) { id } }`,
      { i: { threadId: thread.id, body: "A reply for the member" } },
      { token: cast.editor.token },
    ),
  );
  const resource = await buildResource(server.db, cast.community, cast.editor, { status: "PUBLISHED" });
  const amendment = await mustOk(
    gql(
      server.url,
      `mutation($i: ProposeAmendmentInput!) { proposeAmendment(input: $i) { id } }`,
      { i: { sectionId: section.id, body: "A better preamble.", rationale: "Clearer." } },
      { token: cast.member.token },
    ),
  );
  const comment = await mustOk(
    gql(
      server.url,
      `mutation($i: AddDeliverableCommentInput!) { addDeliverableComment(input: $i) { id } }`,
      { i: { sectionId: section.id, body: "A remark" } },
      { token: cast.member.token },
    ),
  );
  const path = await mustOk(
    gql(
      server.url,
      `mutation($i: CreateLearningPathInput!) { createLearningPath(input: $i) { id version } }`,
      { i: { communityId: cast.community.id, title: "A path" } },
      { token: cast.facilitator.token },
    ),
  );
  const pathId = path.data?.createLearningPath.id as string;
  const step = await mustOk(
    gql(
      server.url,
      `mutation($i: AddPathStepInput!) { addPathStep(input: $i) { steps { id } } }`,
      { i: { pathId, resourceId: resource.id, expectedVersion: path.data?.createLearningPath.version } },
      { token: cast.facilitator.token },
    ),
  );
  const organization = await buildOrganization(server, cast.member);
  const [membership] = await server.db
    .select()
    .from(communityMemberships)
    .where(
      and(eq(communityMemberships.userId, cast.member.id), eq(communityMemberships.communityId, cast.community.id)),
    );
  const [notification] = await server.db.select().from(notifications).where(eq(notifications.userId, cast.member.id));
  ids = {
    communityId: cast.community.id,
    deliverableId: doc.id,
    sectionId: section.id,
    editingSectionId: section.id,
    threadId: thread.id,
    postId: post.id,
    replyToId: post.id,
    resourceId: resource.id,
    amendmentId: amendment.data?.proposeAmendment.id,
    commentId: comment.data?.addDeliverableComment.id,
    parentId: comment.data?.addDeliverableComment.id,
    pathId,
    stepId: step.data?.addPathStep.steps[0]?.id,
    organizationId: organization.id,
    userId: cast.coEditor.id,
    membershipId: membership?.id ?? "",
    "thread:id": thread.id,
    "deliverable:id": doc.id,
    "resource:id": resource.id,
    "learningPath:id": pathId,
    "markNotificationRead:id": notification?.id ?? "",
  };
  const introspection = await gql<IntrospectionQuery>(server.url, getIntrospectionQuery());
  schema = buildClientSchema(introspection.data as IntrospectionQuery);
}, 60_000);

// Fields a member's own request would end for the rest of the run.
const SKIP = new Set(["logout"]);

function httpCases(): Case[] {
  const cases: Case[] = [];
  for (const [kind, root] of [
    ["query", schema.getQueryType()],
    ["mutation", schema.getMutationType()],
  ] as const) {
    for (const field of Object.values(root?.getFields() ?? {})) {
      if (!SKIP.has(field.name)) cases.push(...casesFor(kind, [], field, `${root?.name}.${field.name}`));
    }
  }
  for (const { path, field, type } of nestedTargets(schema)) {
    cases.push(...casesFor("query", path, field, `${type}.${field.name}`));
  }
  return cases;
}

async function runHttp(cases: Case[], token: string | undefined): Promise<{ failures: Outcome[]; sent: number }> {
  const failures: Outcome[] = [];
  // A few at a time: the server and PGlite take them in turn anyway, the HTTP round trips overlap.
  const queue = [...cases];
  const worker = async () => {
    for (let c = queue.shift(); c; c = queue.shift()) {
      const res = await gql(server.url, c.query, c.variables, { token });
      if (res.status >= 500 || internal(res.errors)) failures.push({ ...c, errors: res.errors ?? [] });
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return { failures, sent: cases.length };
}

/**
 * One operation over the socket: its errors, "closed" when the socket went away instead, or
 * "accepted" when a malformed subscription was taken (no answer within a generous bound: a
 * refusal comes at once, so the bound only turns a wrongly accepted case into a clear failure).
 */
function overSocket(client: Client, c: Case): Promise<readonly GraphQLFormattedError[] | "closed" | "accepted"> {
  return new Promise((resolve) => {
    const errors: GraphQLFormattedError[] = [];
    const bound = setTimeout(() => {
      stop();
      resolve("accepted");
    }, 5_000);
    const done = (outcome: readonly GraphQLFormattedError[] | "closed") => {
      clearTimeout(bound);
      resolve(outcome);
    };
    const stop = client.subscribe(
      { query: c.query, variables: c.variables },
      {
        next: (result) => errors.push(...(result.errors ?? [])),
        error: (error) => done(Array.isArray(error) ? error : "closed"),
        complete: () => done(errors),
      },
    );
  });
}

describe("fuzz", () => {
  it("no malformed argument to any field over HTTP is an internal error, for a member and anonymously", async () => {
    const cases = httpCases();
    expect(cases.length).toBeGreaterThan(1000);
    const member = await runHttp(cases, cast.member.token);
    // Anonymously every other case: most stop at UNAUTHENTICATED, the rest read public data.
    const anonymous = await runHttp(
      cases.filter((_, i) => i % 2 === 0),
      undefined,
    );
    const failures = [...member.failures, ...anonymous.failures];
    expect(failures.length, `${failures.length} internal errors:\n${describeFailures(failures)}`).toBe(0);

    const health = await fetch(server.url.replace("/graphql", "/healthz"));
    expect(health.status).toBe(200);
    const viewer = await gql(server.url, `{ viewer { id } }`, {}, { token: cast.member.token });
    expect(viewer.data?.viewer).toEqual({ id: cast.member.id });
  }, 120_000);

  it("no malformed subscription, query or mutation over the WebSocket is an internal error or closes it", async () => {
    const subscription = schema.getSubscriptionType();
    // Event ids are bigints: 2^31 is a fine cursor there, and the subscription rightly stays open.
    const subscriptions = Object.values(subscription?.getFields() ?? {})
      .flatMap((field) => casesFor("subscription", [], field, `Subscription.${field.name}`))
      .filter((c) => !c.label.includes("sequence cursor over int4"));
    // One malformed case per query and mutation field: the socket answers each with an error.
    const byField = new Map<string, Case>();
    for (const c of httpCases()) {
      const field = c.label.split(" ")[0] as string;
      if (!byField.has(field) && /^(Query|Mutation)\./.test(field)) byField.set(field, c);
    }
    const failures: Outcome[] = [];
    for (const token of [cast.member.token, undefined]) {
      // Not lazy: one socket for every case, which only the server could close.
      const client = createClient({
        url: server.wsUrl,
        webSocketImpl: WebSocket,
        connectionParams: token ? { authorization: `Bearer ${token}` } : {},
        retryAttempts: 0,
        lazy: false,
      });
      let closed = false;
      client.on("closed", () => {
        closed = true;
      });
      for (const c of [...subscriptions, ...byField.values()]) {
        const errors = await overSocket(client, c);
        if (typeof errors === "string" || internal(errors)) {
          failures.push({ ...c, errors: typeof errors === "string" ? [{ message: errors }] : errors });
        }
      }
      expect(closed).toBe(false);
      await client.dispose();
    }
    expect(failures.length, `${failures.length} failures:\n${describeFailures(failures)}`).toBe(0);
  }, 60_000);
});
