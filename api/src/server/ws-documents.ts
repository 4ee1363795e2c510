import {
  type DocumentNode,
  type ExecutionArgs,
  GraphQLError,
  type GraphQLSchema,
  getOperationAST,
  getVariableValues,
  NoSchemaIntrospectionCustomRule,
  parse,
  specifiedRules,
  validate,
} from "graphql";
import { LRUCache } from "lru-cache";
import { badInput, queryTooComplex } from "../core/errors.js";
import { createInputCheck } from "./input-text.js";
import { createCostLimit, validationRules } from "./limits.js";

// Distinct subscription documents kept; a client sends a handful, the bound is for strangers.
const MAX_DOCUMENTS = 500;

/** What a `subscribe` message carries (graphql-ws has checked the shape of each field). */
export type OperationPayload = {
  query: string;
  operationName?: string | null | undefined;
  variables?: Record<string, unknown> | null | undefined;
};

/**
 * Decides each operation sent over the WebSocket before anything runs, under exactly the rules
 * of HTTP (server/apollo.ts): graphql's rules plus the abuse limits of limits.ts, no
 * introspection in production, the input text check of input-text.ts, the same cost limit with
 * the variables. The socket carries
 * subscriptions only: queries and mutations go over HTTP, where their own limits apply.
 *
 * Answers the operation's arguments, or its errors: every refusal is a GraphQLError with a
 * code the error formatter keeps (BAD_USER_INPUT or QUERY_TOO_COMPLEX), for that operation
 * only, and nothing a client sends makes this throw (a throw would close the whole socket).
 *
 * graphql-ws would parse and validate every subscription's text on its own: 5,000 readers of a
 * thread held 5,000 copies of the same document (and the viewer-dependence check walked each).
 * Here one parsed document is kept per text and each document is validated once; documents
 * are never mutated, so sharing them is safe (Apollo's document store does the same over HTTP).
 */
export function operationGate(schema: GraphQLSchema, options: { production: boolean }) {
  const rules = [
    ...specifiedRules,
    ...validationRules,
    ...(options.production ? [NoSchemaIntrospectionCustomRule] : []),
  ];
  // A text that does not parse is remembered with its error: junk sent again costs a lookup.
  const documents = new LRUCache<string, DocumentNode | GraphQLError>({ max: MAX_DOCUMENTS });
  const verdicts = new WeakMap<DocumentNode, readonly GraphQLError[]>();
  // The cost cache's key for a document: its identity, not its (up to 64 KiB) text.
  const keys = new WeakMap<DocumentNode, string>();
  let nextKey = 0;
  const costLimit = createCostLimit(schema);
  const inputCheck = createInputCheck(schema);

  const parsed = (query: string): DocumentNode | GraphQLError => {
    let document = documents.get(query);
    if (!document) {
      try {
        document = parse(query);
      } catch (error) {
        document = requestError(error, "GRAPHQL_PARSE_FAILED", options.production);
      }
      documents.set(query, document);
    }
    return document;
  };

  const verdict = (document: DocumentNode) => {
    let errors = verdicts.get(document);
    if (!errors) {
      try {
        errors = validate(schema, document, rules).map((e) =>
          requestError(e, "GRAPHQL_VALIDATION_FAILED", options.production),
        );
      } catch {
        // Only a document nested deep enough to exhaust the stack gets here.
        errors = [domain(queryTooComplex("The operation is nested too deeply."))];
      }
      verdicts.set(document, errors);
    }
    return errors;
  };

  const keyOf = (document: DocumentNode) => {
    let key = keys.get(document);
    if (key === undefined) {
      key = `ws-${nextKey++}`;
      keys.set(document, key);
    }
    return key;
  };

  return (payload: OperationPayload): ExecutionArgs | readonly GraphQLError[] => {
    const document = parsed(payload.query);
    if (document instanceof GraphQLError) return [document];
    const invalid = verdict(document);
    if (invalid.length > 0) return invalid;

    const operationName = payload.operationName ?? undefined;
    const operation = getOperationAST(document, operationName);
    if (!operation) {
      return [
        domain(badInput("operationName", "The document holds no single operation to run: name one in operationName.")),
      ];
    }
    if (operation.operation !== "subscription") {
      return [
        domain(
          badInput(
            "query",
            `This WebSocket carries subscriptions only: send ${operation.operation === "query" ? "queries" : "mutations"} over HTTP POST /graphql.`,
          ),
        ),
      ];
    }

    const variables = payload.variables ?? {};
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables, { maxErrors: 10 });
    if (coerced.errors) return coerced.errors.map((e) => requestError(e, "BAD_USER_INPUT", options.production));

    const refusedInput = inputCheck(document, operation, variables);
    if (refusedInput) return [refusedInput];
    const tooCostly = costLimit({ documentKey: keyOf(document), document, operationName, variables });
    if (tooCostly) return [tooCostly];
    return { schema, document, operationName, variableValues: variables };
  };
}

export type OperationGate = ReturnType<typeof operationGate>;

/** A service-style refusal, carried as the GraphQLError graphql-ws expects. */
const domain = (error: Error) => new GraphQLError(error.message, { originalError: error });

/**
 * graphql's own parse, validation and variable errors carry no code; over HTTP Apollo gives them
 * one, which the formatter turns into BAD_USER_INPUT. The same here. An abuse-limit rule's error
 * keeps its originalError (QUERY_TOO_COMPLEX). In production, as Apollo's
 * `hideSchemaDetailsFromClientErrors`, no "Did you mean …?" hints that would map the schema.
 */
function requestError(error: unknown, code: string, production: boolean): GraphQLError {
  if (!(error instanceof GraphQLError)) return new GraphQLError(String(error), { extensions: { code } });
  const message = production ? error.message.replace(/ ?Did you mean(.+?)\?$/, "") : error.message;
  return new GraphQLError(message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: { ...error.extensions, code },
  });
}
