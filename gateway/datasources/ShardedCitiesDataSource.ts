/**
 * The thin Apollo seam over the shard engine, which stays pure (README.md, "Layout"): the `cities`
 * subgraph's data source. Gateway health checks and schema loading never fan out: they get a
 * constant answer, as the registry checks the bureaus itself; operations go to the engine, which
 * asks the bureaus through the registry.
 */
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { readJurisdiction } from '../request/GatewayContext.ts';
import type { CityFetch, CityOutcome, ShardEngine } from '../shard-engine/index.ts';
import { outgoingRequestOf, type OutgoingRequest } from '../bureau-tokens/OutgoingRequest.ts';

/**
 * One request to one bureau on behalf of one client request: with its headers (the request id), the
 * identity it speaks for (the caller, which the bureau's link signs into a token per request) and its
 * signal (the client hanging up cancels the bureau request).
 */
export type SendOnBehalf = (fetch: CityFetch, outgoing: OutgoingRequest) => Promise<CityOutcome>;

export class ShardedCitiesDataSource implements GraphQLDataSource {
  constructor(
    private readonly engine: () => ShardEngine,
    private readonly send: SendOnBehalf,
  ) {}

  async process(options: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
    // GraphQLDataSourceRequestKind is not exported from the package root: compare its string values.
    if ((options.kind as string) !== 'incoming operation') return { data: { __typename: 'Query' } };
    const { query, variables, operationName } = options.request;
    if (query === undefined) return { errors: [{ message: 'The planner sent no query.' }] as never };
    // Built once per operation and shared read-only by every bureau fetch of it, so a fan-out does
    // not rebuild it.
    const outgoing = outgoingRequestOf(options.context);
    const jurisdiction = readJurisdiction(options.context);
    const result = await this.engine().execute(
      { query, variables: variables ?? {}, operationName },
      (fetch) => this.send(fetch, outgoing),
      { jurisdiction },
    );
    return result as GatewayGraphQLResponse;
  }
}
