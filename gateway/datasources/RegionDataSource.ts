/**
 * The region subgraph's data source: an ordinary remote subgraph, reached over the same undici
 * keep-alive pool as the bureaus instead of Apollo's default fetcher (measured at half the
 * throughput). A failure becomes a GraphQL error naming the region, never a rejection.
 */
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ERRORS } from '../../schema/errors.ts';
import { requestIdHeaders } from '../request/GatewayContext.ts';
import type { SubgraphClient } from '../transport/createSubgraphClient.ts';
import { GATEWAY_SERVICE_IDENTITY, outgoingIdentityOf, type OutgoingIdentity } from '../bureau-tokens/OutgoingIdentity.ts';

/** The region's outgoing headers: `headers` plus a fresh gateway token (aud "region") for `identity`. */
export type RegionHeaders = (identity: OutgoingIdentity, headers?: Readonly<Record<string, string>>) => Record<string, string>;

export class RegionDataSource implements GraphQLDataSource {
  constructor(
    private readonly client: () => SubgraphClient,
    private readonly timeoutMs: number,
    private readonly headersFor: RegionHeaders,
  ) {}

  async process(options: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
    const { query, variables, operationName } = options.request;
    const outcome = await this.client().post(JSON.stringify({ query, variables, operationName }), {
      timeoutMs: this.timeoutMs,
      // Health checks have no request: they speak for the gateway itself.
      headers: 'context' in options
        ? this.headersFor(outgoingIdentityOf(options.context), requestIdHeaders(options.context))
        : this.headersFor(GATEWAY_SERVICE_IDENTITY),
    });
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
