/**
 * The tracer against a real OTLP/HTTP exporter and a collector on a loopback port: request spans,
 * bureau-fetch spans under the request whose work made them, and nothing at all when disabled.
 */
import { OperationTypeNode } from 'graphql';
import { afterEach, describe, expect, it } from 'vitest';
import type { RequestOutcome } from '../../../gateway/request/readOutcome.ts';
import { createTracer, type GatewayTracer } from '../../../gateway/telemetry/createTracer.ts';
import { startOtlpCollector, type OtlpCollector } from '../../fixtures/otlpCollector.ts';

let collector: OtlpCollector | undefined;
let tracer: GatewayTracer | undefined;

afterEach(async () => {
  await tracer?.shutdown();
  await collector?.close();
  tracer = collector = undefined;
});

const OK = { kind: 'ok', city: '510900', response: { data: {}, errors: [{ message: 'x' }] } } as const;
const DOWN = { kind: 'failed', city: '500152', reason: 'timeout', message: 'http://10.1.2.3:4012 timed out' } as const;
const ENDED: RequestOutcome = { operationName: 'Cases', operationType: OperationTypeNode.QUERY, outcome: 'error', errorCodes: ['CITY_UNAVAILABLE'] };

describe('createTracer', () => {
  it('is disabled without a config: work runs as is and nothing is exported', async () => {
    tracer = await createTracer(null);
    expect(tracer.enabled).toBe(false);
    const request = {};
    tracer.startRequest(request, 'r-1');
    expect(await tracer.within(request, async () => 42)).toBe(42);
    tracer.observeCitySend(OK, 5);
    tracer.endRequest(request, ENDED);
    await tracer.shutdown();
  });

  it('exports a request span with its bureau fetches as children, each with its outcome, and closes with the request\'s outcome', async () => {
    collector = await startOtlpCollector();
    tracer = await createTracer({ endpoint: collector.url, serviceName: 'gateway-under-test' });
    const [a, b] = [{}, {}];
    tracer.startRequest(a, 'request-a');
    tracer.startRequest(b, 'request-b');
    // Two requests at once: each bureau span goes under the request whose work made it.
    await Promise.all([
      tracer.within(a, async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        tracer!.observeCitySend(OK, 3.5);
      }),
      tracer.within(b, async () => {
        tracer!.observeCitySend(DOWN, 12);
      }),
    ]);
    tracer.observeCitySend(OK, 1); // outside any request: no span
    tracer.endRequest(a, ENDED);
    tracer.endRequest(b, { operationName: '(anonymous)', operationType: OperationTypeNode.QUERY, outcome: 'ok', errorCodes: [] });
    await tracer.shutdown();

    const spans = collector.spans();
    expect(spans.map((s) => s.name).sort()).toEqual(['bureau 500152', 'bureau 510900', 'query', 'query Cases']);
    expect(collector.requests.every((r) => r.path === '/v1/traces' && r.contentType === 'application/json')).toBe(true);
    const byName = Object.fromEntries(spans.map((s) => [s.name, s]));
    const [requestA, requestB] = [byName['query Cases']!, byName['query']!];
    expect(requestA.resource['service.name']).toBe('gateway-under-test');
    expect(requestA.kind).toBe(2);
    expect(requestA.attributes).toEqual({
      'ecograph.request_id': 'request-a', 'graphql.operation.name': 'Cases', 'graphql.operation.type': 'query',
      'ecograph.outcome': 'error', 'ecograph.error_codes': ['CITY_UNAVAILABLE'],
    });
    expect(requestA.status).toMatchObject({ code: 2, message: 'CITY_UNAVAILABLE' });
    expect(requestB.attributes).toMatchObject({ 'ecograph.request_id': 'request-b', 'ecograph.outcome': 'ok' });
    expect(requestB.status.code).toBe(0);

    const [okSpan, downSpan] = [byName['bureau 510900']!, byName['bureau 500152']!];
    expect([okSpan.parentSpanId, okSpan.traceId]).toEqual([requestA.spanId, requestA.traceId]);
    expect([downSpan.parentSpanId, downSpan.traceId]).toEqual([requestB.spanId, requestB.traceId]);
    expect(requestA.traceId).not.toBe(requestB.traceId);
    expect(okSpan.kind).toBe(3);
    expect(okSpan.attributes).toEqual({ 'ecograph.city': '510900', 'ecograph.bureau.outcome': 'ok', 'ecograph.bureau.duration_ms': 3.5, 'ecograph.bureau.graphql_errors': 1 });
    expect(downSpan.attributes).toEqual({ 'ecograph.city': '500152', 'ecograph.bureau.outcome': 'failed', 'ecograph.bureau.duration_ms': 12, 'ecograph.bureau.failure_reason': 'timeout' });
    expect(downSpan.status).toMatchObject({ code: 2, message: 'timeout' });
    expect(Number(downSpan.endNs - downSpan.startNs) / 1e6).toBeCloseTo(12, 0);
    // The failure's message names a host: it stays in the logs, never in a span.
    expect(collector.requests.map((r) => r.body).join('')).not.toContain('10.1.2.3');
  });

  it("keeps one span per request across copies of its context (Apollo's clone, the known-operation path's own), keyed by the request's signal", async () => {
    collector = await startOtlpCollector();
    tracer = await createTracer({ endpoint: collector.url, serviceName: 'gateway-under-test' });
    const signal = new AbortController().signal;
    const pathContext = { requestId: 'r-1', signal };
    const apolloCopy = { ...pathContext };
    tracer.startRequest(pathContext, 'r-1');
    await tracer.within(pathContext, async () => tracer!.observeCitySend(OK, 2));
    tracer.startRequest(apolloCopy, 'r-1'); // Apollo's plugin, answering the path's error result: no second span
    tracer.endRequest(apolloCopy, ENDED);
    tracer.endRequest(pathContext, ENDED); // already closed: nothing more
    await tracer.shutdown();

    const spans = collector.spans();
    expect(spans.map((s) => s.name).sort()).toEqual(['bureau 510900', 'query Cases']);
    const request = spans.find((s) => s.name === 'query Cases')!;
    expect(spans.find((s) => s.name === 'bureau 510900')!.parentSpanId).toBe(request.spanId);
  });
});
