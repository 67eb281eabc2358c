import { describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../../subgraphs/kit/model.ts';
import { decodeGlobalId } from '../../../schema/globalId.ts';
import { cstYear } from '../../../devtools/demo-world/cstTime.ts';
import { BUREAU_CODES } from '../../../devtools/demo-world/generateWorld.ts';
import { defaultWorld, UNTIL } from './seedFixture.ts';

const world = () => defaultWorld();
const all = (): CaseRecord[] => BUREAU_CODES.flatMap((c) => [...world().bureaus[c]!.cases]);
const STAGES = ['REGISTERED', 'INVESTIGATING', 'REVIEWING', 'NOTIFIED', 'LEGAL_REVIEW', 'DECIDED', 'EXECUTING', 'CLOSED'];

describe('generateCases', () => {
  it('gives each bureau 200 cases with ids C0001… in filing order', () => {
    for (const code of BUREAU_CODES) {
      const cases = world().bureaus[code]!.cases;
      expect(cases).toHaveLength(200);
      cases.forEach((c, i) => {
        expect(decodeGlobalId(c.id)).toEqual({ type: 'EnforcementCase', cityCode: code, localId: `C${String(i + 1).padStart(4, '0')}` });
        if (i > 0) expect(c.filedAt).toBeGreaterThanOrEqual(cases[i - 1]!.filedAt);
      });
    }
  });

  it('numbers decisions uniquely per bureau in its own style and in the year of filing', () => {
    const style: Record<string, RegExp> = {
      '500000': /^渝环罚〔(\d{4})〕\d+号$/, '500152': /^渝（潼）环罚〔(\d{4})〕\d+号$/, '500153': /^渝（荣）环罚〔(\d{4})〕\d+号$/,
      '510500': /^泸环罚〔(\d{4})〕\d+号$/, '510900': /^遂环罚〔(\d{4})〕\d+号$/, '511600': /^广环罚〔(\d{4})〕\d+号$/,
    };
    for (const code of BUREAU_CODES) {
      const cases = world().bureaus[code]!.cases;
      expect(new Set(cases.map((c) => c.caseNumber)).size).toBe(cases.length);
      for (const c of cases) expect(Number(c.caseNumber.match(style[code]!)?.[1])).toBe(cstYear(c.filedAt));
    }
  });

  it('orders the stage dates and sets exactly the dates the status has reached', () => {
    for (const c of all()) {
      const d = c.dates;
      const chain = [c.filedAt, d.informedAt, d.hearingRequestedAt, d.decidedAt, d.servedAt, d.executedAt, d.closedAt].filter((x): x is number => x !== null);
      expect([...chain].sort((a, b) => a - b)).toEqual(chain);
      expect(Math.max(...chain)).toBeLessThanOrEqual(UNTIL);
      const stage = STAGES.indexOf(c.status);
      if (stage >= 0) {
        expect(d.informedAt !== null, c.status).toBe(stage >= STAGES.indexOf('NOTIFIED') || c.procedure === 'SIMPLIFIED');
        expect(d.decidedAt !== null).toBe(stage >= STAGES.indexOf('DECIDED'));
        expect(d.servedAt !== null).toBe(stage >= STAGES.indexOf('EXECUTING'));
        expect(d.closedAt !== null).toBe(stage === STAGES.indexOf('CLOSED'));
        if (c.status === 'CLOSED') expect(d.executedAt).not.toBeNull();
      } else if (c.status === 'REVOKED') {
        expect(d.decidedAt).not.toBeNull();
        expect(d.closedAt).toBeNull();
      } else {
        expect(Object.values(d).every((x) => x === null)).toBe(true);
      }
    }
    const statuses = new Set(all().map((c) => c.status));
    for (const s of ['INVESTIGATING', 'DECIDED', 'EXECUTING', 'CLOSED']) expect(statuses.has(s as CaseRecord['status'])).toBe(true);
  });

  it('fines within the law’s range and uses the simplified procedure only for warnings or fines up to 3000 yuan', () => {
    for (const c of all()) {
      const basis = c.penaltyBasis.map((p) => `${p.law}${p.article}`).join();
      if (c.procedure === 'SIMPLIFIED') {
        expect(c.fineYuan === null || c.fineYuan <= 3000).toBe(true);
        continue;
      }
      if (c.fineYuan === null || c.penaltyTypes.includes('DAILY_PENALTY')) continue;
      if (/水污染防治法第八十三条|大气污染防治法第九十九条/.test(basis)) {
        expect(c.fineYuan).toBeGreaterThanOrEqual(100_000);
        expect(c.fineYuan).toBeLessThanOrEqual(1_000_000);
      }
      if (/水污染防治法第八十二条|大气污染防治法第一百条/.test(basis)) {
        expect(c.fineYuan).toBeGreaterThanOrEqual(20_000);
        expect(c.fineYuan).toBeLessThanOrEqual(200_000);
      }
    }
    const daily = all().filter((c) => c.penaltyTypes.includes('DAILY_PENALTY'));
    for (const c of daily) expect(c.penaltyBasis[0]).toMatchObject({ law: '中华人民共和国环境保护法', article: '第五十九条' });
    expect(all().some((c) => c.procedure === 'SIMPLIFIED')).toBe(true);
  });

  it('records legal bases as versioned provisions', () => {
    for (const c of all()) {
      for (const p of [...c.violatedProvisions, ...c.penaltyBasis]) {
        expect(p.law).toMatch(/^(中华人民共和国.+法|排污许可管理条例)$/);
        expect(p.version).toMatch(/^\d{4}$/);
        expect(p.article).toMatch(/^第.+条$/);
      }
      expect(c.evidence.length).toBeGreaterThan(0);
    }
  });

  it('links online-monitoring cases to the party’s own pollution-source station and no other case to a station', () => {
    for (const code of BUREAU_CODES) {
      const bureau = world().bureaus[code]!;
      const online = bureau.cases.filter((c) => c.source === 'ONLINE_MONITORING');
      expect(online.length).toBeGreaterThan(10);
      for (const c of bureau.cases) {
        if (c.source !== 'ONLINE_MONITORING') { expect(c.stationId).toBeNull(); continue; }
        const station = bureau.stations.find((s) => s.id === c.stationId);
        expect(station).toMatchObject({ kind: 'POLLUTION_SOURCE', enterpriseCreditCode: c.enterpriseCreditCode });
        expect(c.evidence.some((e) => e.type === 'AUTOMATIC_MONITORING_DATA' && e.reference.includes(station!.code))).toBe(true);
      }
    }
  });

  it('makes about 15 % of cases joint, with partners and an action the bureau takes part in', () => {
    const joint = all().filter((c) => c.joint);
    expect(joint.length / all().length).toBeGreaterThan(0.1);
    expect(joint.length / all().length).toBeLessThan(0.2);
    for (const c of all()) {
      if (!c.joint) { expect(c.jointAction).toBeNull(); expect(c.jointPartnerCityCodes).toEqual([]); continue; }
      expect(c.jointAction!.participantCityCodes).toContain(c.cityCode);
      expect(c.jointPartnerCityCodes).toEqual(c.jointAction!.participantCityCodes.filter((x) => x !== c.cityCode));
      expect(c.jointAction!.name).toContain(String(cstYear(c.filedAt)));
    }
    const qiongjiang = world().bureaus['510900']!.cases.find((c) => c.jointAction?.name.includes('琼江流域川渝联合执法'));
    expect(qiongjiang?.jointPartnerCityCodes).toContain('500152');
  });

  it('penalises a few enterprises registered in a partner bureau’s area, never one on its active positive list', () => {
    const registry = new Map(world().region.enterprises.map((e) => [e.creditCode, e]));
    for (const code of BUREAU_CODES) {
      const cases = world().bureaus[code]!.cases;
      const elsewhere = cases.filter((c) => registry.get(c.enterpriseCreditCode)!.cityCode !== code);
      expect(elsewhere.length).toBeGreaterThan(0);
      expect(elsewhere.length).toBeLessThan(cases.length * 0.15);
      for (const c of cases) {
        const e = registry.get(c.enterpriseCreditCode)!;
        expect(c.partyName).toBe(e.name);
        expect(e.positiveList === null || e.positiveList.removedOn !== null).toBe(true);
        if (c.permitNumber) expect(c.permitNumber.startsWith(e.creditCode)).toBe(true);
      }
    }
  });
});
