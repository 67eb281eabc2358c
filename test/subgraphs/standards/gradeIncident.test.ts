import { describe, expect, it } from 'vitest';
import { INCIDENT_GRADING_2014, gradeIncident } from '../../../subgraphs/standards/index.ts';
import type { IncidentLevel } from '../../../subgraphs/standards/index.ts';
import { thrownCode } from './thrownCode.ts';

const NEXT: Record<IncidentLevel, IncidentLevel> = { I: 'II', II: 'III', III: 'IV', IV: 'IV' };

describe('gradeIncident thresholds (国办函〔2014〕119号)', () => {
  // Table-driven: exactly at each inclusive lower bound → that level; one unit below → the next level down.
  const GENERAL = new Set(['deaths', 'poisonedOrInjured', 'evacuated', 'directLossYuan']);
  for (const t of INCIDENT_GRADING_2014.counts.filter((c) => GENERAL.has(c.field))) {
    it(`${t.field} = ${t.atLeast} is level ${t.level} and ${t.atLeast - 1} is level ${NEXT[t.level]}`, () => {
      expect(gradeIncident({ [t.field]: t.atLeast }).level).toBe(t.level);
      expect(gradeIncident({ [t.field]: t.atLeast - 1 }).level).toBe(NEXT[t.level]);
    });
  }

  it.each([
    [{ deaths: 30 }, 'I', '特别重大', '红'], [{ deaths: 29 }, 'II', '重大', '橙'], [{ deaths: 10 }, 'II', '重大', '橙'],
    [{ deaths: 9 }, 'III', '较大', '黄'], [{ deaths: 3 }, 'III', '较大', '黄'], [{ deaths: 2 }, 'IV', '一般', '蓝'],
    [{ directLossYuan: 100_000_000 }, 'I', '特别重大', '红'], [{ directLossYuan: 4_999_999 }, 'IV', '一般', '蓝'],
  ] as const)('%o is level %s %s %s', (facts, level, name, color) => {
    expect(gradeIncident(facts)).toMatchObject({ level, name, color });
  });

  it('escalates any cross-provincial impact to at least II 重大', () => {
    const grade = gradeIncident({ deaths: 0, crossBorder: 'PROVINCIAL' });
    expect(grade.level).toBe('II');
    expect(grade.reasons).toEqual(['造成跨省级行政区域影响 / impact across provincial boundaries → II']);
    expect(gradeIncident({ deaths: 31, crossBorder: 'PROVINCIAL' }).level).toBe('I');
  });

  it.each([
    ['PREFECTURE_CITY', 'I'], ['COUNTY', 'II'], ['TOWNSHIP', 'III'],
  ] as const)('a %s drinking-water intake cut off is level %s', (cutoff, level) => {
    expect(gradeIncident({ drinkingWaterCutoff: cutoff }).level).toBe(level);
  });

  it('names every threshold that applied, most severe first, and marks unverified ones', () => {
    const grade = gradeIncident({ deaths: 4, evacuated: 12_000, drinkingWaterCutoff: 'TOWNSHIP', crossBorder: 'COUNTY' });
    expect(grade.level).toBe('II');
    expect(grade.reasons).toEqual([
      '疏散、转移人员1万人以上5万人以下（12000）/ 10,000–49,999 evacuated (12000) → II',
      '死亡3人以上10人以下（4）/ 3–9 deaths (4) → III',
      '乡镇集中式饮用水水源地取水中断 / drinking-water intake of a township cut off → III',
      '造成跨县级行政区域纠纷 / dispute across county boundaries → IV [unverified]',
    ]);
  });

  it.each([
    ['a township drinking-water intake cut off', { drinkingWaterCutoff: 'TOWNSHIP' }],
    ['an impact across prefecture boundaries', { crossBorder: 'PREFECTURE' }],
    ['a protected species damaged', { protectedSpeciesDamaged: true }],
  ] as const)('grades %s III as the text of 附件1 III says, verified', (_what, facts) => {
    const grade = gradeIncident(facts);
    expect(grade.level).toBe('III');
    expect(grade.reasons).toHaveLength(1);
    expect(grade.reasons[0]).not.toMatch(/unverified/);
  });
});

describe('gradeIncident radioactive items (国办函〔2014〕119号 附件1, "以上含本数，以下不含本数")', () => {
  it.each([
    // 3 acute radiation deaths is I even though 3 deaths in general is III.
    [{ radiationAcuteDeaths: 3 }, 'I'], [{ radiationAcuteDeaths: 4 }, 'I'], [{ radiationAcuteDeaths: 2 }, 'II'],
    [{ radiationAcuteDeaths: 1 }, 'II'], [{ radiationAcuteDeaths: 0 }, 'IV'],
    [{ deaths: 3, radiationAcuteDeaths: 3 }, 'I'],
    [{ acuteSevereRadiationSickness: 11 }, 'II'], [{ acuteSevereRadiationSickness: 10 }, 'II'],
    [{ acuteSevereRadiationSickness: 9 }, 'III'], [{ acuteSevereRadiationSickness: 1 }, 'III'],
    [{ acuteSevereRadiationSickness: 0 }, 'IV'],
    [{ radioactiveSourceLost: 'I' }, 'II'], [{ radioactiveSourceLost: 'II' }, 'II'], [{ radioactiveSourceLost: 'III' }, 'III'],
    [{ radioactiveSourceLost: 'IV' }, 'IV'], [{ radioactiveSourceLost: 'V' }, 'IV'],
    [{ radioactiveSourceLost: 'I', radioactiveSourceWideContamination: true }, 'I'],
    [{ radioactiveLeak: 'WIDE' }, 'I'], [{ radioactiveLeak: 'LARGER' }, 'II'], [{ radioactiveLeak: 'SMALL' }, 'III'],
    [{ radiationAcuteDeaths: 1, acuteSevereRadiationSickness: 5, radioactiveLeak: 'SMALL' }, 'II'],
  ] as const)('%o is level %s', (facts, level) => {
    expect(gradeIncident(facts).level).toBe(level);
  });

  it('says which radioactive item set the level, verified', () => {
    expect(gradeIncident({ radiationAcuteDeaths: 3 }).reasons).toEqual([
      '放射性同位素和射线装置失控导致3人以上急性死亡（3）/ radioisotopes or radiation devices out of control: 3 or more acute deaths (3) → I',
    ]);
    expect(gradeIncident({ radioactiveSourceLost: 'V' }).reasons).toEqual(['Ⅴ类放射源丢失、被盗 / class V radioactive source lost or stolen → IV']);
  });

  it('rejects a negative radiation count', () => {
    expect(thrownCode(() => gradeIncident({ acuteSevereRadiationSickness: -1 }))).toBe('NEGATIVE_VALUE');
  });
});

describe('gradeIncident — the rest', () => {

  it('grades an incident meeting no threshold as IV 一般 and says why', () => {
    const grade = gradeIncident({});
    expect([grade.level, grade.name, grade.color]).toEqual(['IV', '一般', '蓝']);
    expect(grade.reasons).toHaveLength(1);
  });

  it('rejects negative counts', () => {
    expect(thrownCode(() => gradeIncident({ deaths: -1 }))).toBe('NEGATIVE_VALUE');
  });
});
