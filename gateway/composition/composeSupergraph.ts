/**
 * The supergraph: the region subgraph composed with the city contract as ONE virtual subgraph,
 * `cities` (ARCHITECTURE.md "The shape"). Composing six identical bureau subgraphs would fail, and
 * with @shareable the planner would silently ask one bureau; the shard engine fans out instead.
 * The contract's @city* directives are not composed, so they never reach the public schema.
 */
import { composeServices } from '@apollo/composition';
import type { DocumentNode } from 'graphql';

/** Name and (never dialled) URL of the virtual subgraph; its data source is the shard engine. */
export const CITIES_SUBGRAPH = 'cities';
export const CITIES_URL = 'http://shard-engine.invalid/graphql';

export class CompositionError extends Error {
  override readonly name = 'CompositionError';
}

export function composeSupergraph(region: { typeDefs: DocumentNode; url: string }, contract: DocumentNode): string {
  const result = composeServices([
    { name: 'region', typeDefs: region.typeDefs, url: region.url },
    { name: CITIES_SUBGRAPH, typeDefs: contract, url: CITIES_URL },
  ]);
  if (result.errors) {
    throw new CompositionError(`The region and the city contract do not compose: ${result.errors.map((e) => e.message).join('; ')}`);
  }
  return result.supergraphSdl;
}
