/**
 * How many aliased fields an operation asks for, fragments expanded: each alias makes the gateway
 * resolve (and fan out) the field once more, so aliases multiply work the way a list does
 * ("alias overloading": `a1: stations … a1000: stations`).
 */
import type { OperationDefinitionNode } from 'graphql';
import { foldSelections, type FragmentMap } from './foldSelections.ts';

export function countAliases(fragments: FragmentMap, operation: OperationDefinitionNode, maxLevel: number): number {
  return foldSelections(fragments, operation.selectionSet, {
    empty: 0,
    join: (a, b) => a + b,
    field: (node, inner) => (node.alias ? 1 : 0) + inner(),
    fragment: (_node, inner) => inner,
  }, maxLevel);
}
