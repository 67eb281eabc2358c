/**
 * The structural caps of a document, checked in a fixed order (size, then per operation: depth,
 * aliases, root fields, directives, fields, introspection lists) so one document always gets the
 * same refusal. Every
 * operation of the document must fit: which one runs is only known per request, and the check runs
 * once per document (validation results are cached by document).
 *
 * Returns the first refusal as a GraphQL error whose message gives the limit and what was
 * measured, with `extensions.max` and `extensions.measured`; null when the document fits.
 */
import { Kind, type DocumentNode, type GraphQLError, type OperationDefinitionNode } from 'graphql';
import { ERRORS } from '../../schema/errors.ts';
import { countAliases } from './countAliases.ts';
import { countDirectives } from './countDirectives.ts';
import { countFields } from './countFields.ts';
import { countIntrospectionLists, INTROSPECTION_LISTS } from './countIntrospectionLists.ts';
import { countRootFields } from './countRootFields.ts';
import { fragmentsOf } from './foldSelections.ts';
import { measureDepth } from './measureDepth.ts';
import type { OperationLimits } from './OperationLimits.ts';

export function checkOperationLimits(document: DocumentNode, limits: OperationLimits): GraphQLError | null {
  const body = document.loc?.source.body;
  const bytes = body === undefined ? 0 : Buffer.byteLength(body, 'utf8');
  if (bytes > limits.maxDocumentBytes) {
    return refuse(ERRORS.QUERY_TOO_LARGE, `The document is ${bytes} bytes; the limit is ${limits.maxDocumentBytes}.`, limits.maxDocumentBytes, bytes);
  }
  const fragments = fragmentsOf(document);
  // Nothing below maxDepth + 1 is walked: enough to tell "too deep", and it bounds the recursion.
  const cap = limits.maxDepth + 1;
  for (const operation of document.definitions) {
    if (operation.kind !== Kind.OPERATION_DEFINITION) continue;
    const refusal = checkOperation(operation, fragments, limits, cap);
    if (refusal) return refusal;
  }
  return null;
}

function checkOperation(operation: OperationDefinitionNode, fragments: ReturnType<typeof fragmentsOf>, limits: OperationLimits, cap: number) {
  const which = operation.name ? `Operation "${operation.name.value}"` : 'The operation';
  const depth = measureDepth(fragments, operation, cap);
  if (depth > limits.maxDepth) {
    return refuse(ERRORS.QUERY_TOO_DEEP, `${which} nests ${depth >= cap ? `at least ${depth}` : depth} fields deep; the limit is ${limits.maxDepth}.`, limits.maxDepth, depth);
  }
  const aliases = countAliases(fragments, operation, cap);
  if (aliases > limits.maxAliases) {
    return refuse(ERRORS.TOO_MANY_ALIASES, `${which} has ${aliases} aliased fields (fragments expanded); the limit is ${limits.maxAliases}.`, limits.maxAliases, aliases);
  }
  const roots = countRootFields(fragments, operation);
  if (roots > limits.maxRootFields) {
    return refuse(ERRORS.TOO_MANY_ROOT_FIELDS, `${which} selects ${roots} root fields; the limit is ${limits.maxRootFields}.`, limits.maxRootFields, roots);
  }
  const directives = countDirectives(fragments, operation, cap);
  if (directives.mostOnOneNode > limits.maxDirectivesPerField) {
    return refuse(ERRORS.TOO_MANY_DIRECTIVES,
      `${which} puts ${directives.mostOnOneNode} directives on one field or fragment; the limit is ${limits.maxDirectivesPerField}.`,
      limits.maxDirectivesPerField, directives.mostOnOneNode);
  }
  if (directives.total > limits.maxDirectives) {
    return refuse(ERRORS.TOO_MANY_DIRECTIVES, `${which} has ${directives.total} directives (fragments expanded); the limit is ${limits.maxDirectives}.`,
      limits.maxDirectives, directives.total);
  }
  const fields = countFields(fragments, operation, cap);
  if (fields > limits.maxFields) {
    return refuse(ERRORS.TOO_MANY_FIELDS, `${which} selects ${fields} fields (fragments expanded); the limit is ${limits.maxFields}.`, limits.maxFields, fields);
  }
  for (const [name, count] of countIntrospectionLists(fragments, operation, cap)) {
    const allowed = INTROSPECTION_LISTS.get(name) ?? 0;
    if (count > allowed) {
      return refuse(ERRORS.QUERY_TOO_COMPLEX,
        `${which} names the introspection list "${name}" ${count} times; at most ${allowed} (as the standard introspection query does): ` +
        'nested introspection lists multiply the response by the size of the schema.', allowed, count);
    }
  }
  return null;
}

function refuse(code: (typeof ERRORS)[keyof typeof ERRORS], message: string, max: number, measured: number): GraphQLError {
  return code.err(message, { extensions: { max, measured } });
}
