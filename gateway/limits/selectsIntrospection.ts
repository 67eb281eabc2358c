/**
 * Whether an operation asks for the schema (`__schema` or `__type`, which exist only on the query
 * root: GraphQL spec §4.1), fragments at the root expanded. `__typename` is not introspection of the
 * schema: every client (Apollo Client's cache among them) adds it everywhere.
 */
import type { OperationDefinitionNode } from 'graphql';
import { foldSelections, type FragmentMap } from './foldSelections.ts';

export function selectsIntrospection(fragments: FragmentMap, operation: OperationDefinitionNode): boolean {
  return foldSelections(fragments, operation.selectionSet, {
    empty: false,
    join: (a, b) => a || b,
    field: (node) => node.name.value === '__schema' || node.name.value === '__type',
    fragment: (_node, inner) => inner,
  }, 1);
}
