/**
 * What the IDE's live fetcher (liveFetcher.ts) decides without a browser: which operations are
 * subscriptions, where the socket goes, what goes in connection_init, and how a closed socket reads
 * as a GraphQL error. Pure (no DOM): the unit tests import it.
 */
import { getOperationAST, parse, type DocumentNode, type GraphQLFormattedError } from 'graphql';
import { GRAPHQL_PATH } from './sameOriginFetcher.ts';

/** The WebSocket URL of this page's origin's `/graphql` (wss: under https:). */
export function liveUrl(location: { readonly protocol: string; readonly host: string }): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${GRAPHQL_PATH}`;
}

/** Whether the operation GraphiQL runs is a subscription (an unparsable document is not: POST answers its syntax error). */
export function isSubscription(params: { readonly query: string; readonly operationName?: string | null }, documentAST?: DocumentNode): boolean {
  let document = documentAST;
  try {
    document ??= parse(params.query);
  } catch {
    return false;
  }
  const operation = getOperationAST(document, params.operationName ?? undefined);
  return operation?.operation === 'subscription';
}

/** The headers editor's Authorization (any letter case), as graphql-ws's connection_init payload. */
export function connectionParamsOf(headers: Readonly<Record<string, unknown>> | undefined): Record<string, string> {
  const entry = Object.entries(headers ?? {}).find(([name]) => name.toLowerCase() === 'authorization');
  return typeof entry?.[1] === 'string' && entry[1] !== '' ? { authorization: entry[1] } : {};
}

/**
 * What ended a socket, as a GraphQL error GraphiQL shows: the gateway closes with 4401 and
 * "UNAUTHENTICATED: …" for a refused or expired token, 4403 for another refusal.
 */
export function closeError(event: { code?: number; reason?: string }): GraphQLFormattedError {
  const reason = event.reason ?? '';
  const code = /^([A-Z_]+)(?::|$)/.exec(reason)?.[1] ?? (event.code === 4401 ? 'UNAUTHENTICATED' : 'CONNECTION_CLOSED');
  return {
    message: `订阅连接已关闭 / The subscription's socket closed (${event.code ?? '?'}${reason ? `: ${reason}` : ''}).`,
    extensions: { code, closeCode: event.code },
  };
}
