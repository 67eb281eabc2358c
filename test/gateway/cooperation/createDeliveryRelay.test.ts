/**
 * The relay against in-process bureaus (real SQLite cooperation stores behind an injected post):
 * order per pair, exactly once with two relays running at the same time, and a recipient down for
 * hours retried on an exponential backoff read from an injected clock (no real time passes).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeliveryRelay, type RelayPost, type RelayTarget } from '../../../gateway/cooperation/createDeliveryRelay.ts';
import { deliveryBackoff } from '../../../gateway/cooperation/deliveryBackoff.ts';
import { RELAY_ROUTES } from '../../../schema/cooperation/relayMessages.ts';
import { openSqliteCooperationStore } from '../../../subgraphs/adapters/sqlite/index.ts';
import type { SqlCooperationStore } from '../../../subgraphs/adapters/sql/SqlCooperationStore.ts';
import { relayRoutes } from '../../../subgraphs/kit/cooperation/relayRoutes.ts';
import { PUBLIC_FORWARDED_CALLER, type ForwardedCaller } from '../../../schema/gateway-token/ForwardedCaller.ts';

const HOUR = 3_600_000;
const GATEWAY: ForwardedCaller = { ...PUBLIC_FORWARDED_CALLER, role: 'gateway', subject: 'ecograph-gateway' };
const dir = mkdtempSync(join(tmpdir(), 'relay-'));
const stores = new Map<string, SqlCooperationStore>();
const down = new Set<string>();
let clock = Date.parse('2026-05-01T00:00:00Z');

/** Each bureau's relay routes, called in process as the HTTP edge would with a gateway-signed request. */
const attempts = new Map<string, number>();
const post: RelayPost = async (target, path, body) => {
  if (path === RELAY_ROUTES.inbox) attempts.set(target.code, (attempts.get(target.code) ?? 0) + 1);
  if (down.has(target.code)) throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
  const route = relayRoutes(target.code, stores.get(target.code)!, () => clock)[path]!;
  return route({ caller: GATEWAY, token: 't' }, body);
};
const targets = (): RelayTarget[] => [...stores.keys()].map((code) => ({ code, url: `http://${code}.test/graphql`, timeoutMs: 1000, headers: () => ({}) }));
const relay = (random = () => 0.5) => createDeliveryRelay({ targets, post, now: () => clock, random, backoff: { baseMs: 1_000, maxMs: 2 * HOUR } });

let n = 0;
const report = (recipients: string[]) => stores.get('510900')!.reportIncident(
  { idempotencyKey: `k${++n}`, fingerprint: 'f', actor: { sub: 'a', bureau: '510900' }, requestId: `r${n}`, now: clock },
  { title: `事件 ${n}`, description: 'd', occurredAt: clock, longitude: 105, latitude: 30, riverId: null, nearestSectionId: null, pollutants: [], facts: {}, recipients },
);

beforeAll(async () => {
  for (const code of ['510900', '500152', '500000']) stores.set(code, await openSqliteCooperationStore({ path: join(dir, `${code}.sqlite`), cityCode: code }));
});
afterAll(async () => {
  for (const store of stores.values()) await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the delivery relay', () => {
  it('delivers each message once and in its pair\'s order, with two relays running at once', async () => {
    for (let i = 0; i < 5; i++) await report(['500152', '500000']);
    await Promise.all([relay().runOnce(), relay().runOnce()]);
    for (const code of ['500152', '500000']) {
      const inbox = await stores.get(code)!.listReceivedNotices({ filter: {}, sort: { field: 'createdAt', direction: 'DESC' }, after: null, limit: 100 });
      expect(inbox.totalCount).toBe(5);
      expect(new Set(inbox.items.map((i) => i.incidentTitle)).size).toBe(5);
    }
    expect((await stores.get('510900')!.pendingOutbox(100)).pendingCount).toBe(0);
  });

  it('retries a recipient down for hours on an exponential backoff of the injected clock, and catches up in order', async () => {
    const r = relay();
    down.add('500152');
    await report(['500152']);
    await report(['500152']);
    const waits: number[] = [];
    attempts.set('500152', 0);
    for (let failures = 1; failures <= 14; failures++) {
      await r.runOnce();
      waits.push(deliveryBackoff(failures, { baseMs: 1_000, maxMs: 2 * HOUR }, () => 0.5));
      clock += waits.at(-1)! - 1;
      await r.runOnce(); // still inside the backoff: not even tried
      clock += 1;
    }
    expect(r.outboxFigures().get('510900')).toMatchObject({ pendingCount: 2 });
    expect(waits.at(-1)).toBe(1.5 * HOUR); // capped: half fixed, half jitter of the 2 h cap
    expect(waits.reduce((a, b) => a + b)).toBeGreaterThan(3 * HOUR); // hours on the injected clock, none on the real one
    expect(attempts.get('500152')).toBe(14); // once per backoff, never inside one
    down.delete('500152');
    await r.runOnce();
    expect((await stores.get('510900')!.pendingOutbox(100)).pendingCount).toBe(0);
    const titles = (await stores.get('500152')!.listReceivedNotices({ filter: {}, sort: { field: 'createdAt', direction: 'DESC' }, after: null, limit: 100 }))
      .items.map((i) => i.incidentTitle);
    expect(titles).toEqual(expect.arrayContaining([`事件 ${n - 1}`, `事件 ${n}`]));
  });

  it('refuses relay routes to anyone but the gateway itself', async () => {
    const route = relayRoutes('510900', stores.get('510900')!)[RELAY_ROUTES.outbox]!;
    expect((await route({ caller: { ...GATEWAY, role: 'authenticated' }, token: 't' }, { limit: 1 })).status).toBe(403);
    expect((await route({ caller: GATEWAY, token: 't' }, { limit: 'all' })).status).toBe(400);
  });
});
