/**
 * Safelist mode (ECOGRAPH_SAFELIST): only the manifest's documents run. Membership is decided by
 * the SHA-256 of the document text, which Apollo computes for every request (`queryHash`), whether
 * the text came in full or from the APQ store. Refusal: PERSISTED_QUERY_NOT_IN_SAFELIST, HTTP 403,
 * before anything is planned. The manifest is checked against each schema the gateway loads: at
 * startup a bad one stops the gateway; on a later schema change it is logged.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { ERRORS } from '../../schema/errors.ts';
import type { OperationLimits } from '../limits/OperationLimits.ts';
import type { GatewayContext } from '../request/GatewayContext.ts';
import { checkSafelist } from './checkSafelist.ts';
import type { Safelist } from './Safelist.ts';

export function useSafelist(safelist: Safelist, limits: OperationLimits, log: (event: Record<string, unknown>) => void): ApolloServerPlugin<GatewayContext> {
  return {
    async serverWillStart() {
      let started = false;
      return {
        schemaDidLoadOrUpdate({ apiSchema }) {
          try {
            checkSafelist(safelist, apiSchema, limits);
          } catch (error) {
            if (!started) throw error; // Apollo fails start(): the gateway does not come up
            log({ level: 'error', msg: 'the safelist no longer fits the schema', detail: (error as Error).message });
          } finally {
            started = true;
          }
        },
      };
    },
    async requestDidStart() {
      return {
        async didResolveOperation({ queryHash }) {
          if (safelist.get(queryHash)) return;
          throw ERRORS.PERSISTED_QUERY_NOT_IN_SAFELIST.err(
            'This gateway runs only the operations registered in its safelist, and this document is not one of them.',
            { extensions: { http: { status: 403 } } },
          );
        },
      };
    },
  };
}
