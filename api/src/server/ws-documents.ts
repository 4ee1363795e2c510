import { type DocumentNode, type GraphQLError, type GraphQLSchema, parse, type Source, validate } from "graphql";
import { LRUCache } from "lru-cache";

// Distinct subscription documents kept; a client sends a handful, the bound is for strangers.
const MAX_DOCUMENTS = 500;

/**
 * graphql-ws parses and validates every subscription's text on its own: 5,000 readers of a
 * thread held 5,000 copies of the same document (and the viewer-dependence check walked each).
 * These hand graphql-ws one parsed document per text and validate each document once; documents
 * are never mutated, so sharing them is safe (Apollo's document store does the same over HTTP).
 */
export function documentCache() {
  const documents = new LRUCache<string, DocumentNode>({ max: MAX_DOCUMENTS });
  const verdicts = new WeakMap<DocumentNode, readonly GraphQLError[]>();
  return {
    parse(source: string | Source): DocumentNode {
      if (typeof source !== "string") return parse(source);
      let document = documents.get(source);
      if (!document) {
        document = parse(source); // a syntax error throws, as graphql-ws expects
        documents.set(source, document);
      }
      return document;
    },
    validate(schema: GraphQLSchema, document: DocumentNode): readonly GraphQLError[] {
      let errors = verdicts.get(document);
      if (!errors) {
        errors = validate(schema, document);
        verdicts.set(document, errors);
      }
      return errors;
    },
  };
}
