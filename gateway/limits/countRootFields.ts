/**
 * How many root fields an operation selects, fragments at the root expanded: each root field of
 * the contract is a separate fan-out or routed request to the bureaus, planned on its own.
 */
import type { OperationDefinitionNode } from 'graphql';
import { foldSelections, type FragmentMap } from './foldSelections.ts';

export function countRootFields(fragments: FragmentMap, operation: OperationDefinitionNode): number {
  return foldSelections(fragments, operation.selectionSet, {
    empty: 0,
    join: (a, b) => a + b,
    field: () => 1,
    fragment: (_node, inner) => inner,
  }, 1);
}
