/**
 * How many field selections an operation holds, fragments expanded. It bounds "field duplication"
 * (`{ id id id … }` ten thousand times): execution merges the copies, but validation compares them
 * pairwise (OverlappingFieldsCanBeMergedRule), so the copies must be refused before validation.
 */
import type { OperationDefinitionNode } from 'graphql';
import { foldSelections, type FragmentMap } from './foldSelections.ts';

export function countFields(fragments: FragmentMap, operation: OperationDefinitionNode, maxLevel: number): number {
  return foldSelections(fragments, operation.selectionSet, {
    empty: 0,
    join: (a, b) => a + b,
    field: (_node, inner) => 1 + inner(),
    fragment: (_node, inner) => inner,
  }, maxLevel);
}
