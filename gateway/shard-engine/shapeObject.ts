import type { CollectedField } from './collectFields.ts';

/**
 * A response object built from the client's own selection: one entry per response key, in
 * selection order (GraphQL spec §6.3 ExecuteSelectionSet), with a null prototype (response keys
 * come from the client). Only keys the client asked for can appear, whatever a bureau sent.
 */
export function shapeObject(fields: readonly CollectedField[], resolve: (field: CollectedField) => unknown): Record<string, unknown> {
  const object: Record<string, unknown> = Object.create(null);
  for (const field of fields) object[field.key] = resolve(field);
  return object;
}
