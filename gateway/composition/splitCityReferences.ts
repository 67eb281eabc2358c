/**
 * Moves the fields marked `@cityReference` in the city contract (e.g. `IncidentNotice.incident`: a
 * recipient's copy of a notice refers to the incident the reporting bureau holds) out of the `cities`
 * virtual subgraph into a virtual subgraph of their own, `city-references` (moveFields.ts).
 *
 * Why: the query planner stays inside a subgraph while it can, and the shard engine sends one fetch to
 * the bureau its entity or argument names. With the field in `cities`, `receivedNotices { incident {
 * title } }` is ONE fetch to the recipient, which holds no other bureau's incident. Moved, the planner
 * asks the recipient only for the reference (`incident { cityCode id }`, through `_entities` of the
 * notice) and then the rest of the incident through `_entities` of EnvironmentalIncident, which the
 * shard engine routes by the reference's `cityCode` to the reporter, under the caller's jurisdiction.
 */
import { Kind, type DocumentNode } from 'graphql';
import { moveFields, objectsOf } from './moveFields.ts';

export const CITY_REFERENCE_DIRECTIVE = 'cityReference';

export interface SplitReferences {
  /** The contract without the marked fields. */
  readonly cities: DocumentNode;
  /** The marked fields (without the directive), or null when the contract marks none. */
  readonly references: DocumentNode | null;
}

export function splitCityReferences(contract: DocumentNode): SplitReferences {
  const moved = new Map<string, Set<string>>();
  for (const object of objectsOf(contract)) {
    for (const field of object.fields ?? []) {
      if (!field.directives?.some((d) => d.name.value === CITY_REFERENCE_DIRECTIVE)) continue;
      moved.set(object.name.value, (moved.get(object.name.value) ?? new Set()).add(field.name.value));
    }
  }
  if (moved.size === 0) return { cities: contract, references: null };
  // Not composed: the moved copy must not carry the contract's own directive.
  const unmarked: DocumentNode = {
    ...contract,
    definitions: contract.definitions.map((def) => (def.kind === Kind.OBJECT_TYPE_DEFINITION || def.kind === Kind.OBJECT_TYPE_EXTENSION
      ? { ...def, fields: def.fields?.map((f) => ({ ...f, directives: f.directives?.filter((d) => d.name.value !== CITY_REFERENCE_DIRECTIVE) })) }
      : def)),
  };
  const { rest, moved: references } = moveFields(unmarked, moved, 'a reference to another bureau\'s record returns that record\'s entity.');
  return { cities: rest, references };
}
