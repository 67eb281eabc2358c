/**
 * The caps every operation must fit before the gateway plans it, and their defaults. Each default
 * leaves room for the real operations (the standard introspection query that GraphiQL sends nests
 * 15 levels and selects 227 fields; the IDE's examples nest at most 6, select at most 27 fields
 * and cost at most ~6100 over six bureaus) while refusing the OWASP GraphQL attacks in
 * milliseconds. loadGatewayConfig reads each from its ECOGRAPH_ variable.
 */
export interface OperationLimits {
  /** Fields on one path from the root, fragments expanded. @default 15 (ECOGRAPH_MAX_DEPTH; the introspection query's depth) */
  readonly maxDepth: number;
  /** Aliased fields, fragments expanded. @default 30 (ECOGRAPH_MAX_ALIASES) */
  readonly maxAliases: number;
  /** Root fields: each is a separate fan-out or routed request. @default 10 (ECOGRAPH_MAX_ROOT_FIELDS) */
  readonly maxRootFields: number;
  /** Directives in the operation, fragments expanded. @default 50 (ECOGRAPH_MAX_DIRECTIVES) */
  readonly maxDirectives: number;
  /** Directives on one field, fragment or spread. @default 4 (ECOGRAPH_MAX_DIRECTIVES_PER_FIELD) */
  readonly maxDirectivesPerField: number;
  /** Field selections, fragments expanded (bounds field duplication). @default 1000 (ECOGRAPH_MAX_FIELDS) */
  readonly maxFields: number;
  /** Lexical tokens; the parser stops at the limit. @default 15000 (ECOGRAPH_MAX_TOKENS) */
  readonly maxTokens: number;
  /** The document's size in UTF-8 bytes (comments and string literals are not tokens). @default 65536 (ECOGRAPH_MAX_DOCUMENT_BYTES) */
  readonly maxDocumentBytes: number;
  /** The estimated cost (estimateCost.ts). @default 200000 (ECOGRAPH_MAX_COST): the heaviest query of the e2e suite (100 cases × 6 bureaus, each case's enterprise with its cases and sources in every bureau) costs ~155 000 */
  readonly maxCost: number;
  /** The length the cost estimate assumes for a list without a page size. @default 10 (ECOGRAPH_COST_LIST_SIZE) */
  readonly listSize: number;
}

export const DEFAULT_OPERATION_LIMITS: OperationLimits = Object.freeze({
  maxDepth: 15,
  maxAliases: 30,
  maxRootFields: 10,
  maxDirectives: 50,
  maxDirectivesPerField: 4,
  maxFields: 1000,
  maxTokens: 15_000,
  maxDocumentBytes: 64 * 1024,
  maxCost: 200_000,
  listSize: 10,
});
