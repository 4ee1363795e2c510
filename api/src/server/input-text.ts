import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from "@apollo/server";
import {
  BREAK,
  type DocumentNode,
  GraphQLError,
  type GraphQLInputType,
  type GraphQLSchema,
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type OperationDefinitionNode,
  TypeInfo,
  typeFromAST,
  visit,
  visitWithTypeInfo,
} from "graphql";
import { badInput, DomainError } from "../core/errors.js";
import { isUuid } from "../core/ids.js";

/**
 * What every request carries is checked here once, before any resolver runs, over HTTP (the
 * plugin below) and over the WebSocket (`refusedInput`, from the socket's operation gate):
 *
 * - No C0 control character but tab, line feed and carriage return, in any string: PostgreSQL
 *   refuses NUL in text (an internal error), and the others are never text a person typed.
 *   BAD_USER_INPUT with `field`, the variable's path (`i.title`) or the argument's (`input.title`).
 * - Every ID is a uuid: every id of the schema names a uuid row, so anything else names nothing.
 *   NOT_FOUND with `field`, as a well-formed id that names nothing is, before PostgreSQL's uuid
 *   cast would fail with an internal error.
 *
 * Both the operation's variables (walked with their declared types) and the document's literals
 * (inline arguments, variable defaults) are checked.
 */

// C0 controls other than tab (U+0009), line feed (U+000A) and carriage return (U+000D).
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly what is refused
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

const controlIn = (field: string) =>
  badInput(field, `${field} contains a control character (such as NUL) that text may not hold.`);
const noSuchId = (field: string) => new DomainError("NOT_FOUND", `Nothing has the id given as ${field}.`, { field });

const isIdType = (type: GraphQLInputType | null | undefined) => !!type && getNamedType(type).name === "ID";

/** A variable's value, walked along its declared type (unknown fields and wrong shapes are coercion's to refuse). */
function valueProblem(type: GraphQLInputType | undefined, value: unknown, field: string): DomainError | null {
  if (typeof value === "string") {
    if (CONTROL.test(value)) return controlIn(field);
    return isIdType(type) && !isUuid(value) ? noSuchId(field) : null;
  }
  // GraphQL's ID takes integers too; none is a uuid.
  if (typeof value === "number") return isIdType(type) ? noSuchId(field) : null;
  if (value === null || typeof value !== "object") return null;
  const inner = type && isNonNullType(type) ? type.ofType : type;
  if (Array.isArray(value)) {
    const item = inner && isListType(inner) ? (inner.ofType as GraphQLInputType) : inner;
    for (const [i, v] of value.entries()) {
      const problem = valueProblem(item, v, `${field}.${i}`);
      if (problem) return problem;
    }
    return null;
  }
  const fields = inner && isInputObjectType(inner) ? inner.getFields() : undefined;
  for (const [key, v] of Object.entries(value)) {
    const problem = valueProblem(fields?.[key]?.type, v, `${field}.${key}`);
    if (problem) return problem;
  }
  return null;
}

/** The first bad literal of a document: inline arguments and input fields, variable defaults. */
function literalProblem(schema: GraphQLSchema, document: DocumentNode): DomainError | null {
  const typeInfo = new TypeInfo(schema);
  const path: (string | number)[] = [];
  let problem: DomainError | null = null;
  const leave = () => {
    path.pop();
  };
  // A value inside a list is visited with its index as the key.
  const fieldOf = (key: string | number | undefined) => [...path, ...(typeof key === "number" ? [key] : [])].join(".");
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      VariableDefinition: {
        enter: (node) => {
          path.push(node.variable.name.value);
        },
        leave,
      },
      Argument: {
        enter: (node) => {
          path.push(node.name.value);
        },
        leave,
      },
      ObjectField: {
        enter: (node) => {
          path.push(node.name.value);
        },
        leave,
      },
      ObjectValue: {
        enter: (_node, key) => {
          if (typeof key === "number") path.push(key);
        },
        leave: (_node, key) => {
          if (typeof key === "number") path.pop();
        },
      },
      StringValue(node, key) {
        if (CONTROL.test(node.value)) problem = controlIn(fieldOf(key));
        else if (isIdType(typeInfo.getInputType()) && !isUuid(node.value)) problem = noSuchId(fieldOf(key));
        return problem ? BREAK : undefined;
      },
      IntValue(_node, key) {
        if (isIdType(typeInfo.getInputType())) problem = noSuchId(fieldOf(key));
        return problem ? BREAK : undefined;
      },
    }),
  );
  return problem;
}

/**
 * The check of a request's input: the refusal to answer for the operation (a GraphQLError
 * carrying the DomainError), or null. The document's literals are judged once per document
 * (Apollo's document store and the socket's gate share one parsed document per text), the
 * variables on every request.
 *
 * The WebSocket's operation gate calls it once the operation is known, before running it:
 * `const refused = inputCheck(document, operation, variables); if (refused) return [refused];`
 */
export function createInputCheck(schema: GraphQLSchema) {
  const literals = new WeakMap<DocumentNode, DomainError | null>();
  return (
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: Readonly<Record<string, unknown>> | null | undefined,
  ): GraphQLError | null => {
    let problem: DomainError | null = null;
    for (const definition of operation.variableDefinitions ?? []) {
      const name = definition.variable.name.value;
      const value = variables?.[name];
      if (value === undefined) continue;
      const type = typeFromAST(schema, definition.type) as GraphQLInputType | undefined;
      problem = valueProblem(type, value, name);
      if (problem) break;
    }
    if (!problem) {
      let literal = literals.get(document);
      if (literal === undefined) {
        literal = literalProblem(schema, document);
        literals.set(document, literal);
      }
      problem = literal;
    }
    return problem && new GraphQLError(problem.message, { originalError: problem });
  };
}

/** The check on every HTTP request, once Apollo has resolved the operation. */
export function inputTextPlugin(schema: GraphQLSchema): ApolloServerPlugin {
  const check = createInputCheck(schema);
  // One hooks object for every request: nothing in it is per request.
  const hooks: GraphQLRequestListener<BaseContext> = {
    async didResolveOperation({ document, operation, request }) {
      if (!operation) return; // Apollo refuses the request itself
      const refused = check(document, operation, request.variables);
      // Answered like the resolvers' own refusals it stands in for: with status 200.
      if (refused) {
        throw new GraphQLError(refused.message, {
          originalError: refused.originalError,
          extensions: { http: { status: 200 } },
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
