import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { applyCors, type CorsPolicy } from '../../../schema/http/CorsPolicy.ts';

/** What `applyCors` adds for one request to a server on a free loopback port (answering 200 when it does not). */
async function headersFor(policy: CorsPolicy, method: string, headers: Record<string, string>) {
  const server = createServer((req, res) => {
    if (!applyCors(policy, req, res)) res.writeHead(200).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const answer = await request(`http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, { method, headers });
    await answer.body.dump();
    return { status: answer.statusCode, headers: answer.headers };
  } finally {
    server.close();
  }
}

describe('applyCors', () => {
  const origin = 'https://portal.example.cn';

  it('allows credentials only when the policy says so, still echoing the exact origin (never *)', async () => {
    const preflight = { origin, 'access-control-request-method': 'POST' };
    const withCredentials = await headersFor({ allowedOrigins: [origin], credentials: true }, 'OPTIONS', preflight);
    expect(withCredentials.status).toBe(204);
    expect(withCredentials.headers['access-control-allow-origin']).toBe(origin);
    expect(withCredentials.headers['access-control-allow-credentials']).toBe('true');
    const without = await headersFor({ allowedOrigins: [origin], credentials: false }, 'GET', { origin });
    expect(without.headers['access-control-allow-origin']).toBe(origin);
    expect(without.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('leaves a plain OPTIONS (no Access-Control-Request-Method) and requests without an Origin to the server', async () => {
    const plain = await headersFor({ allowedOrigins: [origin], credentials: false }, 'OPTIONS', { origin });
    expect(plain.status).toBe(200);
    const noOrigin = await headersFor({ allowedOrigins: [origin], credentials: false }, 'GET', {});
    expect(noOrigin.headers['access-control-allow-origin']).toBeUndefined();
    expect(noOrigin.headers['vary']).toBe('Origin');
  });
});
