/**
 * A front end on another origin calls the gateway (issue 17 item 12): the gateway runs with
 * ECOGRAPH_CORS_ORIGINS naming one loopback origin; two tiny pages are served from two other ports
 * (origins), one listed and one not. Over HTTP: the preflight answers and the headers on answers.
 * In headless Chromium: the listed page's fetch with Apollo Client's and urql's headers is answered
 * and readable, the other page's is blocked (a TypeError), and CSRF prevention still refuses a
 * simple cross-origin GET (no preflight) from the listed page.
 *
 * Without /usr/bin/chromium the browser part is skipped with a warning, except under CI=true,
 * where a missing browser fails (.ci/run installs it).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Browser, type Page } from 'playwright-core';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGatewayFederation, type GatewayFederation } from '../fixtures/gatewayFederation.ts';
import { hasChromium, launchChromium, requireChromiumInCi, warnIfChromiumMissing } from '../fixtures/headlessChromium.ts';

warnIfChromiumMissing('the CORS browser tests');

/** A page server: an empty HTML page at every path, on a free loopback port (its own origin). */
async function servePage(): Promise<{ origin: string; server: Server }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>front end</title>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

let federation: GatewayFederation;
let listed: { origin: string; server: Server };
let unlisted: { origin: string; server: Server };

beforeAll(async () => {
  listed = await servePage();
  unlisted = await servePage();
  federation = await startGatewayFederation({ bureaus: ['510900'], gatewayEnv: { ECOGRAPH_CORS_ORIGINS: `https://portal.example.cn,${listed.origin}` } });
}, 240_000);

afterAll(async () => {
  await federation?.stop();
  for (const page of [listed, unlisted]) await new Promise((resolve) => page?.server.close(resolve));
});

const preflight = (origin: string, path = '/graphql') => request(`${federation.gateway.origin}${path}`, {
  method: 'OPTIONS',
  headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization,apollo-require-preflight' },
});

describe('CORS over HTTP', () => {
  it('answers a listed origin\'s preflight with 204, its own origin, the methods and the headers clients send, without credentials', async () => {
    const answer = await preflight(listed.origin);
    await answer.body.dump();
    expect(answer.statusCode).toBe(204);
    expect(answer.headers['access-control-allow-origin']).toBe(listed.origin);
    expect(answer.headers['access-control-allow-methods']).toBe('GET, POST, OPTIONS');
    const allowed = String(answer.headers['access-control-allow-headers']).split(', ');
    expect(allowed).toEqual(expect.arrayContaining(['content-type', 'authorization', 'apollo-require-preflight',
      'x-apollo-operation-name', 'apollo-client-name', 'apollo-client-version', 'x-request-id']));
    expect(answer.headers['access-control-max-age']).toBe('600');
    expect(answer.headers['vary']).toBe('Origin');
    expect(answer.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('gives an unlisted origin no CORS header, in the preflight or on the answer', async () => {
    const pre = await preflight(unlisted.origin);
    await pre.body.dump();
    expect(Object.keys(pre.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    const answer = await request(federation.gateway.url, {
      method: 'POST', headers: { origin: unlisted.origin, 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}',
    });
    await answer.body.dump();
    expect(answer.statusCode).toBe(200);
    expect(Object.keys(answer.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
  });

  it('lets a listed origin read the answer and its x-request-id, and speaks CORS on /graphql only', async () => {
    const answer = await request(federation.gateway.url, {
      method: 'POST', headers: { origin: listed.origin, 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}',
    });
    expect(await answer.body.json()).toEqual({ data: { __typename: 'Query' } });
    expect(answer.headers['access-control-allow-origin']).toBe(listed.origin);
    expect(String(answer.headers['access-control-expose-headers'])).toContain('x-request-id');
    const livez = await preflight(listed.origin, '/livez');
    await livez.body.dump();
    expect(livez.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers a listed origin\'s preflight of the subscription stream as /graphql\'s, Last-Event-ID allowed, and an unlisted one\'s with no CORS header', async () => {
    const answer = await request(`${federation.gateway.origin}/graphql/stream`, {
      method: 'OPTIONS',
      headers: { origin: listed.origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization,last-event-id' },
    });
    await answer.body.dump();
    expect(answer.statusCode).toBe(204);
    expect(answer.headers['access-control-allow-origin']).toBe(listed.origin);
    expect(answer.headers['access-control-allow-methods']).toBe('GET, POST, OPTIONS');
    expect(String(answer.headers['access-control-allow-headers']).split(', ')).toEqual(expect.arrayContaining(['content-type', 'authorization', 'last-event-id']));
    expect(answer.headers['vary']).toBe('Origin');
    const pre = await preflight(unlisted.origin, '/graphql/stream');
    await pre.body.dump();
    expect(pre.statusCode).toBe(204);
    expect(Object.keys(pre.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
  });

  it('lets a listed origin read the subscription stream and its refusals, with their x-request-id', async () => {
    const stream = (authorization: string | null) => request(`${federation.gateway.origin}/graphql/stream`, {
      method: 'POST',
      headers: {
        origin: listed.origin, 'content-type': 'application/json', accept: 'text/event-stream',
        ...(authorization === null ? {} : { authorization }),
      },
      body: JSON.stringify({ query: 'subscription { bureauStatusChanged { cityCode } }' }),
    });
    const refused = await stream('Bearer not-a-token');
    await refused.body.dump();
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['access-control-allow-origin']).toBe(listed.origin);
    expect(String(refused.headers['access-control-expose-headers'])).toContain('x-request-id');
    const open = await stream(null);
    expect(open.statusCode).toBe(200);
    expect(open.headers['content-type']).toContain('text/event-stream');
    expect(open.headers['access-control-allow-origin']).toBe(listed.origin);
    open.body.destroy();
  });

  it('keeps the bureaus\' subgraphs without CORS', async () => {
    const answer = await request(federation.bureau('510900').url, {
      method: 'OPTIONS', headers: { origin: listed.origin, 'access-control-request-method': 'POST' },
    });
    await answer.body.dump();
    expect(answer.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('CORS in a browser', () => {
  requireChromiumInCi();

  describe.skipIf(!hasChromium)('headless Chromium on a second origin', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
    });

    /** Opens a page on `origin` and runs `script` (browser code as text: this file has no DOM types) there. */
    async function runOn<T>(origin: string, script: string): Promise<T> {
      const page: Page = await browser.newPage();
      try {
        await page.goto(`${origin}/`);
        return await page.evaluate<T>(script);
      } finally {
        await page.close();
      }
    }

    /** A fetch as Apollo Client and urql send it (POST, JSON, their headers); what the page could read, or the error's name. */
    const clientFetch = (url: string) => `(async () => {
      try {
        const answer = await fetch(${JSON.stringify(url)}, { method: 'POST', headers: {
          'content-type': 'application/json', 'apollo-require-preflight': 'true', 'x-apollo-operation-name': 'Front',
          'apollo-client-name': 'portal', 'apollo-client-version': '1.0.0', 'x-request-id': 'cors-browser-test' },
          body: JSON.stringify({ operationName: 'Front', query: 'query Front { stations(first: 1) { totalCount } }' }) });
        return { status: answer.status, requestId: answer.headers.get('x-request-id'), body: await answer.json() };
      } catch (error) {
        return { error: error.name };
      }
    })()`;

    it('answers the listed origin\'s page, which reads the data and the x-request-id', async () => {
      const seen = await runOn<any>(listed.origin, clientFetch(federation.gateway.url));
      expect(seen.status).toBe(200);
      expect(seen.requestId).toBe('cors-browser-test');
      expect(seen.body.data.stations.totalCount).toBeGreaterThan(0);
    });

    it('blocks an unlisted origin\'s page: its fetch fails with a TypeError', async () => {
      expect(await runOn(unlisted.origin, clientFetch(federation.gateway.url))).toEqual({ error: 'TypeError' });
    });

    it('still refuses a simple cross-origin GET (no preflight headers) from the listed origin: CSRF prevention', async () => {
      const url = `${federation.gateway.url}?query=${encodeURIComponent('{ __typename }')}`;
      const seen = await runOn<any>(listed.origin, `(async () => {
        const answer = await fetch(${JSON.stringify(url)});
        return { status: answer.status, text: await answer.text() };
      })()`);
      expect(seen.status).toBe(400);
      expect(seen.text).toContain('apollo-require-preflight');
      expect(seen.text).not.toContain('"data"');
    });
  });
});
