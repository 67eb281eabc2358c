/**
 * The queries Apollo Server has already answered cleanly, by their exact text: what its pipeline
 * works out per document on every request (the SHA-256 of the text, the parsed and validated
 * document from its cache, the operation an `operationName` picks), kept so that the known-operation
 * path (createKnownOperationPath.ts) can answer the same query again without that pipeline.
 *
 * Filled only from Apollo's own answers (recordKnownOperations.ts), for the schema they were
 * answered with: the schema Apollo serves changing forgets every document, so nothing validated
 * against an older schema is run against a newer one.
 */
import { LRUCache } from 'lru-cache';
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { okOutcome, type RequestOutcome } from '../request/readOutcome.ts';

/** What Apollo resolved for one query text and operationName. */
export interface KnownOperation {
  readonly schema: GraphQLSchema;
  readonly document: DocumentNode;
  readonly queryHash: string;
  readonly operation: OperationDefinitionNode;
  /** The operation's own name (Apollo's `operationName` of the request context), null when anonymous. */
  readonly operationName: string | null;
  /** What the metrics and the log line record of an answer without error, worked out once. */
  readonly outcome: RequestOutcome;
}

interface KnownDocument {
  readonly document: DocumentNode;
  /** By the request's operationName (null when it sent none). */
  readonly operations: Map<string | null, KnownOperation>;
}

/** Documents kept (Apollo's own document cache holds about as many of the usual size). */
const MAX_DOCUMENTS = 1_000;
/** Longer texts are not kept: a client sending ever-new large documents cannot grow the cache past ~16 MB. */
const MAX_QUERY_CHARS = 16_384;
/** Operation names per document: a document rarely holds more; more are answered by Apollo. */
const MAX_OPERATIONS = 16;

export class KnownOperations {
  #schema: object | null = null;
  readonly #documents = new LRUCache<string, KnownDocument>({ max: MAX_DOCUMENTS });

  /** Apollo loaded (or reloaded) its schema: documents of any other schema are forgotten. */
  useSchema(schema: GraphQLSchema): void {
    if (schema === this.#schema) return;
    this.#schema = schema;
    this.#documents.clear();
  }

  /** Keeps what Apollo resolved for a query it answered; ignored unless `schema` is the one Apollo serves now. */
  record(
    query: string, operationName: string | null, schema: GraphQLSchema,
    resolved: Pick<KnownOperation, 'document' | 'queryHash' | 'operation'>,
  ): void {
    if (schema !== this.#schema || query.length > MAX_QUERY_CHARS) return;
    let known = this.#documents.get(query);
    if (known?.document !== resolved.document) {
      known = { document: resolved.document, operations: new Map() };
      this.#documents.set(query, known);
    }
    if (known.operations.size < MAX_OPERATIONS || known.operations.has(operationName)) {
      known.operations.set(operationName, {
        schema, ...resolved, operationName: resolved.operation.name?.value ?? null, outcome: okOutcome(resolved.operation),
      });
    }
  }

  /** What Apollo resolved for this text and operationName under the schema it serves now, if it answered them before. */
  find(query: string, operationName: string | null): KnownOperation | undefined {
    return this.#documents.get(query)?.operations.get(operationName);
  }
}
