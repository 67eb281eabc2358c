/**
 * What the gateway's subscriptions read (gateway/live/) and its bureau followers provide: every
 * bureau's event stream (schema/events/bureauEvents.ts), fanned in. A subscriber starts either from
 * now or from a position it was given before (the id of the last event it saw, `RegionPosition`);
 * it then gets every later event of every bureau, in order within each bureau feed, once — the
 * catch-up from the bureaus' stores first, then live events, without a gap or a double between them.
 */
import type { BureauEvent, FeedPosition } from '../../schema/events/bureauEvents.ts';

/** Last sequence seen per bureau (city code) and feed: what a client's event id encodes. */
export type RegionPosition = Readonly<Record<string, FeedPosition>>;

export interface HubEvent {
  readonly cityCode: string;
  readonly event: BureauEvent;
  /** The subscriber's position once it has this event: the id to give the client with it. */
  readonly position: RegionPosition;
}

export interface HubSubscriber {
  onEvent(event: HubEvent): void;
  /** A bureau's feed no longer holds the events after the subscriber's position (older than its retention). */
  onExpired(cityCode: string, feed: string): void;
}

export interface HubSubscription {
  close(): void;
}

/** State of one bureau's stream, for /readyz and /metrics. */
export interface FollowerStatus {
  readonly cityCode: string;
  readonly state: 'connecting' | 'following' | 'retrying' | 'stopped';
  /** Epoch ms of the last answer from the bureau; null before the first. */
  readonly lastAnswerAt: number | null;
  /** Age in ms of the newest event received when it arrived (recorded at → received at the gateway). */
  readonly lagMs: number | null;
  readonly lastError: string | null;
}

export interface EventHub {
  /** From `from` (null = from now): every later event; `from` entries for unknown bureaus are ignored. */
  subscribe(from: RegionPosition | null, subscriber: HubSubscriber): HubSubscription;
  /** The current head of every bureau followed (a subscriber starting now resumes from here). */
  head(): RegionPosition;
  status(): readonly FollowerStatus[];
  close(): Promise<void>;
}
