/**
 * The region subgraph: shared reference data, served from its own store, and the standards fields;
 * those that need bureau data get it through `cityData` (the gateway in production).
 */
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { ApolloServer } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import { loadRegion } from '../../schema/loadContract.ts';
import { createApolloSubgraph } from '../kit/createApolloSubgraph.ts';
import type { ErrorLogger } from '../kit/formatSubgraphError.ts';
import { createRegionLoaders, type RegionContext } from './createRegionLoaders.ts';
import type { CityData } from './CityData.ts';
import type { RegionSource } from '../kit/regionPorts.ts';
import type { ForwardedCaller } from '../../schema/gateway-token/ForwardedCaller.ts';
import { regionResolvers } from './regionResolvers.ts';

export const REGION_ORIGIN = 'region';

export interface RegionSubgraph {
  readonly schema: GraphQLSchema;
  readonly apollo: ApolloServer<RegionContext>;
  /** `gatewayToken`: the request's verified gateway token, which the region forwards when it calls the gateway back. */
  context(caller?: ForwardedCaller, gatewayToken?: string): RegionContext;
}

export function createRegionSubgraph(source: RegionSource, log: ErrorLogger, cityData: CityData): RegionSubgraph {
  const schema = buildSubgraphSchema({ typeDefs: loadRegion(), resolvers: regionResolvers() as never });
  return {
    schema,
    apollo: createApolloSubgraph<RegionContext>(schema, REGION_ORIGIN, log),
    context: (_caller, gatewayToken) => ({ source, loaders: createRegionLoaders(source, cityData, gatewayToken ?? null) }),
  };
}
