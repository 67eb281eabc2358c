/**
 * OpenTelemetry export of the real gateway process (gateway/server/gateway.main.ts) over real bureaus: with
 * ECOGRAPH_OTEL_ENDPOINT a collector on a loopback port receives one span per GraphQL request and
 * one child per bureau fetch; without it nothing is exported, even with the standard OTEL_*
 * variables pointing at a collector.
 */
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGatewayFederation, type GatewayFederation } from '../fixtures/gatewayFederation.ts';
import { startGatewayProcess, type GatewayProcess } from '../fixtures/gatewayProcess.ts';
import { startOtlpCollector, type CollectedSpan, type OtlpCollector } from '../fixtures/otlpCollector.ts';

const LIVE = ['510900', '500152'];
const DEAD = '511600';
/** Client input that must never reach a span: a variable (personal data) and a header. */
const SECRET_VARIABLE = 'PHONE-13800138000';
const SECRET_HEADER = 'header-secret-5b1d';

let federation: GatewayFederation;
let collector: OtlpCollector;
let silentCollector: OtlpCollector;
let traced: GatewayProcess;
let untraced: GatewayProcess;

/** A loopback port nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

beforeAll(async () => {
  [collector, silentCollector] = await Promise.all([startOtlpCollector(), startOtlpCollector()]);
  const dead = { code: DEAD, name: 'bureau that is down', url: `http://127.0.0.1:${await closedPort()}/graphql` };
  federation = await startGatewayFederation({
    bureaus: LIVE,
    extraCities: [dead],
    gatewayEnv: { ECOGRAPH_OTEL_ENDPOINT: collector.url, OTEL_BSP_SCHEDULE_DELAY: '100' },
  });
  traced = federation.gateway;
  untraced = await startGatewayProcess(federation.registry, {
    env: {
      ECOGRAPH_OTEL_ENDPOINT: '',
      // Everything the OpenTelemetry SDK would read if it were loaded: it must not be.
      OTEL_TRACES_EXPORTER: 'otlp',
      OTEL_EXPORTER_OTLP_ENDPOINT: silentCollector.origin,
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: silentCollector.url,
      OTEL_BSP_SCHEDULE_DELAY: '100',
    },
  });
}, 300_000); // a federation and a second gateway, on a machine shared with other test runs

afterAll(async () => {
  await untraced?.stop();
  await federation?.stop();
  await Promise.all([collector?.close(), silentCollector?.close()]);
});

const STATIONS = `query StationsAcrossBureaus($search: String) {
  stations(first: 3, search: $search) { totalCount edges { node { id cityCode } } }
}`;

async function ask(gateway: GatewayProcess, requestId: string) {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': requestId, 'x-client-note': SECRET_HEADER },
    body: JSON.stringify({ query: STATIONS, variables: { search: SECRET_VARIABLE } }),
  });
  return (await response.json()) as { data?: any; errors?: Array<{ extensions?: Record<string, unknown> }> };
}

describe('OpenTelemetry export', () => {
  it('exports one span per request and one child per bureau fetch, with outcomes and failure reasons, and no client input', async () => {
    const answer = await ask(traced, 'trace-e2e-1');
    const unavailable = answer.errors?.find((e) => e.extensions?.['code'] === 'CITY_UNAVAILABLE');
    expect(unavailable?.extensions?.['city'], 'the dead bureau is reported').toBe(DEAD);

    const isRequest = (s: CollectedSpan) => s.attributes['ecograph.request_id'] === 'trace-e2e-1';
    const spans = await collector.waitFor((all) => {
      const request = all.find(isRequest);
      return request !== undefined && all.filter((s) => s.parentSpanId === request.spanId).length >= 3;
    });
    const request = spans.find(isRequest)!;
    expect(request.name).toBe('query StationsAcrossBureaus');
    expect(request.kind).toBe(2); // server
    expect(request.resource['service.name']).toBe('ecograph-gateway');
    expect(request.attributes).toEqual({
      'ecograph.request_id': 'trace-e2e-1',
      'graphql.operation.name': 'StationsAcrossBureaus',
      'graphql.operation.type': 'query',
      'ecograph.outcome': 'error',
      'ecograph.error_codes': ['CITY_UNAVAILABLE'],
    });
    expect(request.status.code).toBe(2);

    const children = spans.filter((s) => s.parentSpanId === request.spanId);
    expect(children.map((s) => s.name).sort()).toEqual([DEAD, ...LIVE].map((code) => `bureau ${code}`).sort());
    for (const child of children) {
      expect(child.traceId).toBe(request.traceId);
      expect(child.kind).toBe(3); // client
      expect(child.startNs >= request.startNs && child.endNs <= request.endNs, `${child.name} lies within its request`).toBe(true);
      expect(child.attributes['ecograph.bureau.duration_ms']).toBeGreaterThan(0);
    }
    for (const code of LIVE) {
      expect(children.find((s) => s.name === `bureau ${code}`)!.attributes).toMatchObject({ 'ecograph.city': code, 'ecograph.bureau.outcome': 'ok' });
    }
    const dead = children.find((s) => s.name === `bureau ${DEAD}`)!;
    expect(dead.attributes).toMatchObject({
      'ecograph.city': DEAD,
      'ecograph.bureau.outcome': 'failed',
      'ecograph.bureau.failure_reason': unavailable!.extensions!['reason'], // the same reason the client was told
    });
    expect(dead.status.code).toBe(2);

    expect(collector.requests.every((r) => r.method === 'POST' && r.path === '/v1/traces' && r.contentType === 'application/json')).toBe(true);
    const exported = collector.requests.map((r) => r.body).join('\n');
    for (const secret of [SECRET_VARIABLE, SECRET_HEADER, 'stations(']) expect(exported).not.toContain(secret);
  });

  it('traces a query the known-operation path answers as it traces one Apollo answers: the same span, its bureaus under it', async () => {
    const live = `query LiveStations($codes: [ID!]) { stations(first: 3, cityCodes: $codes) { totalCount edges { node { id cityCode } } } }`;
    const send = async (requestId: string, codes: readonly string[]) => (await fetch(traced.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': requestId },
      body: JSON.stringify({ query: live, variables: { codes } }),
    })).json() as Promise<{ errors?: Array<{ extensions?: Record<string, unknown> }> }>;
    // Apollo answers the text first; the path answers it again, unless the registry's re-check
    // reloaded the schema in between (which forgets known texts): then the pair is asked again.
    let pair = 0;
    for (let knownBefore = -1; pair < 5; pair++) {
      knownBefore = await knownOperationRequests(traced);
      expect((await send(`known-apollo-${pair}`, LIVE)).errors).toBeUndefined();
      expect((await send(`known-path-${pair}`, LIVE)).errors).toBeUndefined();
      if (await knownOperationRequests(traced) === knownBefore + 1) break;
    }
    expect(pair, 'the second of a pair was answered by the known-operation path').toBeLessThan(5);
    const [apolloId, pathId] = [`known-apollo-${pair}`, `known-path-${pair}`];

    const requestOf = (all: CollectedSpan[], id: string) => all.find((s) => s.attributes['ecograph.request_id'] === id);
    const spans = await collector.waitFor((all) => [apolloId, pathId].every((id) => {
      const request = requestOf(all, id);
      return request !== undefined && all.filter((s) => s.parentSpanId === request.spanId).length >= LIVE.length;
    }));
    const byApollo = requestOf(spans, apolloId)!;
    const byPath = requestOf(spans, pathId)!;
    expect(byPath.name).toBe('query LiveStations');
    expect({ ...byPath.attributes, 'ecograph.request_id': null }).toEqual({ ...byApollo.attributes, 'ecograph.request_id': null });
    expect(byPath.attributes['ecograph.outcome']).toBe('ok');
    expect(byPath.status.code).toBe(byApollo.status.code);
    const children = spans.filter((s) => s.parentSpanId === byPath.spanId);
    expect(children.map((s) => s.name).sort()).toEqual(LIVE.map((code) => `bureau ${code}`).sort());
    for (const child of children) expect(child.startNs >= byPath.startNs && child.endNs <= byPath.endNs).toBe(true);
    expect(spans.filter((s) => s.attributes['ecograph.request_id'] === pathId), 'one span for the request').toHaveLength(1);

    // The same known text for the dead bureau: the path runs it, gets an error, and hands it to Apollo
    // to answer. One span still, opened by the path and closed by Apollo with the error.
    const failed = await send('known-error', [DEAD]);
    expect(failed.errors?.[0]?.extensions?.['code']).toBe('CITY_UNAVAILABLE');
    const withError = await collector.waitFor((all) => {
      const request = requestOf(all, 'known-error');
      return request !== undefined && all.some((s) => s.parentSpanId === request.spanId);
    });
    const errorSpans = withError.filter((s) => s.attributes['ecograph.request_id'] === 'known-error');
    expect(errorSpans).toHaveLength(1);
    expect(errorSpans[0]!.attributes).toMatchObject({ 'ecograph.outcome': 'error', 'ecograph.error_codes': ['CITY_UNAVAILABLE'] });
    expect(withError.filter((s) => s.parentSpanId === errorSpans[0]!.spanId).map((s) => s.name)).toEqual([`bureau ${DEAD}`]);
  });

  it('exports nothing without ECOGRAPH_OTEL_ENDPOINT, even with OTEL_EXPORTER_OTLP_* pointing at a collector', async () => {
    for (let i = 0; i < 3; i += 1) expect((await ask(untraced, `untraced-${i}`)).data).toBeDefined();
    // A configured exporter flushes its buffer on SIGTERM and waits for the collector's answer
    // before the process exits; stop() waits for that exit, so anything exported has arrived.
    await untraced.stop();
    expect(silentCollector.requests).toEqual([]);
    expect(collector.spans().filter((s) => String(s.attributes['ecograph.request_id']).startsWith('untraced-'))).toEqual([]);
  });
});

async function knownOperationRequests(gateway: GatewayProcess): Promise<number> {
  const text = await (await fetch(`${gateway.origin}/metrics`)).text();
  return Number(/^gateway_known_operation_requests_total (\d+)/m.exec(text)?.[1] ?? 0);
}
