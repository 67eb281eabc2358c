/**
 * The gateway's EventHub (EventHub.ts): one follower per bureau of the registry (re-matched whenever
 * the registry is edited), every follower's events fanned out to the subscribers, and per subscriber
 * a catch-up from the bureaus' own logs for what it missed.
 *
 * Catch-up without a gap or a double: a subscriber that starts behind a follower (it resumes from an
 * older RegionPosition) is "catching up" for that bureau: the follower's live events for it are
 * buffered, while the hub pulls the bureau's log from the subscriber's position (waitMs 0) and
 * delivers what comes back. Once an answer leaves the subscriber at or past that answer's heads
 * (every event up to a head is committed, and everything the follower delivered before the catch-up
 * began is at or below the heads it reads later), the buffer is delivered and the subscriber is live
 * for that bureau. Every delivery skips a sequence at or below the subscriber's position in that feed,
 * which is what makes the buffer's overlap with the catch-up harmless. A bureau that is down delays
 * only its own catch-up (retried with the followers' backoff); the other bureaus' events flow.
 */
import type { BureauEvent, FeedPosition } from '../../schema/events/bureauEvents.ts';
import { MAX_EVENTS_PER_PULL } from '../../schema/events/bureauEvents.ts';
import type { EventHub, FollowerStatus, HubSubscriber, HubSubscription, RegionPosition } from './EventHub.ts';
import type { FollowedBureau } from './FollowedBureau.ts';
import { createBureauFollower, type BureauFollower } from './createBureauFollower.ts';
import { pullEvents } from './pullEvents.ts';
import { waitOrAbort } from './waitOrAbort.ts';

export interface EventHubOptions {
  /** The bureaus to follow, as the registry has them now. */
  readonly bureaus: () => readonly FollowedBureau[];
  /** Registers a listener for registry edits; returns its unsubscribe. @default none (the bureaus of the start) */
  readonly watchBureaus?: (listener: () => void) => () => void;
  /** How long a bureau may hold a follower's pull (ms). @default 25 000 (below MAX_PULL_WAIT_MS) */
  readonly waitMs?: number;
  /** Pause after `failures` failed pulls in a row (ms), for followers and catch-ups alike. */
  readonly retryDelay: (failures: number) => number;
  /** @default Date.now */
  readonly now?: () => number;
  readonly log?: (event: Record<string, unknown>) => void;
}

/** The hub, plus what /metrics reads of it. */
export interface FollowingEventHub extends EventHub {
  /** Events received per bureau and feed since each follower started. */
  received(): ReadonlyArray<{ readonly cityCode: string; readonly feed: string; readonly count: number }>;
  /** Subscriptions open on the hub now (every open readingReported, alarmRaised, inbox and incident subscription). */
  subscribers(): number;
}

type BureauState = { readonly kind: 'live' } | { readonly kind: 'catching-up'; readonly buffer: BureauEvent[] };

interface Subscription {
  readonly subscriber: HubSubscriber;
  position: RegionPosition;
  readonly bureaus: Map<string, BureauState>;
  readonly closed: AbortController;
}

const FEED = /^[a-z][a-z0-9-]{0,31}$/;

export function createEventHub(options: EventHubOptions): FollowingEventHub {
  const { bureaus, waitMs = 25_000, retryDelay, now = Date.now, log = () => undefined } = options;
  const followers = new Map<string, BureauFollower>();
  const subscriptions = new Set<Subscription>();
  const catchUps = new Set<Promise<void>>();
  let closed = false;

  const bureau = (code: string) => bureaus().find((b) => b.code === code) ?? null;

  /** Delivers `event` of `code` unless the subscriber already has it (then nothing). */
  const deliver = (sub: Subscription, code: string, event: BureauEvent) => {
    const feeds = sub.position[code];
    if (feeds !== undefined && Object.hasOwn(feeds, event.feed) && event.seq <= (feeds[event.feed] as number)) return;
    sub.position = { ...sub.position, [code]: { ...feeds, [event.feed]: event.seq } };
    try {
      sub.subscriber.onEvent({ cityCode: code, event, position: sub.position });
    } catch (error) {
      log({ level: 'error', msg: 'event subscriber failed', city: code, detail: String(error) });
    }
  };

  const expire = (sub: Subscription, code: string, feed: string, head: number) => {
    sub.position = { ...sub.position, [code]: { ...sub.position[code], [feed]: head } };
    try {
      sub.subscriber.onExpired(code, feed);
    } catch (error) {
      log({ level: 'error', msg: 'event subscriber failed', city: code, detail: String(error) });
    }
  };

  const onEvents = (code: string, events: readonly BureauEvent[]) => {
    for (const sub of subscriptions) {
      const state = sub.bureaus.get(code);
      if (state?.kind === 'catching-up') state.buffer.push(...events);
      else for (const event of events) deliver(sub, code, event);
    }
  };

  const onExpired = (code: string, feeds: readonly string[]) => {
    const head = followers.get(code)?.position() ?? {};
    for (const sub of subscriptions) {
      if (sub.bureaus.get(code)?.kind === 'catching-up') continue; // its own pulls will say so
      for (const feed of feeds) expire(sub, code, feed, head[feed] ?? 0);
    }
  };

  const catchUp = async (sub: Subscription, code: string) => {
    let failures = 0;
    while (!sub.closed.signal.aborted) {
      const target = bureau(code);
      if (target === null) break; // left the registry: nothing more to catch up
      const outcome = await pullEvents(target, { after: sub.position[code] ?? null, limit: MAX_EVENTS_PER_PULL, waitMs: 0 }, sub.closed.signal);
      if (sub.closed.signal.aborted) return;
      if (outcome.kind === 'failed') {
        await waitOrAbort(retryDelay(++failures), sub.closed.signal);
        continue;
      }
      failures = 0;
      const { events, heads, expired } = outcome.answer;
      for (const feed of expired) expire(sub, code, feed, heads[feed] ?? 0);
      // A feed the subscriber's position lacks is taken from now (the bureau reads it from its head).
      for (const [feed, head] of Object.entries(heads)) {
        if (!Object.hasOwn(sub.position[code] ?? {}, feed)) sub.position = { ...sub.position, [code]: { ...sub.position[code], [feed]: head } };
      }
      for (const event of events) deliver(sub, code, event);
      const at = sub.position[code] ?? {};
      if (Object.entries(heads).every(([feed, head]) => (at[feed] ?? -1) >= head)) break;
    }
    const state = sub.bureaus.get(code);
    sub.bureaus.set(code, { kind: 'live' });
    if (state?.kind === 'catching-up') for (const event of state.buffer) deliver(sub, code, event);
  };

  const startCatchUp = (sub: Subscription, code: string) => {
    sub.bureaus.set(code, { kind: 'catching-up', buffer: [] });
    const running = catchUp(sub, code).catch((error: unknown) => log({ level: 'error', msg: 'event catch-up', city: code, detail: String(error) }));
    catchUps.add(running);
    void running.finally(() => catchUps.delete(running));
  };

  const reconcile = () => {
    if (closed) return;
    const wanted = new Set(bureaus().map((b) => b.code));
    for (const [code, follower] of followers) {
      if (wanted.has(code)) continue;
      followers.delete(code);
      void follower.stop();
    }
    for (const code of wanted) {
      if (followers.has(code)) continue;
      followers.set(code, createBureauFollower({ code, bureau: () => bureau(code), waitMs, retryDelay, now, onEvents, onExpired, log }));
    }
  };

  const unwatch = options.watchBureaus?.(reconcile) ?? (() => undefined);
  reconcile();

  const head = (): RegionPosition => {
    const position: Record<string, FeedPosition> = {};
    for (const [code, follower] of followers) {
      const at = follower.position();
      if (at !== null) position[code] = at;
    }
    return position;
  };

  return {
    subscribe(from: RegionPosition | null, subscriber: HubSubscriber): HubSubscription {
      const sub: Subscription = { subscriber, position: head(), bureaus: new Map(), closed: new AbortController() };
      subscriptions.add(sub);
      if (from !== null) {
        for (const code of followers.keys()) {
          const wanted = sanitized(Object.hasOwn(from, code) ? from[code] : undefined);
          if (wanted === null) continue; // not in the client's position: from now
          sub.position = { ...sub.position, [code]: { ...sub.position[code], ...wanted } };
          const followerAt = followers.get(code)?.position() ?? null;
          const behind = followerAt === null || Object.entries(followerAt).some(([feed, seq]) => (wanted[feed] ?? seq) !== seq);
          if (behind) startCatchUp(sub, code);
        }
      }
      return {
        close() {
          sub.closed.abort();
          subscriptions.delete(sub);
        },
      };
    },
    head,
    status: (): FollowerStatus[] => [...followers.values()].map((f) => f.status()),
    subscribers: () => subscriptions.size,
    received: () => [...followers.entries()].flatMap(([cityCode, f]) => [...f.received()].map(([feed, count]) => ({ cityCode, feed, count }))),
    async close() {
      closed = true;
      unwatch();
      for (const sub of subscriptions) sub.closed.abort();
      subscriptions.clear();
      await Promise.all([...[...followers.values()].map((f) => f.stop()), ...catchUps]);
      followers.clear();
    },
  };
}

/** A client-given position for one bureau, kept only where it is well-formed (it comes from a client's event id). */
function sanitized(position: FeedPosition | undefined): Record<string, number> | null {
  if (typeof position !== 'object' || position === null) return null;
  const kept: Record<string, number> = {};
  for (const [feed, seq] of Object.entries(position)) if (FEED.test(feed) && Number.isSafeInteger(seq) && seq >= 0) kept[feed] = seq;
  return Object.keys(kept).length > 0 ? kept : null;
}
