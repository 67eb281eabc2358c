import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLegacyServer } from '../../../devtools/legacy-stand-in/createLegacyServer.ts';
import { buildLegacyDataset } from '../../../devtools/legacy-stand-in/LegacyDataset.ts';
import { T0 } from '../../fixtures/bureauRecords.ts';
import { legacyFixtureData } from './legacyFixtureData.ts';

const dataset = buildLegacyDataset(legacyFixtureData());

async function serve(options: Partial<Parameters<typeof createLegacyServer>[0]> = {}) {
  const server = createLegacyServer({ dataset, latencyMs: { min: 0, max: 0 }, ...options });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

let server: Server;
let url: string;
beforeAll(async () => ({ server, url } = await serve()));
afterAll(() => { server.closeAllConnections(); server.close(); });

async function get(path: string): Promise<any> {
  const res = await fetch(url + path);
  return { status: res.status, ...(await res.json() as object) };
}

describe('the simulated legacy service', () => {
  it('wraps a page of rows in { code: 0, msg: "success", data: { total, rows } } with its own field names', async () => {
    const body = await get('/api/v1/aj/list?page=1&pageSize=2');
    expect(body).toMatchObject({ status: 200, code: 0, msg: 'success', data: { total: 9 } });
    expect(body.data.rows).toHaveLength(2);
    expect(Object.keys(body.data.rows[0])).toEqual(expect.arrayContaining(['ajid', 'ajbh', 'dsr', 'lasj', 'ajzt', 'cfzl']));
  });

  it('writes times as yyyy-MM-dd HH:mm:ss in China time', async () => {
    const body = await get('/api/v1/aj/batch?ids=C001');
    // C001 was filed at T0 + 9 days = 2025-01-10 00:00 +08:00.
    expect(T0).toBe(Date.parse('2025-01-01T00:00:00+08:00'));
    expect(body.data.rows[0].lasj).toBe('2025-01-10 00:00:00');
  });

  it('sorts by sortName/sortOrder with ties by its own id, and pages 1-based', async () => {
    const all = await get('/api/v1/aj/list?pageSize=100&sortName=lasj&sortOrder=desc');
    const keys = all.data.rows.map((r: any) => `${r.lasj}|${r.ajid}`);
    expect(keys).toEqual([...keys].sort((a: string, b: string) => {
      const [ta, ia] = a.split('|') as [string, string];
      const [tb, ib] = b.split('|') as [string, string];
      return ta === tb ? (ia < ib ? -1 : 1) : ta < tb ? 1 : -1;
    }));
    const second = await get('/api/v1/aj/list?page=2&pageSize=4&sortName=lasj&sortOrder=desc');
    expect(second.data.rows.map((r: any) => r.ajid)).toEqual(all.data.rows.slice(4, 8).map((r: any) => r.ajid));
  });

  it('filters by status code, river, keyword, key lists and inclusive time ranges', async () => {
    expect((await get('/api/v1/aj/list?ajzt=08&pageSize=100')).data.total).toBe(5);
    expect((await get('/api/v1/zd/list?hlbm=fujiang&pageSize=100')).data.total).toBe(4);
    expect((await get(`/api/v1/aj/list?keyword=${encodeURIComponent('纸业')}`)).data.total).toBe(1);
    expect((await get('/api/v1/xm/list?keyword=xm_2024&pageSize=100')).data.rows.map((r: any) => r.xmid)).toEqual(['P005']);
    expect((await get('/api/v1/aj/list?lasjEnd=2025-01-08%2000:00:00&lasjStart=2025-01-08%2000:00:00')).data.total).toBe(3);
  });

  it('answers batch lookups by id list, leaving unknown ids out', async () => {
    const body = await get('/api/v1/wz/batch?ids=R001,R999,R003');
    expect(body.data.rows.map((r: any) => r.wzid)).toEqual(['R001', 'R003']);
  });

  it('serves a station\'s readings in a time range, oldest first, and each station\'s latest', async () => {
    const range = await get('/api/v1/jcsj/list?zdid=S001&kssj=2025-01-01%2002:00:00&jssj=2025-01-01%2004:00:00');
    expect(range.data.rows.map((r: any) => r.jcsj)).toEqual(['2025-01-01 02:00:00', '2025-01-01 03:00:00', '2025-01-01 04:00:00']);
    expect(range.data.rows[0].yzsj[0]).toEqual({ yzbm: 'w01010', jcz: '15.2', bj: 'N' });
    const latest = await get('/api/v1/jcsj/latest?zdids=S001,S008');
    expect(latest.data.rows.map((r: any) => [r.zdid, r.jcsj])).toEqual([['S001', '2025-01-02 23:00:00']]);
  });

  it('publishes its code tables without the contract values', async () => {
    const body = await get('/api/v1/dict?lx=ajzt');
    expect(body.data[0].items[0]).toEqual({ dm: '01', mc: '立案' });
  });

  it('refuses bad parameters with code 400 and unknown paths with 404', async () => {
    expect(await get('/api/v1/aj/list?pageSize=101')).toMatchObject({ status: 200, code: 400, data: null });
    expect(await get('/api/v1/aj/list?sortName=dsr')).toMatchObject({ code: 400 });
    expect(await get('/api/v1/aj/list?lasjEnd=2025-1-1')).toMatchObject({ code: 400 });
    expect(await get('/api/v1/nothing')).toMatchObject({ status: 404, code: 404 });
  });

  it('injects the three kinds of fault at rate 1: HTTP 500, { code: 500 } and a dropped connection', async () => {
    const faulty = await serve({ rate: 1, seed: 'faults' });
    const seen = new Set<string>();
    try {
      for (let i = 0; i < 30; i += 1) {
        try {
          const res = await fetch(`${faulty.url}/api/v1/ping`);
          seen.add(res.status === 500 ? 'http-500' : `code-${((await res.json()) as { code: number }).code}`);
        } catch {
          seen.add('drop');
        }
      }
    } finally {
      faulty.server.closeAllConnections();
      faulty.server.close();
    }
    expect(seen).toEqual(new Set(['http-500', 'code-500', 'drop']));
  });
});
