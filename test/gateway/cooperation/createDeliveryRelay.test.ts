/**
 * The relay against in-process bureaus (real SQLite cooperation stores behind their relay routes,
 * each target an in-process twin of the registry's): order per pair, exactly once with two relays
 * running at the same time, a recipient down for hours retried on an exponential backoff read from
 * an injected clock (no real time passes), batches, and a backlog drained without pausing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeliveryRelay, type RelayTarget } from '../../../gateway/cooperation/createDeliveryRelay.ts';
import { deliveryBackoff } from '../../../gateway/cooperation/deliveryBackoff.ts';
import { MAX_OUTBOX_PULL, RELAY_ROUTES } from '../../../schema/cooperation/relayMessages.ts';
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

/** Bureaus whose edge predates /cooperation/inbox/batch (it answers 404 there). */
const withoutBatches = new Set<string>();
/** Requests per bureau and route. */
const requests = new Map<string, number>();
const count = (code: string, path: string) => requests.get(`${code} ${path}`) ?? 0;
/** Inbox deliveries tried per bureau, batched or not. */
const attempts = (code: string) => count(code, RELAY_ROUTES.inbox) + count(code, RELAY_ROUTES.inboxBatch);

/** Each bureau's relay routes, called in process as the HTTP edge would with a gateway-signed request. */
const targets = (): RelayTarget[] => [...stores.keys()].map((code) => ({
  code,
  async post(path, body) {
    requests.set(`${code} ${path}`, count(code, path) + 1);
    if (down.has(code)) return { kind: 'failed', reason: 'unreachable', message: 'connect ECONNREFUSED' };
    const route = relayRoutes(code, stores.get(code)!, () => clock)[path];
    if (route === undefined || (path === RELAY_ROUTES.inboxBatch && withoutBatches.has(code))) return { kind: 'ok', status: 404, body: { error: 'no route' } };
    return { kind: 'ok', ...(await route({ caller: GATEWAY, token: 't' }, body)) };
  },
}));
const relay = (random = () => 0.5, intervalMs?: number) =>
  createDeliveryRelay({ targets, now: () => clock, random, backoff: { baseMs: 1_000, maxMs: 2 * HOUR }, ...(intervalMs !== undefined && { intervalMs }) });
const inboxTitles = async (code: string) => (await stores.get(code)!.listReceivedNotices({ filter: {}, sort: { field: 'createdAt', direction: 'DESC' }, after: null, limit: 100 }))
  .items.map((i) => i.incidentTitle);

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
    const before = attempts('500152');
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
    expect(attempts('500152') - before).toBe(14); // once per backoff, never inside one
    down.delete('500152');
    await r.runOnce();
    expect((await stores.get('510900')!.pendingOutbox(100)).pendingCount).toBe(0);
    expect(await inboxTitles('500152')).toEqual(expect.arrayContaining([`事件 ${n - 1}`, `事件 ${n}`]));
  });

  it('retries a pair on the next pass once the registry sees its recipient up again, not after the rest of a long backoff', async () => {
    const listeners = new Set<(change: { code: string; status: string }) => void>();
    const announce = (code: string, status: string) => { for (const listener of listeners) listener({ code, status }); };
    const r = createDeliveryRelay({
      targets, now: () => clock, random: () => 0.5, backoff: { baseMs: 1_000, maxMs: 2 * HOUR },
      watchBureauStatus: (listener) => (listeners.add(listener), () => void listeners.delete(listener)),
    });
    down.add('500000');
    await report(['500000']);
    for (let failures = 1; failures <= 14; failures++) { // hours of outage: the backoff is at its cap
      await r.runOnce();
      clock += deliveryBackoff(failures, { baseMs: 1_000, maxMs: 2 * HOUR }, () => 0.5);
    }
    await r.runOnce(); // the 15th failure: the next try is 1.5 h away
    const before = attempts('500000');
    down.delete('500000');
    announce('500152', 'up'); // another bureau: this pair keeps waiting
    announce('500000', 'degraded');
    await r.runOnce();
    expect(attempts('500000')).toBe(before);
    announce('500000', 'up');
    await r.runOnce(); // no time has passed on the clock
    expect(attempts('500000')).toBe(before + 1);
    expect((await stores.get('510900')!.pendingOutbox(100)).pendingCount).toBe(0);
    expect(await inboxTitles('500000')).toContain(`事件 ${n}`);
    await r.stop();
    expect(listeners.size).toBe(0); // stop() lets go of the registry
  });

  it('delivers to a recipient sorting after one with more pending than a whole pull, in the same pass', async () => {
    down.add('500000');
    for (let i = 0; i < MAX_OUTBOX_PULL + 10; i++) await report(['500000']); // a backlog for the recipient that sorts first
    await report(['500152']);
    await relay().runOnce();
    expect(await inboxTitles('500152')).toContain(`事件 ${n}`);
    expect((await stores.get('510900')!.pendingOutbox(MAX_OUTBOX_PULL)).messages.map((m) => m.recipient)).not.toContain('500152');
    down.delete('500000');
    for (let pass = 0; pass < 5 && (await stores.get('510900')!.pendingOutbox(1)).pendingCount > 0; pass++) {
      clock += 2 * HOUR; // past any backoff
      await relay().runOnce();
    }
    expect((await stores.get('510900')!.pendingOutbox(1)).pendingCount).toBe(0);
  });

  it('delivers a pair\'s messages in batches, and one at a time to a bureau without the batch route', async () => {
    for (let i = 0; i < 3; i++) await report(['500152', '500000']);
    withoutBatches.add('500000');
    const before = { batches: count('500152', RELAY_ROUTES.inboxBatch), singles: count('500000', RELAY_ROUTES.inbox) };
    await relay().runOnce();
    withoutBatches.delete('500000');
    expect(count('500152', RELAY_ROUTES.inboxBatch) - before.batches).toBe(1);
    expect(count('500000', RELAY_ROUTES.inbox) - before.singles).toBe(3);
    expect((await stores.get('510900')!.pendingOutbox(100)).pendingCount).toBe(0);
    for (const code of ['500152', '500000']) expect(await inboxTitles(code)).toEqual(expect.arrayContaining([`事件 ${n - 2}`, `事件 ${n - 1}`, `事件 ${n}`]));
  });

  it('drains a backlog larger than one outbox pull in passes that follow each other at once, not every intervalMs', async () => {
    const received = async () => (await stores.get('500000')!.listReceivedNotices({ filter: {}, sort: { field: 'createdAt', direction: 'DESC' }, after: null, limit: 1 })).totalCount;
    const before = await received();
    const backlog = 450; // three pulls of 200
    for (let i = 0; i < backlog; i++) await report(['500000']);
    const r = relay(() => 0.5, HOUR); // a pause of intervalMs after any pull would outlast the poll
    r.start();
    try {
      await expect.poll(async () => (await stores.get('510900')!.pendingOutbox(1)).pendingCount, { timeout: 20_000, interval: 50 }).toBe(0);
    } finally {
      await r.stop();
    }
    expect(await received()).toBe(before + backlog);
  }, 60_000);

  it('applies a batch in order as the single route would, stops after an out-of-order message, and refuses a batch out of sequence', async () => {
    const store = await openSqliteCooperationStore({ path: join(dir, '500153.sqlite'), cityCode: '500153' });
    try {
      const inbox = relayRoutes('500153', store, () => clock)[RELAY_ROUTES.inboxBatch]!;
      const message = (sequence: number) => ({
        messageId: `m${sequence}`, sender: '510900', recipient: '500153', sequence, createdAt: clock,
        body: { kind: 'incident-notice' as const, noticeId: `n${sequence}`, incidentId: `i${sequence}`, incidentTitle: `事件 ${sequence}` },
      });
      const deliver = (...sequences: number[]) => inbox({ caller: GATEWAY, token: 't' }, { messages: sequences.map(message) });
      expect((await deliver(1, 2)).body).toEqual({ answers: [{ status: 'accepted' }, { status: 'accepted' }] });
      expect((await deliver(2, 3, 5, 6)).body).toEqual({ answers: [{ status: 'duplicate' }, { status: 'accepted' }, { status: 'out-of-order', expected: 4 }] });
      expect((await deliver(5, 4)).status).toBe(400);
      expect((await inbox({ caller: { ...GATEWAY, role: 'authenticated' }, token: 't' }, { messages: [message(4)] })).status).toBe(403);
    } finally {
      await store.close();
    }
  });

  it('refuses relay routes to anyone but the gateway itself', async () => {
    const route = relayRoutes('510900', stores.get('510900')!)[RELAY_ROUTES.outbox]!;
    expect((await route({ caller: { ...GATEWAY, role: 'authenticated' }, token: 't' }, { limit: 1 })).status).toBe(403);
    expect((await route({ caller: GATEWAY, token: 't' }, { limit: 'all' })).status).toBe(400);
  });
});
