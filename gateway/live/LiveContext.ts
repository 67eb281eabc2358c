/**
 * What a subscription knows of its subscriber: built once when the stream or socket is opened (the
 * same token verification as a query's), and read by every event the subscription resolves.
 */
import type { IncomingMessage } from 'node:http';
import type { GraphQLFormattedError } from 'graphql';
import type { Caller } from '../request/Caller.ts';

export interface LiveContext {
  readonly caller: Caller;
  readonly clientAddress: string;
  /** Names the stream or socket in logs; each event's graph query carries it too. */
  readonly requestId: string;
  /** Epoch ms when the caller's token expires (the stream ends then); null without a token. */
  readonly expiresAt: number | null;
  /** SSE `Last-Event-ID` of a reconnecting client: where to resume when `since` is not given. */
  readonly lastEventId: string | null;
  /** Told each event's id just before its payload is executed (the fanout tags the result with it: the SSE `id:`). */
  readonly announce?: (eventId: string) => void;
}

/**
 * Opens a subscriber's context from its connection: the bearer token (`authorization`, from the
 * request's header or graphql-ws's connection_init payload) verified and rate-limited as a query's
 * is. Throws the refusal (UNAUTHENTICATED, RATE_LIMITED) with `extensions.http` as Apollo would send it.
 */
export type OpenLiveContext = (req: IncomingMessage, authorization: string | undefined, lastEventId: string | null) => Promise<LiveContext>;

/** What the graph answered for one event's query. */
export interface GraphAnswer {
  readonly data?: Readonly<Record<string, unknown>> | null;
  readonly errors?: readonly GraphQLFormattedError[];
}

/** Runs one query through the gateway's own execution, as the subscriber. */
export type RunGraphQuery = (
  request: { readonly query: string; readonly variables: Readonly<Record<string, unknown>>; readonly operationName: string },
  subscriber: LiveContext,
  signal: AbortSignal,
) => Promise<GraphAnswer>;
