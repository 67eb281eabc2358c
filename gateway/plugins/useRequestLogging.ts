/**
 * One structured log line per GraphQL request: id, operation name, duration, outcome and error
 * codes. Deliberately never the query text, the variables (they may hold personal data such as
 * phone numbers) or any header (Authorization carries tokens).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../request/GatewayContext.ts';
import { readOutcome, type RequestOutcome } from '../request/readOutcome.ts';

export function useRequestLogging(log: (event: Record<string, unknown>) => void, now: () => number = performance.now.bind(performance)): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = now();
      return {
        async willSendResponse(requestContext) {
          log(requestLogLine(contextValue.requestId, readOutcome(requestContext), now() - started));
        },
      };
    },
  };
}

/** The log line of one finished request (the known-operation path writes its own with it too). */
export function requestLogLine(requestId: string, { operationName, outcome, errorCodes }: RequestOutcome, durationMs: number): Record<string, unknown> {
  return {
    level: outcome === 'ok' ? 'info' : 'warn',
    msg: 'request',
    requestId,
    operationName,
    durationMs: Math.round(durationMs * 100) / 100,
    outcome,
    ...(errorCodes.length > 0 && { errorCodes }),
  };
}
