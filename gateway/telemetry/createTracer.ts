/**
 * The gateway's optional OpenTelemetry export (ECOGRAPH_OTEL_ENDPOINT): one span per GraphQL
 * request and, under it, one span per bureau fetch that request made, sent as OTLP/HTTP JSON to a
 * collector inside the network.
 *
 * Off by default. Without an endpoint the SDK is not even loaded: no provider, no exporter, no
 * socket, so nothing can fall back to the exporter's implicit http://localhost:4318 or to the
 * OTEL_EXPORTER_OTLP_* variables. With one, the exporter gets that URL explicitly.
 *
 * The provider is deliberately not registered as the global one: @apollo/gateway creates spans
 * through the global API (query plans, subgraph names), and those must stay no-ops.
 *
 * Spans carry no query text, variables or headers (tokens, personal data): only the operation's
 * name and type, the request id, outcomes, error codes, bureau codes and durations.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Span } from '@opentelemetry/api';
import type { RequestOutcome } from '../request/readOutcome.ts';
import type { CityOutcome } from '../shard-engine/index.ts';

export interface TelemetryConfig {
  /** OTLP/HTTP traces URL of the collector, e.g. http://otel-collector:4318/v1/traces. */
  readonly endpoint: string;
  /** `service.name` of the exported spans. */
  readonly serviceName: string;
}

export interface GatewayTracer {
  readonly enabled: boolean;
  /**
   * Opens the span of one GraphQL request, unless it is open already (the known-operation path opens
   * it, and Apollo, answering a result with errors for it, asks again). `request` is its context
   * object, or any copy of it: the key for the calls below.
   */
  startRequest(request: object, requestId: string): void;
  /** Closes the request's span with what the logs and metrics record of it. */
  endRequest(request: object, outcome: RequestOutcome): void;
  /** Runs `work` for `request` so that the bureau fetches it makes become children of the request's span. */
  within<T>(request: object, work: () => T): T;
  /** The city registry's send observer: one child span per settled bureau fetch. */
  observeCitySend(outcome: CityOutcome, durationMs: number): void;
  /** Exports what is still buffered, then stops. */
  shutdown(): Promise<void>;
}

const DISABLED: GatewayTracer = Object.freeze({
  enabled: false,
  startRequest() {},
  endRequest() {},
  within: <T>(_request: object, work: () => T) => work(),
  observeCitySend() {},
  shutdown: async () => {},
});

export async function createTracer(config: TelemetryConfig | null): Promise<GatewayTracer> {
  if (config === null) return DISABLED;
  // Loaded only when configured (see the module comment).
  const [api, { NodeTracerProvider, BatchSpanProcessor }, { OTLPTraceExporter }, { resourceFromAttributes }] = await Promise.all([
    import('@opentelemetry/api'),
    import('@opentelemetry/sdk-trace-node'),
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/resources'),
  ]);
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': config.serviceName }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: config.endpoint }))],
  });
  const tracer = provider.getTracer('ecograph-gateway');
  const requests = new WeakMap<object, Span>();
  // Apollo Server hands its plugins and data sources a copy of the context object, not the one the
  // known-operation path ran with; every copy holds the request's own AbortSignal, so that is the key.
  const keyOf = (request: object): object => {
    const { signal } = request as { signal?: unknown };
    return signal instanceof AbortSignal ? signal : request;
  };
  // The request whose data source is running: the registry's observer is told of a bureau fetch
  // with no request attached, and this is how its span finds its parent.
  const current = new AsyncLocalStorage<Span>();
  const now = () => performance.timeOrigin + performance.now();

  return {
    enabled: true,
    startRequest(request, requestId) {
      const key = keyOf(request);
      if (requests.has(key)) return;
      const span = tracer.startSpan('GraphQL Operation', {
        kind: api.SpanKind.SERVER,
        attributes: { 'ecograph.request_id': requestId },
      }, api.ROOT_CONTEXT);
      requests.set(key, span);
    },
    endRequest(request, { operationName, operationType, outcome, errorCodes }) {
      const key = keyOf(request);
      const span = requests.get(key);
      if (!span) return;
      requests.delete(key);
      // OpenTelemetry's GraphQL convention: "{type} {name}", the type alone, or "GraphQL Operation".
      if (operationType) span.updateName(operationName.startsWith('(') ? operationType : `${operationType} ${operationName}`);
      span.setAttributes({
        'graphql.operation.name': operationName,
        ...(operationType && { 'graphql.operation.type': operationType }),
        'ecograph.outcome': outcome,
        ...(errorCodes.length > 0 && { 'ecograph.error_codes': [...errorCodes] }),
      });
      if (outcome === 'error') span.setStatus({ code: api.SpanStatusCode.ERROR, message: errorCodes.join(',') });
      span.end();
    },
    within(request, work) {
      const span = requests.get(keyOf(request));
      return span ? current.run(span, work) : work();
    },
    observeCitySend(outcome, durationMs) {
      const parent = current.getStore();
      if (!parent) return; // not on behalf of a traced request
      const endTime = now();
      const span = tracer.startSpan(`bureau ${outcome.city}`, {
        kind: api.SpanKind.CLIENT,
        startTime: endTime - durationMs,
        attributes: {
          'ecograph.city': outcome.city,
          'ecograph.bureau.outcome': outcome.kind,
          'ecograph.bureau.duration_ms': Math.round(durationMs * 100) / 100,
          ...(outcome.kind === 'failed'
            ? { 'ecograph.bureau.failure_reason': outcome.reason } // never outcome.message: it may name hosts
            : { 'ecograph.bureau.graphql_errors': outcome.response.errors?.length ?? 0 }),
        },
      }, api.trace.setSpan(api.ROOT_CONTEXT, parent));
      if (outcome.kind === 'failed') span.setStatus({ code: api.SpanStatusCode.ERROR, message: outcome.reason });
      span.end(endTime);
    },
    shutdown: () => provider.shutdown(),
  };
}
