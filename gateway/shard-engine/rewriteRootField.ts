/**
 * A root field as one bureau receives it. Root `@include`/`@skip` are dropped (the engine already
 * evaluated them when it chose the field). A fan-out connection gets `after: $__shard_after_<key>`
 * (each bureau's own cursor) and the hidden selections it is merged by; `_entities` gets
 * `representations: $__shard_representations_<key>` (each bureau its own share). The new variables
 * are named after the response key, so two aliases of one field never share one.
 */
import { Kind, parseType, type ArgumentNode, type FieldNode, type VariableDefinitionNode } from 'graphql';
import type { ContractIndex } from './indexContract.ts';
import { HIDDEN } from './readConnections.ts';

export interface RewrittenField {
  readonly node: FieldNode;
  readonly injected: readonly VariableDefinitionNode[];
}

export const afterVariable = (key: string) => `${HIDDEN.prefix}after_${key}`;
export const representationsVariable = (key: string) => `${HIDDEN.prefix}representations_${key}`;

export function rewriteRootField(field: FieldNode, rootType: string, index: ContractIndex): RewrittenField {
  const key = field.alias?.value ?? field.name.value;
  const directives = field.directives?.filter((d) => d.name.value !== 'include' && d.name.value !== 'skip');
  const connection = rootType === 'Query' ? index.connections.get(field.name.value) : undefined;
  if (connection && field.selectionSet) {
    const variable = afterVariable(key);
    return {
      node: {
        ...field,
        directives,
        arguments: withArgument(field, 'after', variable),
        selectionSet: { ...field.selectionSet, selections: [...field.selectionSet.selections, ...connection.hidden] },
      },
      injected: [definition(variable, 'String')],
    };
  }
  if (rootType === 'Query' && field.name.value === '_entities') {
    const variable = representationsVariable(key);
    return { node: { ...field, directives, arguments: withArgument(field, 'representations', variable) }, injected: [definition(variable, '[_Any!]!')] };
  }
  return { node: { ...field, directives }, injected: [] };
}

function withArgument(field: FieldNode, name: string, variable: string): ArgumentNode[] {
  const others = field.arguments?.filter((a) => a.name.value !== name) ?? [];
  return [...others, { kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: name }, value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: variable } } }];
}

function definition(variable: string, type: string): VariableDefinitionNode {
  return {
    kind: Kind.VARIABLE_DEFINITION,
    variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: variable } },
    type: parseType(type, { noLocation: true }),
  };
}
