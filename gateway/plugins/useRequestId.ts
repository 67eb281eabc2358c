/** Returns the request's id to the client in `x-request-id`, the same id the logs and bureaus saw. */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from './GatewayContext.ts';

export function useRequestId(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      return {
        async willSendResponse({ response }) {
          response.http.headers.set('x-request-id', contextValue.requestId);
        },
      };
    },
  };
}
