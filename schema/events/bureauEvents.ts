/**
 * The event stream protocol between a bureau and the gateway, as the bureau's edge (the subgraph
 * kit's event routes) and the gateway's followers (gateway/events/) speak it.
 *
 * A bureau's events come from its durable records — its store is the log: readings as its adapter
 * stores or sees them, alarms derived from those readings by the standards' alarm rules, and
 * cooperation records as they are written or received. A bureau has one or more **feeds** (e.g.
 * `readings` in the store the readings live in, `cooperation` in the cooperation store); within a
 * feed every event has a sequence number, strictly increasing, never reused, assigned in the same
 * transaction as the record it reports (or, for rows a bureau's own system writes, when the
 * adapter's poll first sees them). Feeds are independent: order is kept within a feed, not across.
 *
 * A position is the last sequence seen per feed. The gateway pulls with POST `/events/pull`
 * (signed like every gateway → bureau request, role `gateway`), a long poll: the bureau answers at
 * once when a feed has events after the position, else holds the request until one is appended or
 * `waitMs` passes, then answers with what it has (maybe nothing) and its current heads. Events are
 * kept at least `retentionMs` (24 h or more); a position older than a feed's oldest kept event is
 * answered as `expired` for that feed (the client must re-query), never silently skipped.
 */
import { z } from 'zod';

export const EVENT_ROUTES = { pull: '/events/pull' } as const;

/** Most events one pull returns (all feeds together). */
export const MAX_EVENTS_PER_PULL = 1000;
/** Longest a pull may be held open by the bureau. */
export const MAX_PULL_WAIT_MS = 30_000;
/** Shortest time a bureau keeps every event of its feeds. */
export const MIN_EVENT_RETENTION_MS = 24 * 60 * 60 * 1000;

const feedName = z.string().regex(/^[a-z][a-z0-9-]{0,31}$/);
const sequence = z.number().int().min(0);
const epochMs = z.number().int();
/** A record's global id (schema/globalId.ts). */
const globalId = z.string().min(1).max(160);

/** Sequence last seen per feed. */
export const feedPositionSchema = z.record(feedName, sequence);
export type FeedPosition = z.infer<typeof feedPositionSchema>;

const dataFlag = z.string().min(1).max(2);
const readingValue = z.strictObject({ code: z.string().min(1).max(16), value: z.number().nullable(), flag: dataFlag });

/** A reading as the contract's `Reading` shows it, for the station `stationId` (local id) of this bureau. */
const reading = z.strictObject({
  stationId: z.string().min(1).max(160),
  /** The contract's StationKind, so a subscriber's `kind` filter needs no lookup. */
  stationKind: z.enum(['WATER_QUALITY', 'AIR_QUALITY', 'POLLUTION_SOURCE']),
  time: epochMs,
  /** The contract's ReadingInterval. */
  interval: z.string().min(1).max(32),
  values: z.array(readingValue).max(200),
});

/** An alarm as the contract's `Alarm` shows it (station by local id; resolved through the graph). */
const alarm = z.strictObject({
  /** The contract's Alarm.id: the same series always gives the same id. */
  id: z.string().min(1).max(300),
  stationId: z.string().min(1).max(160),
  stationKind: z.enum(['WATER_QUALITY', 'AIR_QUALITY', 'POLLUTION_SOURCE']),
  kind: z.enum(['ABNORMAL_FLAG', 'OVER_LIMIT', 'MISSING_DATA', 'FLATLINE', 'SPIKE']),
  severity: z.enum(['INFO', 'WARNING', 'CRITICAL']),
  code: z.string().max(16).nullable(),
  name: z.string().max(100).nullable(),
  from: epochMs,
  to: epochMs,
  reason: z.string().max(2000),
  values: z.array(z.strictObject({ time: epochMs, code: z.string().max(16), value: z.number().nullable(), flag: dataFlag })).max(200),
  limit: z.strictObject({ min: z.number().nullable(), max: z.number().nullable(), unit: z.string().max(32), source: z.string().max(200) }).nullable(),
});

/** What happened; every kind names the record (its key) the subscriber's selection is resolved from. */
export const bureauEventBodySchema = z.discriminatedUnion('kind', [
  /** A reading the bureau stored (HJ 212 ingest) or first saw in its own system (adapter poll). */
  z.strictObject({ kind: z.literal('reading'), reading }),
  /** An alarm rule fired on readings as they arrived (evaluated at the bureau, like `alarms`). */
  z.strictObject({ kind: z.literal('alarm'), alarm }),
  /**
   * One of this bureau's incidents was written: reported, a report added, a notice's state changed.
   * `change` as the bureaus write it: REPORTED, REPORT_ADDED, FINAL_REPORT_ADDED (the incident is now
   * closed), NOTICE_DELIVERED, NOTICE_ACKNOWLEDGED (a recipient's copy reached that state). Read it as
   * open text: a later bureau may add values.
   */
  z.strictObject({ kind: z.literal('incident-updated'), incidentId: globalId, change: z.string().min(1).max(64) }),
  /** A notice arrived in this bureau's inbox (its own copy's global id). */
  z.strictObject({ kind: z.literal('notice-received'), noticeId: globalId, incidentId: globalId }),
  /** A bulletin arrived in this bureau's inbox (its own copy's global id). */
  z.strictObject({ kind: z.literal('bulletin-received'), bulletinId: globalId }),
]);

export const bureauEventSchema = z.strictObject({
  feed: feedName,
  seq: sequence,
  /** Epoch ms when the bureau recorded it. */
  at: epochMs,
  body: bureauEventBodySchema,
});

export type BureauEvent = z.infer<typeof bureauEventSchema>;
export type BureauEventBody = z.infer<typeof bureauEventBodySchema>;
export type BureauEventKind = BureauEventBody['kind'];

/**
 * POST /events/pull. `after: null` asks only for the heads (a follower that starts "from now");
 * a feed missing from `after` is read from its head, so nothing older is sent for it.
 */
export const eventPullRequestSchema = z.strictObject({
  after: feedPositionSchema.nullable(),
  limit: z.number().int().min(1).max(MAX_EVENTS_PER_PULL),
  waitMs: z.number().int().min(0).max(MAX_PULL_WAIT_MS),
});
export type EventPullRequest = z.infer<typeof eventPullRequestSchema>;

export const eventPullAnswerSchema = z.strictObject({
  /** In sequence order within each feed. */
  events: z.array(bureauEventSchema),
  /** Last sequence written per feed (what a position resumes from when it is up to date). */
  heads: feedPositionSchema,
  /** Feeds whose requested position is older than their oldest kept event: nothing sent for them. */
  expired: z.array(feedName),
  /** How long this bureau keeps events (at least MIN_EVENT_RETENTION_MS). */
  retentionMs: z.number().int().min(MIN_EVENT_RETENTION_MS),
});
export type EventPullAnswer = z.infer<typeof eventPullAnswerSchema>;
