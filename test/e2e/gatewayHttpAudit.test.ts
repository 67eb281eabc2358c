/**
 * GraphQL over HTTP compliance of the live gateway (graphql-http's server audits, the reference
 * implementation of the spec's audit list): every MUST passes; SHOULD and MAY results are printed
 * so a regression there is visible without failing the build.
 */
import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startGatewayFederation, type GatewayFederation } from '../fixtures/gatewayFederation.ts';

let federation: GatewayFederation;

beforeAll(async () => {
  // One bureau is enough: the audits only exercise the HTTP edge and `{ __typename }`.
  federation = await startGatewayFederation({ bureaus: ['500152'] });
});

afterAll(async () => {
  await federation?.stop();
});

it('passes every MUST audit of the GraphQL over HTTP spec, with CSRF prevention on', async () => {
  const audits = serverAudits({ url: () => federation.gateway.url, fetchFn: fetch });
  const results = await Promise.all(audits.map(async (audit) => ({ audit, result: await audit.fn() })));
  const failedMusts: string[] = [];
  const report: string[] = [];
  for (const { audit, result } of results) {
    if (result.status !== 'ok') report.push(`${result.status.toUpperCase()} ${audit.id} ${audit.name}: ${result.reason}`);
    if (result.status === 'error') failedMusts.push(`${audit.id} ${audit.name}: ${result.reason}`);
  }
  console.info(`graphql-http audit: ${results.length} audits, ${results.length - report.length} ok\n${report.join('\n')}`);
  expect(failedMusts).toEqual([]);
});

it('keeps CSRF prevention on: a simple GET without a preflight header is refused', async () => {
  const res = await fetch(`${federation.gateway.url}?query=${encodeURIComponent('{ __typename }')}`);
  expect(res.status).toBe(400);
});

it('answers application/graphql-response+json when the client asks for it', async () => {
  const res = await fetch(federation.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  expect(res.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
  expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
});
