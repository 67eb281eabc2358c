/**
 * The bureau's side of the event stream (schema/events/bureauEvents.ts): POST /events/pull on its
 * edge, a signed route like the relay's (only the gateway's own identity, role `gateway`). A long
 * poll: the answer goes at once when a feed has events after the position (or a feed is expired, or
 * only the heads were asked for); otherwise the request is held until an append is notified in this
 * process (AppendSignal: no timer polls the store), `waitMs` passes, the gateway hangs up, or the
 * bureau shuts down (`closing`), and then answered with what the log holds (maybe nothing).
 *
 * Appends made by another process on the same store (a second bureau process on one PostgreSQL
 * database) are not notified here: they reach the gateway at the end of its current wait at the latest.
 */
import { EVENT_ROUTES, eventPullRequestSchema, type EventPullAnswer } from '../../../schema/events/bureauEvents.ts';
import type { RouteAnswer, SignedRoute } from '../../../schema/http/serveApollo.ts';
import type { VerifiedGatewayRequest } from '../admission/authorizeGatewayRequest.ts';
import type { EventLog } from './EventLog.ts';
import { HeldPulls } from './HeldPulls.ts';

type Route = SignedRoute<VerifiedGatewayRequest>;

/** `held` counts the pulls waiting for an append (the bureau's /metrics reads it). */
export function eventRoutes(log: EventLog, closing: AbortSignal, held: HeldPulls = new HeldPulls()): Record<string, Route> {
  const pull: Route = async (identity, body, gone) => {
    if (identity.caller.role !== 'gateway') return { status: 403, body: { error: 'only the gateway may read the event stream' } };
    const parsed = eventPullRequestSchema.safeParse(body);
    if (!parsed.success) return { status: 400, body: { error: 'expected { after, limit, waitMs } of the event protocol' } };
    const { after, limit, waitMs } = parsed.data;
    const stop = new AbortController();
    const timer = setTimeout(() => stop.abort(), waitMs);
    const stopped = AbortSignal.any([stop.signal, closing, ...(gone === undefined ? [] : [gone])]);
    const ended = new Promise<void>((resolve) => stopped.addEventListener('abort', () => resolve(), { once: true }));
    try {
      for (;;) {
        const changed = log.appended.changed; // taken before the read: an append during the read still wakes us
        const read = await log.read(after, limit);
        if (after === null || read.events.length > 0 || read.expired.length > 0 || stopped.aborted) return answer(read, log.retentionMs);
        const release = held.hold();
        try {
          await Promise.race([changed, ended]);
        } finally {
          release();
        }
      }
    } finally {
      clearTimeout(timer);
      stop.abort(); // releases the `ended` listener on the longer-lived signals
    }
  };
  return { [EVENT_ROUTES.pull]: pull };
}

function answer(read: Awaited<ReturnType<EventLog['read']>>, retentionMs: number): RouteAnswer {
  const body: EventPullAnswer = { events: [...read.events], heads: read.heads, expired: [...read.expired], retentionMs };
  return { status: 200, body };
}
