/**
 * The supergraph: the region subgraph composed with the city contract as virtual subgraphs
 * (README.md, "How the gateway joins the bureaus"). Composing six identical bureau subgraphs would
 * fail, and with @shareable the planner would silently ask one bureau; the shard engine fans out
 * instead. The contract's @city* directives are not composed, so they never reach the public
 * schema; nor are its access directives (@authenticated, @requiresScopes): stock @apollo/gateway
 * refuses a supergraph with security features it does not enforce, and the gateway enforces them
 * itself from the contract (schema/accessPolicies.ts, gateway/access/).
 *
 * The contract is composed as up to three virtual subgraphs, all answered by the shard engine: `cities`,
 * `city-broadcast` with the fields every bureau adds to a broadcast entity (see splitBroadcastFields:
 * otherwise the planner would ask only the bureau it already is in), and `city-references` with the
 * fields whose entity another bureau holds (see splitCityReferences, same reason).
 */
import { composeServices } from '@apollo/composition';
import type { DocumentNode } from 'graphql';
import { withoutAccessDirectives } from '../../schema/accessPolicies.ts';
import { CompositionError } from './CompositionError.ts';
import { splitBroadcastFields } from './splitBroadcastFields.ts';
import { splitCityReferences } from './splitCityReferences.ts';

export { CompositionError } from './CompositionError.ts';

/** Name and (never dialled) URL of the virtual subgraph; its data source is the shard engine. */
export const CITIES_SUBGRAPH = 'cities';
export const CITIES_URL = 'http://shard-engine.invalid/graphql';
/** The virtual subgraph of broadcast entities' per-bureau fields; its data source is the shard engine too. */
export const CITY_BROADCAST_SUBGRAPH = 'city-broadcast';
export const CITY_BROADCAST_URL = 'http://shard-engine.invalid/broadcast';
/** The virtual subgraph of fields whose entity another bureau holds; its data source is the shard engine too. */
export const CITY_REFERENCES_SUBGRAPH = 'city-references';
export const CITY_REFERENCES_URL = 'http://shard-engine.invalid/references';

/** The virtual subgraphs the shard engine answers. */
export const SHARD_ENGINE_SUBGRAPHS: ReadonlySet<string> = new Set([CITIES_SUBGRAPH, CITY_BROADCAST_SUBGRAPH, CITY_REFERENCES_SUBGRAPH]);

export function composeSupergraph(region: { typeDefs: DocumentNode; url: string }, contract: DocumentNode): string {
  const references = splitCityReferences(withoutAccessDirectives(contract));
  const split = splitBroadcastFields(references.cities);
  const result = composeServices([
    { name: 'region', typeDefs: region.typeDefs, url: region.url },
    { name: CITIES_SUBGRAPH, typeDefs: split.cities, url: CITIES_URL },
    ...(split.broadcast ? [{ name: CITY_BROADCAST_SUBGRAPH, typeDefs: split.broadcast, url: CITY_BROADCAST_URL }] : []),
    ...(references.references ? [{ name: CITY_REFERENCES_SUBGRAPH, typeDefs: references.references, url: CITY_REFERENCES_URL }] : []),
  ]);
  if (result.errors) {
    throw new CompositionError(`The region and the city contract do not compose: ${result.errors.map((e) => e.message).join('; ')}`);
  }
  return result.supergraphSdl;
}
