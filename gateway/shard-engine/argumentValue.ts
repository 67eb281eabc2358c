import { valueFromASTUntyped, type FieldNode } from 'graphql';

/**
 * The value of one argument of a field as the bureau will see it: a literal or a variable's value;
 * undefined when the argument is absent or names a variable without a value (the field's default
 * then applies, GraphQL spec §6.4.1 CoerceArgumentValues).
 */
export function argumentValue(field: FieldNode, name: string, variables: Readonly<Record<string, unknown>>): unknown {
  const argument = field.arguments?.find((a) => a.name.value === name);
  return argument ? valueFromASTUntyped(argument.value, variables) : undefined;
}
