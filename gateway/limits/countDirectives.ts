/**
 * Directives in an operation, fragments expanded: in all, and the most on one field, fragment or
 * spread. Repeating a directive (`@include(if: true)` a thousand times) costs validation and
 * execution per copy ("directive overloading"); UniqueDirectivesPerLocationRule would refuse the
 * copies only after walking them all.
 */
import type { OperationDefinitionNode } from 'graphql';
import { foldSelections, type FragmentMap } from './foldSelections.ts';

export interface DirectiveCount {
  /** Every directive in the operation (its own included), each expansion of a fragment counted. */
  readonly total: number;
  /** The most directives on one node. */
  readonly mostOnOneNode: number;
}

export function countDirectives(fragments: FragmentMap, operation: OperationDefinitionNode, maxLevel: number): DirectiveCount {
  const own = operation.directives?.length ?? 0;
  const node = (count: number, inner: DirectiveCount): DirectiveCount => ({
    total: count + inner.total,
    mostOnOneNode: Math.max(count, inner.mostOnOneNode),
  });
  const counted = foldSelections<DirectiveCount>(fragments, operation.selectionSet, {
    empty: { total: 0, mostOnOneNode: 0 },
    join: (a, b) => ({ total: a.total + b.total, mostOnOneNode: Math.max(a.mostOnOneNode, b.mostOnOneNode) }),
    field: (field, inner) => node(field.directives?.length ?? 0, inner()),
    fragment: (fragment, inner) => node(fragment.directives?.length ?? 0, inner),
  }, maxLevel);
  return node(own, counted);
}
