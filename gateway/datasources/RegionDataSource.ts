/**
 * The region subgraph's data source: an ordinary remote subgraph, reached over the same undici
 * keep-alive pool as the bureaus instead of Apollo's default fetcher (measured at half the
 * throughput). A failure becomes a GraphQL error naming the region, never a rejection.
 */
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ERRORS } from '../../schema/errors.ts';
import type { PostOutcome } from '../transport/createSubgraphClient.ts';
import { GATEWAY_SERVICE_REQUEST, outgoingRequestOf, type OutgoingRequest } from '../bureau-tokens/OutgoingRequest.ts';

/**
 * One request to the region on behalf of `outgoing` (its gateway token, forwarded headers, the client's
 * signal), within the region's deadline as the registry says at the time of the call.
 */
export type SendToRegion = (body: string, outgoing: OutgoingRequest) => Promise<PostOutcome>;

export class RegionDataSource implements GraphQLDataSource {
  constructor(private readonly send: SendToRegion) {}

  async process(options: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
    const { query, variables, operationName } = options.request;
    // Health checks have no request: they speak for the gateway itself.
    const outgoing = 'context' in options ? outgoingRequestOf(options.context) : GATEWAY_SERVICE_REQUEST;
    const outcome = await this.send(JSON.stringify({ query, variables, operationName }), outgoing);
    if (outcome.kind === 'ok' && typeof outcome.body === 'object' && outcome.body !== null) {
      return outcome.body as GatewayGraphQLResponse;
    }
    const reason = outcome.kind === 'failed' ? outcome.reason : 'bad-response';
    return {
      errors: [ERRORS.CITY_UNAVAILABLE.err(`The region subgraph is unavailable (${reason}).`, {
        extensions: { city: 'region', reason },
      }).toJSON()] as never,
    };
  }
}
