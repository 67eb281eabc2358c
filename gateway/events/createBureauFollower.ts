/**
 * Follows one bureau's event stream: a loop of held pulls (POST /events/pull, waitMs each) from the
 * follower's position, handing each answer's events to `onEvents` in order. It starts "from now" (a
 * first pull with `after: null` takes the bureau's heads: what happened before this gateway started
 * is the catch-up's business, per subscriber), and keeps its position only in memory: a gateway
 * restart starts from the bureau's heads again, and subscribers resume from their own positions.
 * A failed pull (bureau down, restarting, answering outside the protocol) is retried after
 * `retryDelay(failures)` from the same position, so a bureau restart loses nothing: its log is durable.
 */
import { MAX_EVENTS_PER_PULL, type BureauEvent, type FeedPosition } from '../../schema/events/bureauEvents.ts';
import type { FollowerStatus } from './EventHub.ts';
import type { FollowedBureau } from './FollowedBureau.ts';
import { pullEvents } from './pullEvents.ts';
import { waitOrAbort } from './waitOrAbort.ts';

export interface BureauFollowerOptions {
  readonly code: string;
  /** The bureau as the registry has it now (null once it left the registry): read before every pull. */
  readonly bureau: () => FollowedBureau | null;
  /** How long the bureau may hold a pull (ms). */
  readonly waitMs: number;
  /** Pause before the next try after `failures` failed pulls in a row (ms). */
  readonly retryDelay: (failures: number) => number;
  readonly now: () => number;
  /** Events in the bureau's order, with the follower's position once it has them. */
  readonly onEvents: (code: string, events: readonly BureauEvent[], position: FeedPosition) => void;
  /** The follower's own position fell out of the bureau's retention: live events of `feeds` were lost. */
  readonly onExpired: (code: string, feeds: readonly string[]) => void;
  readonly log: (event: Record<string, unknown>) => void;
}

export interface BureauFollower {
  /** Where the follower is; null before its first answer. */
  position(): FeedPosition | null;
  status(): FollowerStatus;
  /** Events received per feed since the follower started. */
  received(): ReadonlyMap<string, number>;
  stop(): Promise<void>;
}

export function createBureauFollower(options: BureauFollowerOptions): BureauFollower {
  const { code, waitMs, retryDelay, now, onEvents, onExpired, log } = options;
  const stopping = new AbortController();
  const received = new Map<string, number>();
  let position: FeedPosition | null = null;
  let state: FollowerStatus['state'] = 'connecting';
  let lastAnswerAt: number | null = null;
  let lagMs: number | null = null;
  let lastError: string | null = null;

  const take = (answer: { events: readonly BureauEvent[]; heads: FeedPosition; expired: readonly string[] }) => {
    if (position === null) {
      position = { ...answer.heads };
      return;
    }
    const next: Record<string, number> = { ...position };
    if (answer.expired.length > 0) {
      for (const feed of answer.expired) next[feed] = answer.heads[feed] ?? 0;
      log({ level: 'warn', msg: 'event stream position expired', city: code, feeds: answer.expired });
      onExpired(code, answer.expired);
    }
    // A feed the bureau started since (unknown to this position) is followed from its head.
    for (const [feed, head] of Object.entries(answer.heads)) if (!Object.hasOwn(next, feed)) next[feed] = head;
    const fresh = answer.events.filter((e) => e.seq > (next[e.feed] ?? -1));
    for (const e of fresh) {
      next[e.feed] = e.seq;
      received.set(e.feed, (received.get(e.feed) ?? 0) + 1);
    }
    position = next;
    const newest = fresh.at(-1);
    if (newest !== undefined) lagMs = Math.max(0, now() - newest.at);
    if (fresh.length > 0) onEvents(code, fresh, next);
  };

  const run = async () => {
    let failures = 0;
    while (!stopping.signal.aborted) {
      const bureau = options.bureau();
      if (bureau === null) break;
      // Held only once following: the first pull and the first after a failure answer at once, so a
      // bureau that is back shows as following without waiting out a held pull.
      const request = { after: position, limit: MAX_EVENTS_PER_PULL, waitMs: state === 'following' ? waitMs : 0 };
      const outcome = await pullEvents(bureau, request, stopping.signal);
      if (stopping.signal.aborted) break;
      if (outcome.kind === 'failed') {
        failures += 1;
        if (state !== 'retrying') log({ level: 'warn', msg: 'event stream retrying', city: code, detail: outcome.message });
        state = 'retrying';
        lastError = outcome.message;
        await waitOrAbort(retryDelay(failures), stopping.signal);
        continue;
      }
      if (state !== 'following') log({ level: 'info', msg: 'event stream following', city: code });
      if (state === 'retrying') bureau.answered();
      failures = 0;
      state = 'following';
      lastError = null;
      lastAnswerAt = now();
      take(outcome.answer);
    }
    state = 'stopped';
  };
  const running = run().catch((error: unknown) => {
    state = 'stopped';
    lastError = String(error);
    log({ level: 'error', msg: 'event stream follower', city: code, detail: lastError });
  });

  return {
    position: () => position,
    status: () => ({ cityCode: code, state, lastAnswerAt, lagMs, lastError }),
    received: () => received,
    async stop() {
      stopping.abort();
      await running;
    },
  };
}
