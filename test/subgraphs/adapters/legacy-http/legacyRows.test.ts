import { describe, expect, it } from 'vitest';
import { CitySourceError } from '../../../../subgraphs/kit/CitySourceError.ts';
import { caseRowSchema, toCaseRecord } from '../../../../subgraphs/adapters/legacy-http/caseRow.ts';
import { LEGACY_CODE_TABLES } from '../../../../subgraphs/adapters/legacy-http/legacyCodes.ts';
import { parseLegacyTime } from '../../../../subgraphs/adapters/legacy-http/legacyTime.ts';
import { patrolRowSchema, toPatrolRecord } from '../../../../subgraphs/adapters/legacy-http/patrolRow.ts';
import { projectRowSchema, toProjectRecord } from '../../../../subgraphs/adapters/legacy-http/projectRow.ts';
import { readingRowSchema, toReadingRecord } from '../../../../subgraphs/adapters/legacy-http/readingRow.ts';
import { resourceRowSchema, toResourceRecord } from '../../../../subgraphs/adapters/legacy-http/resourceRow.ts';
import { rowParser } from '../../../../subgraphs/adapters/legacy-http/rowParser.ts';
import { stationRowSchema, toStationRecord } from '../../../../subgraphs/adapters/legacy-http/stationRow.ts';
import { toAjRow } from '../../../../devtools/legacy-stand-in/ajTable.ts';
import { toJcsjRow } from '../../../../devtools/legacy-stand-in/jcsjTable.ts';
import { LEGACY_DICTIONARIES } from '../../../../devtools/legacy-stand-in/legacyDictionaries.ts';
import { toWzRow } from '../../../../devtools/legacy-stand-in/wzTable.ts';
import { toXhRow } from '../../../../devtools/legacy-stand-in/xhTable.ts';
import { toXmRow } from '../../../../devtools/legacy-stand-in/xmTable.ts';
import { toZdRow } from '../../../../devtools/legacy-stand-in/zdTable.ts';
import { generateWorld } from '../../../../devtools/demo-world/generateWorld.ts';
import { encodeGlobalId } from '../../../../schema/globalId.ts';

const CITY = '511600';
/** The rows exactly as they travel: through JSON. */
const wire = <T>(row: T): unknown => JSON.parse(JSON.stringify(row));

describe('legacy row mappings', () => {
  it('maps a hand-written 案件 row: pinyin keys, dictionary codes, CST wall-clock times', () => {
    const row = {
      ajid: 'C0042', ajbh: '广环罚〔2025〕7号', zfjg: '广安市生态环境局', tyshxydm: '91511600MA000000X1', dsr: '广安某化工有限公司',
      pwxkzh: '', ay: '超标排放大气污染物', wfss: '……',
      wftk: [{ flmc: '中华人民共和国大气污染防治法', bb: '2018', t: '第十八条', kx: '' }],
      cfyj: [{ flmc: '中华人民共和国大气污染防治法', bb: '2018', t: '第九十九条', kx: '第（二）项' }],
      cfzl: '01,02', fkje: '200000', cflx: '1', ajzt: '06', ajly: '2',
      lasj: '2025-03-04 09:30:00', gzsj: '2025-03-20 10:00:00', tzsqsj: '', jdsj: null, sdsj: '', zxsj: '', jasj: '',
      zjqd: [{ zjlx: '04', zjmc: '自动监测数据（2025-03-01）' }], zdid: 'ST0003', hlbm: null, sflhzf: '0', lhcs: '', lhxd: null,
      sfgk: '1', xgsj: '2025-03-21 08:00:00',
    };
    const record = toCaseRecord(caseRowSchema.parse(row), CITY);
    expect(record).toMatchObject({
      id: encodeGlobalId('EnforcementCase', CITY, 'C0042'),
      caseNumber: '广环罚〔2025〕7号',
      partyName: '广安某化工有限公司',
      permitNumber: null,
      penaltyTypes: ['WARNING', 'FINE'],
      fineYuan: 200_000,
      procedure: 'GENERAL',
      status: 'DECIDED',
      source: 'ONLINE_MONITORING',
      filedAt: Date.parse('2025-03-04T09:30:00+08:00'),
      dates: { informedAt: Date.parse('2025-03-20T10:00:00+08:00'), hearingRequestedAt: null, decidedAt: null },
      evidence: [{ type: 'AUTOMATIC_MONITORING_DATA', reference: '自动监测数据（2025-03-01）' }],
      stationId: encodeGlobalId('Station', CITY, 'ST0003'),
      violatedProvisions: [{ law: '中华人民共和国大气污染防治法', version: '2018', article: '第十八条', item: null }],
      penaltyBasis: [{ law: '中华人民共和国大气污染防治法', version: '2018', article: '第九十九条', item: '第（二）项' }],
    });
  });

  it('reads times as China Standard Time and refuses impossible ones', () => {
    expect(parseLegacyTime('2025-01-01 00:00:00')).toBe(Date.UTC(2024, 11, 31, 16));
    expect(parseLegacyTime('2025-02-30 00:00:00')).toBeNull();
    expect(parseLegacyTime('2025-01-01T00:00:00')).toBeNull();
    expect(parseLegacyTime('2025-01-01 24:00:00')).toBeNull();
  });

  it('round-trips every seeded record of a bureau through the legacy shapes unchanged', () => {
    const world = generateWorld({ seed: 'legacy-rows', scale: 0.5, until: Date.UTC(2025, 5, 30, 16), days: 3 });
    let daily = 0; // the year of daily values (sjlx 5, 日数据) before the three days, as well as their own series
    for (const bureau of Object.values(world.bureaus)) {
      const city = bureau.cityCode;
      for (const p of bureau.projects) expect(toProjectRecord(projectRowSchema.parse(wire(toXmRow(p))), city)).toEqual(p);
      for (const s of bureau.stations) {
        expect(toStationRecord(stationRowSchema.parse(wire(toZdRow(s))), city)).toEqual(s);
        for (const r of bureau.readings(s)) {
          expect(toReadingRecord(readingRowSchema.parse(wire(toJcsjRow(r))), city)).toEqual(r);
          if (r.interval === 'DAILY') daily++;
        }
      }
      for (const c of bureau.cases) expect(toCaseRecord(caseRowSchema.parse(wire(toAjRow(c))), city)).toEqual(c);
      for (const p of bureau.patrols) expect(toPatrolRecord(patrolRowSchema.parse(wire(toXhRow(p))), city)).toEqual(p);
      for (const r of bureau.resources) expect(toResourceRecord(resourceRowSchema.parse(wire(toWzRow(r))), city)).toEqual(r);
    }
    expect(daily).toBeGreaterThan(0);
  });

  it('knows every code of the system\'s published code tables, with the meaning the system gives it', () => {
    const dictionaries = LEGACY_DICTIONARIES as Record<string, { entries: readonly (readonly [string, string, string])[] }>;
    for (const table of LEGACY_CODE_TABLES) {
      const published = dictionaries[table.type];
      expect(published, table.type).toBeDefined();
      expect(Object.fromEntries(table.byCode), table.type).toEqual(Object.fromEntries(published!.entries.map(([dm, , value]) => [dm, value])));
    }
  });

  it('turns a row with an unknown code into a CITY_SOURCE_PROTOCOL error naming the field, not a guess', () => {
    const parse = rowParser(patrolRowSchema, toPatrolRecord, CITY);
    const row = {
      xhid: 'JP1', xhmc: '巡河', lhfs: '9', hlbm: 'qujiang', hzcs: '', kssj: '2025-01-01 08:00:00', jssj: '', xchd: '渠江',
      cyrs: 3, fxwts: 0, wtms: [],
    };
    let error: unknown;
    try { parse([row], 'patrols list'); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(CitySourceError);
    expect(error).toMatchObject({
      code: 'CITY_SOURCE_PROTOCOL',
      message: "The legacy system sent an unexpected row during patrols list (row 1, lhfs: unknown lhfs code '9').",
    });
  });
});
