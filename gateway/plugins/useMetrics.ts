/**
 * Counts and times every GraphQL request into the gateway's metrics, by operation name and outcome.
 * A document-cache hit is seen cheaply: Apollo skips the parsing hook when the document came from
 * its cache, so a request that resolved an operation without parsing was a hit.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayMetrics } from './GatewayMetrics.ts';
import { readOutcome, type RequestOutcome } from '../request/readOutcome.ts';

export function useMetrics(metrics: GatewayMetrics, now: () => number = performance.now.bind(performance)): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const started = now();
      let parsed = false;
      return {
        async parsingDidStart() {
          parsed = true;
        },
        async didResolveOperation() {
          if (!parsed) metrics.documentCacheHits.inc();
        },
        async willSendResponse(requestContext) {
          observeRequest(metrics, readOutcome(requestContext), (now() - started) / 1000);
        },
      };
    },
  };
}

/** One finished request into the request counter and latency histogram (the known-operation path records its own here too). */
export function observeRequest(metrics: GatewayMetrics, { operationName, outcome }: RequestOutcome, seconds: number): void {
  const labels = { operation: operationName, outcome };
  metrics.requests.inc(labels);
  metrics.requestSeconds.observe(labels, seconds);
}
