import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from "@apollo/server";
import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesRule } from "@escape.tech/graphql-armor-max-directives";
import { GraphQLError, type GraphQLSchema, type ValidationContext, type ValidationRule } from "graphql";
import { queryTooComplex } from "../core/errors.js";
import { createCostOf } from "./cost.js";

/** The abuse limits of DESIGN.md, in one place. */
export const LIMITS = {
  depth: 10,
  aliases: 15,
  directives: 20,
  cost: 2_500,
  bodyBytes: "100kb",
  wsPayloadBytes: 64 * 1024,
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
 * remembered per document and cost-relevant variables (cost.ts).
 */
export function costLimitPlugin(schema: GraphQLSchema): ApolloServerPlugin {
  const costOf = createCostOf(schema);
  // One hooks object for every request: nothing in it is per request.
  const hooks: GraphQLRequestListener<BaseContext> = {
    async didResolveOperation({ request, document, queryHash }) {
      let cost: number;
      try {
        cost = costOf({
          documentKey: queryHash,
          document,
          operationName: request.operationName,
          variables: request.variables,
        });
      } catch {
        return; // bad variables: execution reports them as BAD_USER_INPUT
      }
      if (cost > LIMITS.cost) {
        const message = `Query cost ${cost} exceeds the limit of ${LIMITS.cost}. Ask for fewer items per page or fewer fields.`;
        throw new GraphQLError(message, {
          originalError: queryTooComplex(message),
          extensions: { http: { status: 400 } },
        });
      }
    },
  };
  return {
    async requestDidStart() {
      return hooks;
    },
  };
}
