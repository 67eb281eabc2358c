/**
 * A legacy-HTTP bureau (its own system takes no writes) configured to keep its cooperation records on
 * PostgreSQL (bureau.json `cooperation`, the URL from ECOGRAPH_COOPERATION_PG_URL_<code>), opened the
 * way bureau.main.ts opens it: the shared cooperation store suite runs on it, the records land in the
 * configured schema of the server (read back with a direct query), nothing goes to the embedded file,
 * and a restart finds them. Skips loudly when the server is down, fails when CI is set.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openBureauSource } from '../../../subgraphs/adapters/openSubgraphSource.ts';
import { loadBureauConfig, type SubgraphConfig } from '../../../subgraphs/config/loadSubgraphConfig.ts';
import type { WriteMeta } from '../../../subgraphs/kit/cooperation/CooperationStore.ts';
import { describeCooperationStoreContract } from './cooperationStoreSuite.ts';
import { describeWithServer } from './describeWithServer.ts';
import { admin, dropRunSchemas, dropSchema, PG_TEST_URL, postgresTestServer, throwawaySchema } from './postgres/postgresTestServer.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'coop-pg-config-'));

/** The config of bureau `code` as a legacy-HTTP bureau whose cooperation store is `schema` on the test server. */
function configuredBureau(code: string, schema: string): SubgraphConfig {
  const path = join(dataDir, `${code}-${schema}.bureau.json`);
  writeFileSync(path, JSON.stringify({
    code, bureau: `${code} 测试局`, port: 4999,
    // Nothing listens here: a legacy source opens without its service, which this test never asks.
    source: { kind: 'legacy-http', url: 'http://127.0.0.1:9' },
    cooperation: { kind: 'postgres', schema, queryTimeoutMs: 5_000, maxConnections: 4 },
  }));
  return loadBureauConfig(code, { ECOGRAPH_DATA_DIR: dataDir, [`ECOGRAPH_COOPERATION_PG_URL_${code}`]: PG_TEST_URL }, path);
}

await describeWithServer(postgresTestServer, 'a legacy-HTTP bureau with a PostgreSQL cooperation store', () => {
  afterAll(async () => {
    await dropRunSchemas();
    rmSync(dataDir, { recursive: true, force: true });
  });

  describeCooperationStoreContract('configured postgres', async (cityCode) => {
    const schema = throwawaySchema();
    const source = await openBureauSource(configuredBureau(cityCode, schema));
    return { store: source.cooperation!, close: async () => { await source.close(); await dropSchema(schema); } };
  });

  it('writes into the configured schema of the server, not the embedded file, and finds the records after a restart', async () => {
    const schema = throwawaySchema();
    const config = configuredBureau('511600', schema);
    const meta: WriteMeta = { idempotencyKey: 'restart-1', fingerprint: 'f', actor: { sub: 'liu.yang', bureau: '511600' }, requestId: 'r1', now: Date.now() };
    const bulletin = { category: 'WARNING' as const, title: '渠江水质预警', body: '罗渡断面氨氮升高。', incidentId: null, recipients: ['500000'] };

    const first = await openBureauSource(config);
    const { id } = await first.cooperation!.sendBulletin(meta, bulletin);
    await first.close();

    const rows = await admin(async (client) => (await client.query(
      `select id, title, sender from ${client.escapeIdentifier(schema)}.coop_bulletins`)).rows);
    expect(rows).toEqual([{ id, title: '渠江水质预警', sender: '511600' }]);
    const outbox = await admin(async (client) => (await client.query(
      `select recipient, sequence from ${client.escapeIdentifier(schema)}.coop_outbox`)).rows);
    expect(outbox).toEqual([{ recipient: '500000', sequence: 1 }]);
    expect(existsSync(join(dataDir, '511600-cooperation.sqlite'))).toBe(false);

    const again = await openBureauSource(config);
    try {
      expect((await again.cooperation!.bulletinsByIds([id]))[0]).toMatchObject({ id, title: '渠江水质预警', direction: 'SENT' });
      expect(await again.cooperation!.sendBulletin(meta, bulletin)).toEqual({ id, replayed: true });
      expect((await again.cooperation!.pendingOutbox(10)).pendingCount).toBe(1);
    } finally {
      await again.close();
    }
  });
});
