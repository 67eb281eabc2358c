/**
 * One structured log line per GraphQL request: id, operation name, duration, outcome and error
 * codes. Deliberately never the query text, the variables (they may hold personal data such as
 * phone numbers) or any header (Authorization carries tokens).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../request/GatewayContext.ts';
import { readOutcome } from '../request/readOutcome.ts';

export function useRequestLogging(log: (event: Record<string, unknown>) => void, now: () => number = performance.now.bind(performance)): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = now();
      return {
        async willSendResponse(requestContext) {
          const { operationName, outcome, errorCodes } = readOutcome(requestContext);
          log({
            level: outcome === 'ok' ? 'info' : 'warn',
            msg: 'request',
            requestId: contextValue.requestId,
            operationName,
            durationMs: Math.round((now() - started) * 100) / 100,
            outcome,
            ...(errorCodes.length > 0 && { errorCodes }),
          });
        },
      };
    },
  };
}
