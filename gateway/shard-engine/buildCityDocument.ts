/**
 * The document one bureau receives: the operation with only the root fields routed to it, the
 * fragments and variable definitions those fields use (and no others, so that it validates), and
 * the injected `__shard_` variables. Printed once per set of root fields and cached on the fetch.
 */
import { Kind, print, type DefinitionNode } from 'graphql';
import type { CityDocument, CityField, PreparedFetch } from './prepareFetch.ts';

export function buildCityDocument(fetch: PreparedFetch, fields: readonly CityField[]): CityDocument {
  const cacheKey = fields.map((f) => f.index).join(',');
  const cached = fetch.documents.get(cacheKey);
  if (cached) return cached;
  const variables = new Set<string>();
  const fragments = new Set<string>();
  for (const field of fields) {
    for (const name of field.variables) variables.add(name);
    for (const name of field.fragments) fragments.add(name);
  }
  const definitions: DefinitionNode[] = [
    {
      ...fetch.operation,
      // Operation-level directives are dropped: the planner sends none, and they would need their variables.
      directives: [],
      variableDefinitions: [
        ...fetch.variableDefinitions.filter((d) => variables.has(d.variable.name.value)),
        ...fields.flatMap((f) => f.injected),
      ],
      selectionSet: { kind: Kind.SELECTION_SET, selections: fields.map((f) => f.node) },
    },
    ...[...fetch.fragments.values()].filter((f) => fragments.has(f.name.value)),
  ];
  const document: CityDocument = {
    query: print({ kind: Kind.DOCUMENT, definitions }),
    variables: fetch.variableDefinitions.map((d) => d.variable.name.value).filter((name) => variables.has(name)),
  };
  fetch.documents.set(cacheKey, document);
  return document;
}
