/**
 * One walk over an operation's selections with every fragment spread expanded in place, the way
 * execution sees them (GraphQL spec §6.3.2 CollectFields), yet each fragment is walked once per
 * nesting level: a fragment spread N times costs one walk and N joins, so a "fragment bomb" (each
 * fragment spreading the next twice) is measured in linear time, not 2^N.
 *
 * Safe on any parsed document, valid or not, because it runs before validation:
 * - a spread of a fragment already being walked (a cycle, which NoFragmentCyclesRule refuses later)
 *   and a spread of an unknown fragment count as no selections;
 * - no field below level `maxLevel` is walked (`inner()` is empty there), so recursion is bounded
 *   however deep the document nests; a depth measure then reads at most `maxLevel`, so callers
 *   pass their limit + 1 to tell "too deep" apart.
 */
import {
  Kind,
  type DocumentNode, type FieldNode, type FragmentDefinitionNode, type FragmentSpreadNode,
  type InlineFragmentNode, type SelectionSetNode,
} from 'graphql';

/** How a measure combines: a monoid over sibling selections plus what a field and a fragment add. */
export interface SelectionFold<T> {
  /** The value of no selections. */
  readonly empty: T;
  /** Two sibling selections together (e.g. sum, or max). */
  join(a: T, b: T): T;
  /** A field, given the value of its sub-selection (walked only if asked: `inner()`). */
  field(node: FieldNode, inner: () => T): T;
  /** An inline fragment or a spread, given the value of its selections. */
  fragment(node: InlineFragmentNode | FragmentSpreadNode, inner: T): T;
}

export type FragmentMap = ReadonlyMap<string, FragmentDefinitionNode>;

/** The document's fragments by name (the first of a duplicated name: UniqueFragmentNames refuses it later). */
export function fragmentsOf(document: DocumentNode): FragmentMap {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION && !fragments.has(def.name.value)) fragments.set(def.name.value, def);
  }
  return fragments;
}

/** Folds the selection set `set` (at field level 1) with `fold`, walking no field deeper than `maxLevel`. */
export function foldSelections<T>(fragments: FragmentMap, set: SelectionSetNode, fold: SelectionFold<T>, maxLevel: number): T {
  // A fragment's value is the same wherever it is spread at the same level (truncation depends on the level).
  const memo = new Map<string, T>();
  const walking = new Set<string>();

  const fragmentValue = (name: string, level: number): T => {
    const key = `${level}:${name}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    const def = fragments.get(name);
    if (!def || walking.has(name)) return fold.empty;
    walking.add(name);
    const value = walk(def.selectionSet, level);
    walking.delete(name);
    memo.set(key, value);
    return value;
  };

  const walk = (selections: SelectionSetNode, level: number): T => {
    let total = fold.empty;
    for (const selection of selections.selections) {
      let value: T;
      switch (selection.kind) {
        case Kind.FIELD: {
          const sub = selection.selectionSet;
          value = fold.field(selection, () => (sub && level < maxLevel ? walk(sub, level + 1) : fold.empty));
          break;
        }
        case Kind.INLINE_FRAGMENT:
          value = fold.fragment(selection, walk(selection.selectionSet, level));
          break;
        case Kind.FRAGMENT_SPREAD:
          value = fold.fragment(selection, fragmentValue(selection.name.value, level));
          break;
      }
      total = fold.join(total, value);
    }
    return total;
  };

  return walk(set, 1);
}
