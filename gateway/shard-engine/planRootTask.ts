/**
 * Decides, for one response key at the root, which bureaus to ask and how to merge (README.md,
 * "How the gateway joins the bureaus"): by the field's sharding policy, or locally for `__typename`
 * and `_service`. `_service { sdl }` is answered from the contract: every bureau serves it
 * unchanged (the registry checks that), so no bureau needs to be bothered and the answer cannot
 * depend on which one is up.
 */
import { ERRORS } from '../../schema/errors.ts';
import { argumentValue } from './argumentValue.ts';
import { notServed, outsideReach, type CitySet } from './CitySet.ts';
import { collectFields, subSelections, type CollectedField, type SelectionScope } from './collectFields.ts';
import { planConnectionPage } from './planConnectionPage.ts';
import { planEntities } from './planEntities.ts';
import { planRoute } from './planRoute.ts';
import { readCityCodes } from './readCityCodes.ts';
import type { RootTask } from './RootTask.ts';
import { shapeObject } from './shapeObject.ts';

export function planRootTask(field: CollectedField, rootType: 'Query' | 'Mutation', scope: SelectionScope, cities: CitySet): RootTask {
  const { key, name } = field;
  const node = field.nodes[0];
  if (!node) throw new TypeError('a collected field has at least one node');
  if (name === '__typename') return { kind: 'local', key, value: rootType, error: null };
  if (rootType === 'Query' && name === '_service') {
    const fields = collectFields(subSelections(field), '_Service', scope);
    const value = shapeObject(fields, (f) => (f.name === 'sdl' ? scope.index.sdl : f.name === '__typename' ? '_Service' : null));
    return { kind: 'local', key, value, error: null };
  }
  if (rootType === 'Query' && name === '_entities') {
    return { kind: 'entities', key, field, plan: planEntities(argumentValue(node, 'representations', scope.variables), scope.index, cities) };
  }
  const policy = scope.index.policies.get(name);
  if (!policy) {
    const error = ERRORS.INTERNAL_SERVER_ERROR.err(`${rootType}.${name} has no sharding policy in the city contract.`, { path: [key] });
    return { kind: 'local', key, value: null, error: error.toJSON() };
  }
  switch (policy.kind) {
    case 'route': {
      const route = planRoute(policy, field, scope.variables, cities);
      return route.ok ? { kind: 'route', key, field, city: route.city } : { kind: 'local', key, value: null, error: route.error };
    }
    case 'fanout': {
      if (policy.merge === 'LIST') {
        const only = readCityCodes(argumentValue(node, 'cityCodes', scope.variables));
        const asked = cities.codes.filter((city) => only === null || only.has(city));
        return { kind: 'list', key, field, cities: asked, forbidden: outsideReach(only, cities), unknown: notServed(only, cities) };
      }
      const info = scope.index.connections.get(name);
      if (!info) throw new TypeError(`indexContract read no connection for ${name}`);
      const page = planConnectionPage(info, field, scope.variables, cities);
      return page.ok ? { kind: 'connection', key, field, info, page: page.page } : { kind: 'local', key, value: null, error: page.error };
    }
    default:
      return policy satisfies never;
  }
}
