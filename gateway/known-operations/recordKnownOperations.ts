/**
 * Fills KnownOperations from Apollo Server's own answers: a query sent by POST as JSON (no
 * persisted-query extension) that Apollo answered with HTTP 200 and no error. Whatever it resolved
 * for that text is then known for every caller: parsing, validation (the operation limits' caps
 * included) and the safelist depend only on the text; what depends on the caller (the limits'
 * introspection and cost checks, field access, jurisdiction) the known-operation path does again.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { KnownOperations } from './KnownOperations.ts';

export function recordKnownOperations(known: KnownOperations): ApolloServerPlugin {
  return {
    async serverWillStart() {
      return {
        schemaDidLoadOrUpdate({ apiSchema }) {
          known.useSchema(apiSchema);
        },
      };
    },
    async requestDidStart() {
      return {
        async willSendResponse({ request, response, document, queryHash, operation, schema }) {
          if (request.http?.method !== 'POST' || request.extensions !== undefined || typeof request.query !== 'string') return;
          if (operation?.operation !== 'query' || !document || queryHash === undefined) return;
          if (response.body.kind !== 'single' || response.body.singleResult.errors !== undefined) return;
          if (response.http.status !== undefined && response.http.status !== 200) return;
          known.record(request.query, request.operationName ?? null, schema, { document, queryHash, operation });
        },
      };
    },
  };
}
