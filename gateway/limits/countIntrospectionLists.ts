/**
 * How often an operation's introspection names each list of the schema (`types`, `fields`, …),
 * fragments expanded. Nesting them (`__schema { types { fields { type { fields { type { fields …`)
 * multiplies the response by the schema's size at every level, within any depth limit: the
 * "introspection abuse" attack. Counted as graphql-java's GoodFaithIntrospection does: the standard
 * introspection query (graphql's getIntrospectionQuery, what GraphiQL sends) names each of these
 * lists once and `args` twice (of fields and of directives), so a client acting in good faith never
 * needs more; see INTROSPECTION_LISTS.
 */
import type { OperationDefinitionNode } from 'graphql';
import { foldSelections, type FragmentMap } from './foldSelections.ts';

/** The introspection fields that return lists, and how often the standard introspection query names each. */
export const INTROSPECTION_LISTS: ReadonlyMap<string, number> = new Map([
  ['types', 1], ['directives', 1], ['fields', 1], ['inputFields', 1], ['interfaces', 1],
  ['possibleTypes', 1], ['enumValues', 1], ['args', 2],
]);

type Counts = ReadonlyMap<string, number>;
const NONE: Counts = new Map();

function join(a: Counts, b: Counts): Counts {
  if (a.size === 0) return b;
  if (b.size === 0) return a;
  const sum = new Map(a);
  for (const [name, count] of b) sum.set(name, (sum.get(name) ?? 0) + count);
  return sum;
}

/** Uses of each introspection list below `__schema` and `__type` (which exist only at the root). */
export function countIntrospectionLists(fragments: FragmentMap, operation: OperationDefinitionNode, maxLevel: number): Counts {
  const inside = (set: NonNullable<OperationDefinitionNode['selectionSet']>) => foldSelections<Counts>(fragments, set, {
    empty: NONE,
    join,
    field: (node, inner) => (INTROSPECTION_LISTS.has(node.name.value) ? join(new Map([[node.name.value, 1]]), inner()) : inner()),
    fragment: (_node, counts) => counts,
  }, maxLevel);
  return foldSelections<Counts>(fragments, operation.selectionSet, {
    empty: NONE,
    join,
    field: (node) => ((node.name.value === '__schema' || node.name.value === '__type') && node.selectionSet ? inside(node.selectionSet) : NONE),
    fragment: (_node, counts) => counts,
  }, 1);
}
