/** What `--part live` measured (bench/live/runLive.ts). */
export interface LiveResult {
  readonly settings: {
    readonly subscribers: number;
    readonly connections: number;
    readonly rate: number;
    readonly seconds: number;
    readonly transport: 'graphql-ws';
    readonly query: string;
  };
  readonly packetsSent: number;
  /** Reading events the bureau logged for them (read back from its log). */
  readonly eventsLogged: number;
  /** `next` messages with an event, over all subscribers. */
  readonly delivered: number;
  /** Logged events some subscriber never got, summed over subscribers. */
  readonly missing: number;
  readonly duplicates: number;
  readonly outOfOrder: number;
  /** Results with errors, and subscriptions that failed. */
  readonly errors: number;
  readonly firstError: string | null;
  /** Commit at the ingest (the event's `at`) → the event parsed at the client. */
  readonly latencyMs: { readonly p50: number | null; readonly p99: number | null; readonly max: number | null };
  readonly memory: { readonly rssBeforeBytes: number; readonly rssIdleBytes: number; readonly bytesPerIdleSubscriber: number };
  readonly cpu: { readonly gatewayMs: number | null; readonly perDeliveredEventMs: number | null };
}
