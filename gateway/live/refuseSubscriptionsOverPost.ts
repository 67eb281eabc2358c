/**
 * The public schema has a Subscription root (LiveSchemaGateway), but Apollo's gateway cannot execute
 * subscriptions: one sent to /graphql over HTTP is refused before planning with BAD_REQUEST and HTTP
 * 400, naming where subscriptions are served.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { ERRORS } from '../../schema/errors.ts';

export const SSE_PATH = '/graphql/stream';

export function refuseSubscriptionsOverPost(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation !== 'subscription') return;
          throw ERRORS.BAD_REQUEST.err(
            `Subscriptions are served over graphql-sse at ${SSE_PATH} and over graphql-ws (WebSocket) at /graphql, not by POST or GET /graphql.`,
            { extensions: { http: { status: 400 } } },
          );
        },
      };
    },
  };
}
