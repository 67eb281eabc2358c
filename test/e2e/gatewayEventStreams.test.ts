/**
 * The gateway process follows every bureau's event stream and shows it: /readyz lists each stream's
 * state (a dead bureau's stream retrying never makes the gateway unready by itself), /metrics counts
 * the events received per bureau and feed and shows each stream's state; a restarted bureau is
 * followed again.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BureauDatabase } from '../../subgraphs/adapters/sql/schema.ts';
import { openSqliteDatabase } from '../../subgraphs/adapters/sqlite/openSqliteDatabase.ts';
import { HJ212_CITY, ingestPort, realtimePacket } from '../fixtures/eventStreams.ts';
import { startGatewayFederation, type GatewayFederation } from '../fixtures/gatewayFederation.ts';
import { connectDevice } from '../subgraphs/adapters/hj212-ingest/deviceClient.ts';
import { readReadiness } from '../fixtures/readReadiness.ts';

const SQL_CITY = '500152';
let federation: GatewayFederation;

const readyz = () => readReadiness(federation.gateway.origin);
const states = async () => Object.fromEntries(((await readyz()).body.eventStreams ?? []).map((s) => [s.cityCode, s.state]));
const metrics = async () => (await fetch(`${federation.gateway.origin}/metrics`)).text();

beforeAll(async () => {
  federation = await startGatewayFederation({ bureaus: [HJ212_CITY, SQL_CITY], recheckMs: 500, gatewayEnv: { ECOGRAPH_EVENT_BACKOFF_MAX_MS: '500' } });
}, 180_000);

afterAll(async () => federation?.stop());

describe('the gateway\'s bureau event streams', () => {
  it('follows every bureau and counts what it receives in /metrics', async () => {
    await expect.poll(states, { timeout: 15_000 }).toEqual({ [HJ212_CITY]: 'following', [SQL_CITY]: 'following' });
    const db = openSqliteDatabase<BureauDatabase>({ path: join(federation.data.dir, `${HJ212_CITY}.sqlite`), cityCode: HJ212_CITY, readonly: true });
    const { code } = await db.selectFrom('stations').select('code').orderBy('code').executeTakeFirstOrThrow();
    await db.destroy();
    const device = await connectDevice(ingestPort(federation.bureau(HJ212_CITY)));
    await device.send(realtimePacket(code, Date.parse('2021-01-01T08:00:00+08:00'), 1));
    await expect.poll(metrics, { timeout: 10_000 }).toMatch(`gateway_event_stream_events_received{city="${HJ212_CITY}",feed="readings"} 1`);
    await device.close();
    expect(await metrics()).toMatch(`gateway_event_stream_state{city="${SQL_CITY}",state="following"} 1`);
    expect(await metrics()).toMatch(new RegExp(`gateway_event_stream_lag_seconds\\{city="${HJ212_CITY}"\\} \\d`));
  });

  it('shows a dead bureau\'s stream retrying without failing readiness, and follows it again once it restarts', async () => {
    await federation.killBureau(SQL_CITY);
    await expect.poll(states, { timeout: 15_000 }).toEqual({ [HJ212_CITY]: 'following', [SQL_CITY]: 'retrying' });
    expect((await readyz()).status).toBe(200);
    expect(await metrics()).toMatch(`gateway_event_stream_state{city="${SQL_CITY}",state="retrying"} 1`);
    await federation.restartBureau(SQL_CITY);
    await expect.poll(states, { timeout: 15_000 }).toEqual({ [HJ212_CITY]: 'following', [SQL_CITY]: 'following' });
  });
});
