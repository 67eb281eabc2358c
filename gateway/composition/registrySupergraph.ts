/**
 * Apollo Gateway's supergraph source, following the city registry: the region (at the URL the
 * registry file names) composed with the city contract, recomposed whenever an edit moves the region.
 * The bureaus are not in it: they are behind the virtual `cities` subgraphs, whose set the registry
 * changes in the shard engine without a new supergraph.
 */
import type { SupergraphManager } from '@apollo/gateway';
import type { DocumentNode } from 'graphql';
import type { CityRegistry } from '../registry/CityRegistry.ts';
import { composeSupergraph } from './composeSupergraph.ts';

export function registrySupergraph(registry: CityRegistry, regionTypeDefs: DocumentNode, contract: DocumentNode): SupergraphManager {
  const compose = (url: string) => composeSupergraph({ typeDefs: regionTypeDefs, url }, contract);
  return {
    async initialize({ update }) {
      const unsubscribe = registry.watchRegionUrl((url) => update(compose(url)));
      return { supergraphSdl: compose(registry.region.url), cleanup: async () => unsubscribe() };
    },
  };
}
