/**
 * CollectFields (GraphQL spec §6.3.2) without a schema: groups a selection by response key through
 * named and inline fragments, honouring `@include`/`@skip`. Type conditions are checked against the
 * contract index, because the engine knows each object's concrete type (root, connection, edge,
 * page info) without executing anything.
 */
import { Kind, type FieldNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import type { ContractIndex } from './indexContract.ts';
import { shouldIncludeNode } from './shouldIncludeNode.ts';

/** All the fields of one response key: same name and arguments (validation rule "overlapping fields"). */
export interface CollectedField {
  readonly key: string;
  readonly name: string;
  readonly nodes: readonly FieldNode[];
}

export interface SelectionScope {
  readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  readonly variables: Readonly<Record<string, unknown>>;
  readonly index: ContractIndex;
}

export function collectFields(
  selectionSets: ReadonlyArray<SelectionSetNode | undefined>,
  typeName: string,
  scope: SelectionScope,
): CollectedField[] {
  const grouped = new Map<string, { key: string; name: string; nodes: FieldNode[] }>();
  const visited = new Set<string>();
  const applies = (condition: string | undefined) =>
    condition === undefined || condition === typeName || scope.index.types.get(typeName)?.supertypes.has(condition) === true;
  const visit = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (!shouldIncludeNode(selection, scope.variables)) continue;
      switch (selection.kind) {
        case Kind.FIELD: {
          const key = selection.alias?.value ?? selection.name.value;
          const group = grouped.get(key);
          if (group) group.nodes.push(selection);
          else grouped.set(key, { key, name: selection.name.value, nodes: [selection] });
          break;
        }
        case Kind.INLINE_FRAGMENT:
          if (applies(selection.typeCondition?.name.value)) visit(selection.selectionSet);
          break;
        case Kind.FRAGMENT_SPREAD: {
          const name = selection.name.value;
          if (visited.has(name)) break;
          visited.add(name);
          const fragment = scope.fragments.get(name);
          if (fragment && applies(fragment.typeCondition.name.value)) visit(fragment.selectionSet);
          break;
        }
        default:
          selection satisfies never;
      }
    }
  };
  for (const set of selectionSets) if (set) visit(set);
  return [...grouped.values()];
}

/** The sub-selections of every node of a collected field, for collecting one level down. */
export function subSelections(field: CollectedField): Array<SelectionSetNode | undefined> {
  return field.nodes.map((node) => node.selectionSet);
}
