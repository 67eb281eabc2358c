/**
 * RunGraphQuery over the gateway's own Apollo Server: `executeOperation` runs the same pipeline as
 * POST /graphql (operation limits, field access around Apollo's gateway, the planner, the shard
 * engine with the caller's jurisdiction, the error boundary), with a GatewayContext built from the
 * subscriber's — so an event's fields are exactly what the same query would show that caller. The
 * HTTP edge's stages (token, rate limit) ran once when the subscription was opened.
 */
import type { ApolloServer } from '@apollo/server';
import type { GatewayContext } from '../request/GatewayContext.ts';
import type { GraphAnswer, RunGraphQuery } from './LiveContext.ts';

export function createGraphRunner(apollo: ApolloServer<GatewayContext>, deadlineMs: () => number): RunGraphQuery {
  return async ({ query, variables, operationName }, subscriber, signal) => {
    const contextValue: GatewayContext = {
      requestId: subscriber.requestId,
      caller: subscriber.caller,
      clientAddress: subscriber.clientAddress,
      signal,
      deadline: performance.now() + deadlineMs(),
    };
    const response = await apollo.executeOperation({ query, variables: { ...variables }, operationName }, { contextValue });
    if (response.body.kind !== 'single') return { errors: [{ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] };
    const { data, errors } = response.body.singleResult;
    return { data: data ?? null, errors: errors ?? [] } satisfies GraphAnswer;
  };
}
