/** Test helper: the first operation of a document and its fragments, as the limit modules take them. */
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { fragmentsOf, type FragmentMap } from '../../../gateway/limits/foldSelections.ts';

export function operationOf(source: string): { fragments: FragmentMap; operation: OperationDefinitionNode } {
  const document = parse(source);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation) throw new Error('no operation in the test document');
  return { fragments: fragmentsOf(document), operation };
}

/** `n` nested `a { … }` levels around `leaf`. */
export function nested(n: number, leaf = 'id'): string {
  return `${'a { '.repeat(n)}${leaf}${' }'.repeat(n)}`;
}
