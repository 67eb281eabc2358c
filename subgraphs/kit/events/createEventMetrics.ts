/**
 * The bureau edge's event-stream metrics, on a registry of their own, read at scrape time and served
 * at /metrics beside the ingest's (runSubgraphProcess.ts).
 */
import { Gauge, Registry } from 'prom-client';
import type { HeldPulls } from './HeldPulls.ts';

export interface EventMetrics {
  readonly contentType: string;
  metrics(): Promise<string>;
}

export function createEventMetrics(held: HeldPulls): EventMetrics {
  const registry = new Registry();
  new Gauge({
    name: 'bureau_event_pulls_held', help: 'Event pulls (POST /events/pull) held open now, waiting for an append.', registers: [registry],
    collect() { this.set(held.count); },
  });
  return { contentType: registry.contentType, metrics: () => registry.metrics() };
}
