/**
 * The gateway's Prometheus metrics on a registry of its own (not prom-client's global one, so two
 * gateways in one process, as in tests, never share or double-register series). Bureau circuit and
 * contract state are read from the city registry at scrape time, so they are never stale.
 */
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { CityStatus } from '../registry/CityLink.ts';
import type { Readiness } from '../registry/CityRegistry.ts';
import type { OutboxFigures } from '../cooperation/createDeliveryRelay.ts';
import type { CityOutcome } from '../shard-engine/index.ts';
import type { FollowerStatus } from '../events/EventHub.ts';

export interface GatewayMetrics {
  readonly registry: Registry;
  readonly requests: Counter<'operation' | 'outcome'>;
  readonly requestSeconds: Histogram<'operation' | 'outcome'>;
  readonly documentCacheHits: Counter;
  /** Requests answered by the known-operation path (gateway/known-operations/), without Apollo Server's pipeline. */
  readonly knownOperationRequests: Counter;
  /** Requests refused with 429 by the rate limit, by caller role (never by key: addresses would explode the series). */
  readonly rateLimited: Counter<'role'>;
  /** The city registry's send observer: one bureau request settled after `durationMs`. */
  observeCitySend(outcome: CityOutcome, durationMs: number): void;
  /** The city registry's sharing observer: a client request joined an identical bureau query in flight (one request saved). */
  observeSharedSend(city: string): void;
}

const CIRCUIT_VALUE = { closed: 0, 'half-open': 1, open: 2 } as const;
const STATUSES: readonly CityStatus[] = ['pending', 'up', 'degraded', 'down', 'off-contract', 'disabled'];

/** What the cooperation relay last saw in each bureau's outbox, and the clock to age it by. */
export interface OutboxReader {
  readonly figures: () => ReadonlyMap<string, OutboxFigures>;
  readonly now: () => number;
}

/** What the event hub shows of its bureau streams (gateway/events/createEventHub.ts). */
export interface EventStreamReader {
  status(): readonly FollowerStatus[];
  received(): ReadonlyArray<{ readonly cityCode: string; readonly feed: string; readonly count: number }>;
  subscribers(): number;
}

/** What the subscriptions show (gateway/live/createSubscriptionFanout.ts). */
export interface LiveFigures {
  readonly subscriptions: number;
  readonly streams: number;
}

const STREAM_STATES: readonly FollowerStatus['state'][] = ['connecting', 'following', 'retrying', 'stopped'];

/** Where the gauges read the gateway's state, at scrape time; a part the gateway does not run is left out. */
export interface MetricsReaders {
  readonly bureaus: () => Readiness['cities'];
  readonly outboxes?: () => OutboxReader | null;
  readonly eventStreams?: () => EventStreamReader | null;
  readonly live?: () => LiveFigures | null;
  readonly statusWatchers?: () => number;
}

export function createGatewayMetrics(read: MetricsReaders): GatewayMetrics {
  const { bureaus: readBureaus, outboxes: readOutboxes, eventStreams: readEventStreams, live: readLive, statusWatchers: readStatusWatchers } = read;
  const registry = new Registry();
  const registers = [registry];
  const requests = new Counter({ name: 'gateway_requests_total', help: 'GraphQL requests by operation name and outcome', labelNames: ['operation', 'outcome'] as const, registers });
  const requestSeconds = new Histogram({ name: 'gateway_request_duration_seconds', help: 'GraphQL request latency', labelNames: ['operation', 'outcome'] as const, registers });
  const documentCacheHits = new Counter({ name: 'gateway_document_cache_hits_total', help: 'Requests whose parsed and validated document came from Apollo\'s document cache (or the known operations)', registers });
  const knownOperationRequests = new Counter({ name: 'gateway_known_operation_requests_total', help: 'Queries answered again without Apollo Server\'s per-request pipeline (known text, no error)', registers });
  const rateLimited = new Counter({ name: 'gateway_rate_limited_requests_total', help: 'Requests refused with HTTP 429 by the rate limit, by caller role', labelNames: ['role'] as const, registers });
  const citySeconds = new Histogram({ name: 'gateway_subgraph_request_duration_seconds', help: 'Bureau request latency by city code', labelNames: ['city'] as const, registers });
  const cityFailures = new Counter({ name: 'gateway_subgraph_request_failures_total', help: 'Failed bureau requests by city code and failure reason', labelNames: ['city', 'reason'] as const, registers });
  const cityShared = new Counter({
    name: 'gateway_subgraph_requests_deduplicated_total',
    help: 'Bureau requests saved: client requests that joined an identical query to the bureau already in flight (same document, variables and access profile), by city code',
    labelNames: ['city'] as const, registers,
  });
  const cityCancelled = new Counter({ name: 'gateway_subgraph_requests_cancelled_total', help: 'Bureau requests cancelled because their client hung up, by city code', labelNames: ['city'] as const, registers });
  new Gauge({
    name: 'gateway_bureau_circuit_state', help: 'Circuit breaker per bureau: 0 closed, 1 half-open, 2 open', labelNames: ['city'] as const, registers,
    collect() {
      this.reset(); // bureaus removed from the registry file disappear from the scrape
      for (const bureau of readBureaus()) this.set({ city: bureau.code }, CIRCUIT_VALUE[bureau.circuit as keyof typeof CIRCUIT_VALUE] ?? 0);
    },
  });
  new Gauge({
    name: 'gateway_bureau_contract_state', help: 'Last check of each bureau: 1 for its current status, 0 for the others', labelNames: ['city', 'status'] as const, registers,
    collect() {
      this.reset();
      for (const bureau of readBureaus()) for (const status of STATUSES) this.set({ city: bureau.code, status }, bureau.status === status ? 1 : 0);
    },
  });
  new Gauge({
    name: 'gateway_cooperation_pending_deliveries', help: "Messages waiting in each bureau's outbox (incident notices, acknowledgements), as the relay last pulled them",
    labelNames: ['city'] as const, registers,
    collect() {
      this.reset();
      for (const [city, f] of readOutboxes?.()?.figures() ?? []) this.set({ city }, f.pendingCount);
    },
  });
  new Gauge({
    name: 'gateway_cooperation_oldest_pending_age_seconds', help: "Age of the oldest undelivered message in each bureau's outbox (0 when none)",
    labelNames: ['city'] as const, registers,
    collect() {
      this.reset();
      const reader = readOutboxes?.();
      for (const [city, f] of reader?.figures() ?? []) {
        this.set({ city }, f.oldestPendingAt === null ? 0 : Math.max(0, (reader!.now() - f.oldestPendingAt) / 1000));
      }
    },
  });
  new Gauge({
    name: 'gateway_event_stream_state', help: "Each bureau's event stream: 1 for its current state, 0 for the others", labelNames: ['city', 'state'] as const, registers,
    collect() {
      this.reset();
      for (const s of readEventStreams?.()?.status() ?? []) for (const state of STREAM_STATES) this.set({ city: s.cityCode, state }, s.state === state ? 1 : 0);
    },
  });
  new Gauge({
    name: 'gateway_event_stream_lag_seconds', help: 'Age of the newest event of each bureau when it reached the gateway (recorded at the bureau → received)',
    labelNames: ['city'] as const, registers,
    collect() {
      this.reset();
      for (const s of readEventStreams?.()?.status() ?? []) if (s.lagMs !== null) this.set({ city: s.cityCode }, s.lagMs / 1000);
    },
  });
  new Gauge({
    name: 'gateway_event_stream_events_received', help: 'Events received from each bureau and feed since its stream was first followed by this gateway',
    labelNames: ['city', 'feed'] as const, registers,
    collect() {
      this.reset();
      for (const r of readEventStreams?.()?.received() ?? []) this.set({ city: r.cityCode, feed: r.feed }, r.count);
    },
  });
  new Gauge({
    name: 'gateway_event_hub_subscribers', help: 'Source streams reading the event hub now (identical subscriptions share one: gateway_live_source_streams)', registers,
    collect() {
      const reader = readEventStreams?.();
      if (reader) this.set(reader.subscribers());
    },
  });
  new Gauge({
    name: 'gateway_live_subscriptions', help: 'Subscriptions open now (SSE streams and graphql-ws subscriptions)', registers,
    collect() {
      const figures = readLive?.();
      if (figures) this.set(figures.subscriptions);
    },
  });
  new Gauge({
    name: 'gateway_live_source_streams', help: 'Source streams serving them: identical subscriptions (same document, variables and access profile, from now) share one', registers,
    collect() {
      const figures = readLive?.();
      if (figures) this.set(figures.streams);
    },
  });
  new Gauge({
    name: 'gateway_bureau_status_subscribers', help: "Source streams following the registry's bureau state changes now (bureauStatusChanged)", registers,
    collect() {
      if (readStatusWatchers) this.set(readStatusWatchers());
    },
  });
  return {
    registry, requests, requestSeconds, documentCacheHits, knownOperationRequests, rateLimited,
    observeCitySend(outcome, durationMs) {
      // A request its client cancelled is neither the bureau's failure nor its latency: counted apart.
      if (outcome.kind === 'failed' && outcome.reason === 'aborted') return cityCancelled.inc({ city: outcome.city });
      citySeconds.observe({ city: outcome.city }, durationMs / 1000);
      if (outcome.kind === 'failed') cityFailures.inc({ city: outcome.city, reason: outcome.reason });
    },
    observeSharedSend: (city) => cityShared.inc({ city }),
  };
}
