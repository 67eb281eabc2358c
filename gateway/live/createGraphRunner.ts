/**
 * RunGraphQuery over the gateway's own Apollo Server: `executeOperation` runs the same pipeline as
 * POST /graphql (operation limits, field access around Apollo's gateway, the planner, the shard
 * engine with the caller's jurisdiction, the error boundary), with a GatewayContext built from the
 * subscriber's — so an event's fields are exactly what the same query would show that caller. The
 * HTTP edge's stages (token, rate limit) ran once when the subscription was opened.
 *
 * One event reaches many subscribers at once, most with the same selection: identical executions in
 * flight (same document, same variables — the event's — and same access profile, the claims access
 * is decided from: accessProfileKey.ts) run once and share the answer. The shared execution is
 * cancelled only when every subscriber waiting for it has gone.
 */
import type { ApolloServer } from '@apollo/server';
import { accessProfileKey } from '../bureau-tokens/accessProfileKey.ts';
import type { GatewayContext } from '../request/GatewayContext.ts';
import type { GraphAnswer, RunGraphQuery } from './LiveContext.ts';

interface Shared {
  readonly answer: Promise<GraphAnswer>;
  readonly cancel: AbortController;
  waiting: number;
}

export function createGraphRunner(apollo: ApolloServer<GatewayContext>, deadlineMs: () => number): RunGraphQuery {
  const inFlight = new Map<string, Shared>();
  return (request, subscriber, signal) => {
    const key = `${accessProfileKey(subscriber.caller)}\n${request.operationName}\n${request.query}\n${JSON.stringify(request.variables)}`;
    let shared = inFlight.get(key);
    if (!shared) {
      const cancel = new AbortController();
      const answer = execute(apollo, request, { ...subscriber, signal: cancel.signal, deadlineMs: deadlineMs() });
      const entry: Shared = { answer, cancel, waiting: 0 };
      inFlight.set(key, entry);
      void answer.finally(() => inFlight.delete(key)).catch(() => undefined);
      shared = entry;
    }
    const joined = shared;
    joined.waiting += 1;
    const leave = () => {
      joined.waiting -= 1;
      if (joined.waiting === 0) joined.cancel.abort();
    };
    if (signal.aborted) leave();
    else signal.addEventListener('abort', leave, { once: true });
    return joined.answer.finally(() => signal.removeEventListener('abort', leave));
  };
}

async function execute(
  apollo: ApolloServer<GatewayContext>,
  { query, variables, operationName }: Parameters<RunGraphQuery>[0],
  subscriber: Parameters<RunGraphQuery>[1] & { readonly signal: AbortSignal; readonly deadlineMs: number },
): Promise<GraphAnswer> {
  const contextValue: GatewayContext = {
    requestId: subscriber.requestId,
    caller: subscriber.caller,
    clientAddress: subscriber.clientAddress,
    signal: subscriber.signal,
    deadline: performance.now() + subscriber.deadlineMs,
  };
  const response = await apollo.executeOperation({ query, variables: { ...variables }, operationName }, { contextValue });
  if (response.body.kind !== 'single') return { errors: [{ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] };
  const { data, errors } = response.body.singleResult;
  return { data: data ?? null, errors: errors ?? [] } satisfies GraphAnswer;
}
