import type { GatewayExecutor, GatewayInterface } from "@apollo/server-gateway-interface";
import { type DocumentNode, type ExecutionResult, GraphQLError, type GraphQLSchema, printSchema } from "graphql";
import { type CompiledQuery, compileQuery, isCompiledQuery } from "graphql-jit";

// Compiled operations kept; a client sends a handful of distinct documents, so this bounds
// memory against someone sending endless unique queries.
const MAX_COMPILED = 500;

/**
 * Runs operations through graphql-jit, compiled once per document and cached, instead of
 * graphql-js's interpreter: the executor was the largest lever on this machine (see
 * shared/PERFORMANCE.md). Apollo Server's documented way to supply an executor is the gateway
 * interface; parsing, validation, limits, plugins and error formatting stay Apollo's.
 */
/**
 * graphql-jit's errors imitate GraphQLError but may lack `extensions`, which Apollo's error
 * pipeline reads; rebuilt as real GraphQLErrors, they reach our formatter with their cause.
 */
function asGraphQLError(error: GraphQLError, badVariables: boolean): GraphQLError {
  return new GraphQLError(error.message, {
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions: badVariables ? { code: "BAD_USER_INPUT" } : (error.extensions ?? {}),
  });
}

/**
 * Compiled operations by key (the operation's text and name), compiled on first use; null when
 * graphql-jit cannot compile the operation and the caller must answer with the result it gave.
 */
export function createCompiledOperations(schema: GraphQLSchema) {
  const compiled = new Map<string, CompiledQuery>();
  return (key: string, document: DocumentNode, operationName: string | null | undefined) => {
    let query = compiled.get(key);
    if (query) return query;
    const result = compileQuery(schema, document, operationName ?? undefined, {
      // graphql-jit's own JSON serialiser fails on the DateTimeISO scalar; Apollo stringifies.
      customJSONSerializer: false,
    });
    if (!isCompiledQuery(result)) return result;
    if (compiled.size >= MAX_COMPILED) compiled.delete(compiled.keys().next().value as string);
    query = result;
    compiled.set(key, query);
    return query;
  };
}

/** A compiled operation's result, its errors as real GraphQLErrors for our formatter. */
export async function runCompiled(
  query: CompiledQuery,
  root: unknown,
  context: unknown,
  variables: Record<string, unknown> | null | undefined,
): Promise<ExecutionResult> {
  const result = await query.query(root, context, variables ?? {});
  if (!result.errors) return result;
  // No data at all means execution never started: the variables did not fit the operation.
  const badVariables = result.data === undefined;
  return { ...result, errors: result.errors.map((e) => asGraphQLError(e, badVariables)) };
}

export function jitGateway(schema: GraphQLSchema): GatewayInterface {
  const compiledFor = createCompiledOperations(schema);

  const executor: GatewayExecutor = async (request) => {
    const query = compiledFor(
      `${request.queryHash}\u0000${request.operationName ?? ""}`,
      request.document,
      request.operationName,
    );
    if (!isCompiledQuery(query)) return query;
    return runCompiled(query, undefined, request.context, request.request.variables);
  };

  return {
    async load() {
      return { schema, executor };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => {};
    },
    async stop() {},
  };
}
