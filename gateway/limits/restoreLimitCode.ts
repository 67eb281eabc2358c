/**
 * At the error boundary (Apollo's `formatError`), gives the refusals made before validation their
 * own codes back:
 * - Apollo wraps every validation error, ours included, with code GRAPHQL_VALIDATION_FAILED; the
 *   original error (the rule's) keeps its code.
 * - The parser's token limit (`parse(source, { maxTokens })`, set through Apollo's `parseOptions`)
 *   aborts with a syntax error, which Apollo codes GRAPHQL_PARSE_FAILED. graphql-js gives it no code
 *   of its own, only this message (graphql 16 `Parser.advanceLexer`); a test pins it.
 * - The parser is recursive: a document nested a few thousand levels deep (well within the token
 *   limit) overflows its stack, which Apollo also reports as GRAPHQL_PARSE_FAILED.
 */
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ERRORS } from '../../schema/errors.ts';

const CODES_BEFORE_VALIDATION: ReadonlySet<unknown> = new Set([
  ERRORS.QUERY_TOO_LARGE.code, ERRORS.QUERY_TOO_DEEP.code, ERRORS.TOO_MANY_ALIASES.code,
  ERRORS.TOO_MANY_ROOT_FIELDS.code, ERRORS.TOO_MANY_DIRECTIVES.code, ERRORS.TOO_MANY_FIELDS.code,
  ERRORS.QUERY_TOO_COMPLEX.code, // nested introspection lists, refused with the structural caps
]);

// Sic: graphql 16 writes "more that N tokens".
const TOKEN_LIMIT = /^Syntax Error: Document contains more (?:than|that) (\d+) tokens\. Parsing aborted\.$/;

export function restoreLimitCode(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  if (!(error instanceof GraphQLError)) return formatted;
  const original = error.originalError;
  if (error.extensions['code'] === 'GRAPHQL_VALIDATION_FAILED' && original instanceof GraphQLError &&
      CODES_BEFORE_VALIDATION.has(original.extensions['code'])) {
    return { message: original.message, extensions: { ...original.extensions } };
  }
  if (error.extensions['code'] === 'GRAPHQL_PARSE_FAILED' && causedByStackOverflow(error)) {
    return {
      message: 'The document nests too deeply to be parsed; the depth limit is far below that.',
      extensions: { code: ERRORS.QUERY_TOO_DEEP.code },
    };
  }
  const tokens = error.extensions['code'] === 'GRAPHQL_PARSE_FAILED' ? TOKEN_LIMIT.exec(error.message) : null;
  if (tokens) {
    const max = Number(tokens[1]);
    return {
      message: `The document has more than ${max} tokens; the limit is ${max}. Parsing stopped there.`,
      extensions: { code: ERRORS.QUERY_TOO_LARGE.code, max, measured: max + 1 },
    };
  }
  return formatted;
}

function causedByStackOverflow(error: Error): boolean {
  for (let cause: unknown = error, hops = 0; cause instanceof Error && hops < 5; hops += 1) {
    if (cause instanceof RangeError) return true;
    cause = cause instanceof GraphQLError ? cause.originalError : cause.cause;
  }
  return false;
}
