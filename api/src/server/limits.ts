import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from "@apollo/server";
import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesRule } from "@escape.tech/graphql-armor-max-directives";
import { GraphQLError, type GraphQLSchema, type ValidationContext, type ValidationRule } from "graphql";
import { queryTooComplex } from "../core/errors.js";
import { type CostRequest, createCostOf } from "./cost.js";

/** The abuse limits of DESIGN.md, in one place. */
export const LIMITS = {
  depth: 10,
  aliases: 15,
  directives: 20,
  cost: 2_500,
  bodyBytes: "100kb",
  wsPayloadBytes: 64 * 1024,
  /** Subscriptions open at once on one WebSocket; the web app holds a handful per page. */
  subscriptionsPerSocket: 100,
} as const;

// armor's rules report a plain GraphQLError; ours carries QUERY_TOO_COMPLEX instead.
const reject = (context: ValidationContext | null, error: GraphQLError) => {
  const message = error.message.replace(/^Syntax Error: /, "");
  context?.reportError(new GraphQLError(message, { originalError: queryTooComplex(message) }));
};
const armor = { propagateOnRejection: false, onReject: [reject] };

export const validationRules: ValidationRule[] = [
  maxDepthRule({ n: LIMITS.depth, ignoreIntrospection: true, flattenFragments: true, ...armor }),
  maxAliasesRule({ n: LIMITS.aliases, ...armor }),
  maxDirectivesRule({ n: LIMITS.directives, ...armor }),
];

/**
 * Cost: each field costs 1, a connection costs `first` times its node. Needs the variables,
 * so it runs once the operation is resolved rather than as a validation rule; the cost is
 * remembered per document and cost-relevant variables (cost.ts). One check for HTTP (the
 * plugin below) and the WebSocket (ws-operations.ts): the refusal of an operation over the
 * limit, or null.
 */
export function createCostLimit(schema: GraphQLSchema) {
  const costOf = createCostOf(schema);
  return (request: CostRequest): GraphQLError | null => {
    let cost: number;
    try {
      cost = costOf(request);
    } catch {
      return null; // bad variables: reported as BAD_USER_INPUT where they are coerced
    }
    if (cost <= LIMITS.cost) return null;
    const message = `Query cost ${cost} exceeds the limit of ${LIMITS.cost}. Ask for fewer items per page or fewer fields.`;
    return new GraphQLError(message, {
      originalError: queryTooComplex(message),
      extensions: { http: { status: 400 } },
    });
  };
}

export function costLimitPlugin(schema: GraphQLSchema): ApolloServerPlugin {
  const costLimit = createCostLimit(schema);
  // One hooks object for every request: nothing in it is per request.
  const hooks: GraphQLRequestListener<BaseContext> = {
    async didResolveOperation({ request, document, queryHash }) {
      const refusal = costLimit({
        documentKey: queryHash,
        document,
        operationName: request.operationName,
        variables: request.variables,
      });
      if (refusal) throw refusal;
    },
  };
  return {
    async requestDidStart() {
      return hooks;
    },
  };
}
