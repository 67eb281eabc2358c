/**
 * POST /events/pull as the bureau's edge runs it, in process over a real embedded store: a held pull
 * answers as soon as a write commits (measured), empty after its waitMs, and at once when the
 * bureau shuts down or the gateway hangs up.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { EVENT_ROUTES, type EventPullAnswer } from '../../../../schema/events/bureauEvents.ts';
import type { SqlBureauSource } from '../../../../subgraphs/adapters/sql/SqlBureauSource.ts';
import { openSqliteBureauSource } from '../../../../subgraphs/adapters/sqlite/index.ts';
import { eventRoutes } from '../../../../subgraphs/kit/events/eventRoutes.ts';
import { HeldPulls } from '../../../../subgraphs/kit/events/HeldPulls.ts';
import { CITY } from '../../../fixtures/bureauRecords.ts';

const GATEWAY = { caller: { role: 'gateway' as const, subject: 'gateway', bureau: null, scopes: new Set<string>(), jurisdiction: null }, token: 't' };

let source: SqlBureauSource;
afterEach(async () => source?.close());

async function open() {
  source = await openSqliteBureauSource({ path: ':memory:', cityCode: CITY });
  const closing = new AbortController();
  const held = new HeldPulls();
  const pull = eventRoutes(source.events, closing.signal, held)[EVENT_ROUTES.pull]!;
  return { closing, held, pull: (body: unknown, gone?: AbortSignal) => pull(GATEWAY as never, body, gone) };
}

let sequence = 0;
const receiveBulletin = () => {
  sequence += 1;
  return source.cooperation.receive({
    messageId: `m-${sequence}`, sender: '500152', recipient: CITY, sequence, createdAt: Date.now(),
    body: { kind: 'bulletin', bulletinId: `b-${sequence}`, category: 'NOTICE', title: 't', body: 'b', incidentId: null, sentAt: Date.now() },
  }, Date.now());
};

describe('POST /events/pull', () => {
  it('answers a held pull as soon as a write commits', async () => {
    sequence = 0;
    const { pull, held: holding } = await open();
    const held = pull({ after: { cooperation: 0, readings: 0 }, limit: 10, waitMs: 5_000 });
    await expect.poll(() => holding.count, { interval: 5 }).toBe(1); // held: it found nothing and waits
    const appended = performance.now();
    await receiveBulletin();
    const answer = await held;
    const latencyMs = performance.now() - appended;
    expect((answer.body as EventPullAnswer).events.map((e) => e.body.kind)).toEqual(['bulletin-received']);
    expect(latencyMs).toBeLessThan(1_000);
    console.log(`append → held pull answered: ${latencyMs.toFixed(1)} ms`);
  });

  it('answers empty after waitMs, and at once on shutdown or when the gateway hangs up', async () => {
    const { pull, closing } = await open();
    const after = { cooperation: 0, readings: 0 };
    const started = performance.now();
    expect((await pull({ after, limit: 10, waitMs: 200 })).body).toMatchObject({ events: [], expired: [], heads: after });
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);

    const gone = new AbortController();
    const abandoned = pull({ after, limit: 10, waitMs: 10_000 }, gone.signal);
    const held = pull({ after, limit: 10, waitMs: 10_000 });
    const cut = performance.now();
    gone.abort();
    await abandoned;
    closing.abort();
    expect((await held).body).toMatchObject({ events: [] });
    expect(performance.now() - cut).toBeLessThan(1_000);
  });

  it('counts a pull as held only while it waits for an append', async () => {
    sequence = 0; // a fresh store: the sender's first message again
    const { pull, held } = await open();
    const answer = pull({ after: { cooperation: 0, readings: 0 }, limit: 10, waitMs: 5_000 });
    await expect.poll(() => held.count, { interval: 5 }).toBe(1);
    await receiveBulletin();
    expect((await answer).body).toMatchObject({ events: [{ feed: 'cooperation' }] });
    expect(held.count).toBe(0);
    await pull({ after: null, limit: 10, waitMs: 5_000 }); // heads only: answered at once, never held
    expect(held.count).toBe(0);
  });

  it('refuses anyone but the gateway and a body outside the protocol', async () => {
    const { pull } = await open();
    expect((await pull({ after: null, limit: 0, waitMs: 0 })).status).toBe(400);
    const route = eventRoutes(source.events, new AbortController().signal)[EVENT_ROUTES.pull]!;
    expect((await route({ ...GATEWAY, caller: { ...GATEWAY.caller, role: 'authenticated' } } as never, { after: null, limit: 1, waitMs: 0 })).status).toBe(403);
  });
});
