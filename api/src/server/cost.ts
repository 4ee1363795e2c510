import { type ASTNode, type DocumentNode, type GraphQLSchema, TypeInfo, visit, visitWithTypeInfo } from "graphql";
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from "graphql-query-complexity";
import { LRUCache } from "lru-cache";

// Distinct (document, cost-relevant variables) pairs kept: clients send a handful of documents,
// and a page size is one of a few values; the bound is against a stranger sending endless ones.
const MAX_COSTS = 1_000;

export type CostRequest = {
  /** Identifies the document's text (Apollo's queryHash); the document itself may be re-parsed. */
  documentKey: string;
  document: DocumentNode;
  operationName: string | null | undefined;
  variables: Record<string, unknown> | undefined;
};

/**
 * The cost of an operation (each field 1, a connection `first` times its node), remembered per
 * document and the values of the variables the cost depends on. Computing it walks the whole
 * operation, ~5% of a thread page's CPU when done on every request; the thread page's `id`
 * variable does not change the cost, so every thread's page shares one entry.
 *
 * Throws what graphql-query-complexity throws for variables that do not fit the operation.
 */
export function createCostOf(schema: GraphQLSchema) {
  const estimators = [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })];
  const relevantByDocument = new WeakMap<DocumentNode, string[]>();
  const costs = new LRUCache<string, number>({ max: MAX_COSTS });

  const relevantVariables = (document: DocumentNode) => {
    let names = relevantByDocument.get(document);
    if (!names) {
      names = costVariables(schema, document);
      relevantByDocument.set(document, names);
    }
    return names;
  };

  return (request: CostRequest): number => {
    const variables = request.variables ?? {};
    const values = relevantVariables(request.document).map((name) => variables[name] ?? null);
    const key = `${request.documentKey}\u0000${request.operationName ?? ""}\u0000${JSON.stringify(values)}`;
    let cost = costs.get(key);
    if (cost === undefined) {
      cost = getComplexity({
        schema,
        query: request.document,
        variables,
        operationName: request.operationName ?? undefined,
        estimators,
      });
      costs.set(key, cost);
    }
    return cost;
  };
}

/**
 * Variables that can change the cost: those passed to a field whose complexity is computed from
 * its arguments (a connection's `first`), and those of directives (`@include(if: $x)` prunes a
 * subtree). Every other variable (an id, a cursor) leaves the cost as it is.
 */
export function costVariables(schema: GraphQLSchema, document: DocumentNode): string[] {
  const typeInfo = new TypeInfo(schema);
  const names = new Set<string>();
  const collect = (node: ASTNode) =>
    visit(node, {
      Variable(variable) {
        names.add(variable.name.value);
      },
    });
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Directive(directive) {
        for (const argument of directive.arguments ?? []) collect(argument.value);
      },
      Field(field) {
        if (typeof typeInfo.getFieldDef()?.extensions?.complexity !== "function") return;
        for (const argument of field.arguments ?? []) collect(argument.value);
      },
    }),
  );
  // Defaults of variable definitions are part of the document, hence of its key: nothing to add.
  return [...names].sort();
}
