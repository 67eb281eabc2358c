/**
 * How deep an operation nests: the most fields on one path from the root, fragments expanded
 * (`{ stations { edges { node { id } } } }` is 4). Introspection fields count like any other, so
 * `__schema { types { fields { type { ofType … } } } }` is bounded too.
 */
import type { OperationDefinitionNode } from 'graphql';
import { foldSelections, type FragmentMap } from './foldSelections.ts';

/** The depth, or `cap` when the operation nests `cap` levels or more (the walk stops there). */
export function measureDepth(fragments: FragmentMap, operation: OperationDefinitionNode, cap: number): number {
  return foldSelections(fragments, operation.selectionSet, {
    empty: 0,
    join: Math.max,
    field: (_node, inner) => 1 + inner(),
    fragment: (_node, inner) => inner,
  }, cap);
}
