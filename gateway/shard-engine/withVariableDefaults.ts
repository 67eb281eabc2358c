import { valueFromASTUntyped, type VariableDefinitionNode } from 'graphql';

/**
 * The variables a fetch runs with: the provided ones (own properties only), else each definition's
 * default (GraphQL spec §6.1.2 CoerceVariableValues; an explicit null stays null). Values are not
 * coerced: the gateway validated them, and the engine only reads routing and paging arguments.
 */
export function withVariableDefaults(
  definitions: Iterable<VariableDefinitionNode>,
  provided: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const values: Record<string, unknown> = Object.create(null);
  for (const def of definitions) {
    const name = def.variable.name.value;
    if (Object.hasOwn(provided, name) && provided[name] !== undefined) values[name] = provided[name];
    else if (def.defaultValue) values[name] = valueFromASTUntyped(def.defaultValue);
  }
  return values;
}
