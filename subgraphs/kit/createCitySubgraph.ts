/**
 * Turns the city contract plus one bureau's adapter into a Federation 2 subgraph: the same schema
 * and resolvers for every bureau, with per-request loaders over that bureau's ports.
 */
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { ApolloServer } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import { loadContract } from '../../schema/loadContract.ts';
import { readShardingPolicies } from '../../schema/shardingPolicies.ts';
import type { CityContext } from './CityContext.ts';
import { createApolloSubgraph } from './createApolloSubgraph.ts';
import { createLoaders } from './createLoaders.ts';
import type { ErrorLogger } from './formatSubgraphError.ts';
import type { BureauSource } from './ports.ts';
import { createResolvers } from './resolvers/createResolvers.ts';
import { PUBLIC_FORWARDED_CALLER, type ForwardedCaller } from '../../schema/gateway-token/ForwardedCaller.ts';

export interface CitySubgraph {
  readonly schema: GraphQLSchema;
  readonly apollo: ApolloServer<CityContext>;
  /** A fresh context (fresh loaders) for one request of `caller` (in-process use: the public role). */
  context(caller?: ForwardedCaller): CityContext;
}

export function createCitySubgraph(source: BureauSource, log: ErrorLogger): CitySubgraph {
  const contract = loadContract();
  const schema = buildSubgraphSchema({ typeDefs: contract, resolvers: createResolvers(readShardingPolicies(contract)) as never });
  return {
    schema,
    apollo: createApolloSubgraph<CityContext>(schema, source.cityCode, log),
    context: (caller = PUBLIC_FORWARDED_CALLER) => ({ cityCode: source.cityCode, source, loaders: createLoaders(source), caller }),
  };
}
