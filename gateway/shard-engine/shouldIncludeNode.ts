import { valueFromASTUntyped, type SelectionNode } from 'graphql';

/** `@skip(if:)` and `@include(if:)` on a selection (GraphQL spec §3.13.2–3, §6.3.2 CollectFields). */
export function shouldIncludeNode(node: SelectionNode, variables: Readonly<Record<string, unknown>>): boolean {
  for (const directive of node.directives ?? []) {
    const name = directive.name.value;
    if (name !== 'skip' && name !== 'include') continue;
    const condition = directive.arguments?.find((a) => a.name.value === 'if');
    const value = condition ? valueFromASTUntyped(condition.value, variables) : undefined;
    if (name === 'skip' && value === true) return false;
    if (name === 'include' && value !== true) return false;
  }
  return true;
}
