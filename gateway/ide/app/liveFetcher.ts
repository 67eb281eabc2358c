/**
 * GraphiQL's fetcher for subscriptions (实时订阅): a `subscription` operation goes to this origin's
 * `/graphql` over WebSocket with graphql-ws (the graphql-transport-ws protocol the gateway serves
 * there), every other operation by POST as before (sameOriginFetcher). Each result the gateway sends
 * replaces the response pane while the subscription runs; ■ (the run button while it runs) ends it.
 *
 * One socket per run: it opens with the headers editor's `Authorization` as the connection_init
 * payload (browsers cannot set a WebSocket's headers; the token is never put in the URL nor stored)
 * and closes when the run ends. No retries: a refusal or a dropped socket shows as the response
 * (GraphQL errors with their `extensions.code`), and the analyst runs it again (with `since` = the
 * last event id, to miss nothing).
 *
 * The Content-Security-Policy's `connect-src 'self'` admits the page's own ws:/wss: origin (CSP
 * Level 3; the browser test runs it).
 */
import type { FormattedExecutionResult, GraphQLFormattedError } from 'graphql';
import type { GraphiQLProps } from 'graphiql';
import { createClient } from 'graphql-ws';
import { closeError, connectionParamsOf, isSubscription, liveUrl } from './liveOperations.ts';
import { sameOriginFetcher } from './sameOriginFetcher.ts';

type Fetcher = GraphiQLProps['fetcher'];
type FetcherParams = Parameters<Fetcher>[0];
type FetcherOptions = Parameters<Fetcher>[1];

interface Observer {
  next(result: FormattedExecutionResult): void;
  error(error: unknown): void;
  complete(): void;
}

function isCloseEvent(value: unknown): value is { code: number; reason: string } {
  return typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'number' && 'reason' in value;
}

/** GraphiQL's Observable: it subscribes with an observer object; the callbacks form is accepted too. */
function subscribeOverWebSocket(params: FetcherParams, options: FetcherOptions) {
  return {
    subscribe(nextOrObserver?: Partial<Observer> | Observer['next'], error?: Observer['error'] | null, complete?: Observer['complete']) {
      const given = typeof nextOrObserver === 'function' ? { next: nextOrObserver, error: error ?? undefined, complete } : nextOrObserver ?? {};
      const observer: Observer = { next: () => {}, error: () => {}, complete: () => {}, ...given } as Observer;
      const client = createClient({
        url: liveUrl(window.location),
        connectionParams: connectionParamsOf(options?.headers),
        lazy: true,
        retryAttempts: 0,
      });
      let done = false;
      const finish = (result?: FormattedExecutionResult) => {
        if (done) return;
        done = true;
        if (result) observer.next(result);
        observer.complete();
        void client.dispose();
      };
      const stop = client.subscribe<Record<string, unknown>>(
        { query: params.query, variables: params.variables ?? undefined, operationName: params.operationName ?? undefined },
        {
          next: (result) => {
            if (!done) observer.next(result as FormattedExecutionResult);
          },
          // An `error` message carries GraphQL errors; a socket that closed, its close event.
          error: (error: unknown) => finish({
            errors: Array.isArray(error) ? (error as GraphQLFormattedError[])
              : isCloseEvent(error) ? [closeError(error)]
                : [{ message: error instanceof Error ? error.message : String(error) }],
          }),
          complete: () => finish(),
        },
      );
      return {
        unsubscribe() {
          done = true;
          stop();
          void client.dispose();
        },
      };
    },
  };
}

export const ideFetcher: Fetcher = (params, options) =>
  isSubscription(params, options?.documentAST) ? subscribeOverWebSocket(params, options) : sameOriginFetcher(params, options);
