import { describe, expect, it } from 'vitest';
import { JIALING_QU_AGREEMENT, QIONGJIANG_AGREEMENT, settle } from '../../../subgraphs/standards/index.ts';
import type { WaterClass } from '../../../subgraphs/standards/index.ts';
import { thrownCode } from './thrownCode.ts';

const guanghui = (waterClass: WaterClass) => [{ sectionId: 'qiongjiang-guanghui', waterClass }];

describe('settle — 琼江 (遂宁 upstream, 潼南 downstream, monthly)', () => {
  it('has the downstream pay the upstream when the target is met and the water improved', () => {
    const result = settle(QIONGJIANG_AGREEMENT, { period: '2024-03', sections: guanghui('II'), previous: guanghui('III') });
    expect(result.sections[0]).toMatchObject({ outcome: 'MEETS_IMPROVED', trend: 'IMPROVED', payer: '500152', payee: '510900', amountWanYuan: 100 });
    expect(result.net).toEqual({ from: '500152', to: '510900', amountWanYuan: 100 });
    expect(result.lineItems).toEqual([
      '2024-03 光辉（琼江）：Ⅱ类，目标 Ⅲ类，对比期 Ⅲ类，达标且改善 / meets target and improved → 潼南区 付 遂宁市 100 万元（100 × 权重 1，金额 [unverified]）',
      '净额 / net: 潼南区 → 遂宁市 100 万元',
    ]);
  });

  it('moves no money when the target is met and the class is unchanged', () => {
    const result = settle(QIONGJIANG_AGREEMENT, { period: '2024-03', sections: guanghui('III'), previous: guanghui('III') });
    expect(result.sections[0]).toMatchObject({ outcome: 'MEETS_STABLE', payer: null, amountWanYuan: 0 });
    expect(result.net).toBeNull();
  });

  it('has the upstream pay the downstream when the target is met but the water got worse', () => {
    const result = settle(QIONGJIANG_AGREEMENT, { period: '2024-03', sections: guanghui('III'), previous: guanghui('II') });
    expect(result.sections[0]).toMatchObject({ outcome: 'MEETS_WORSENED', payer: '510900', payee: '500152', amountWanYuan: 100 });
  });

  it('has the upstream pay the downstream when the target is missed, improved or not', () => {
    const result = settle(QIONGJIANG_AGREEMENT, { period: '2024-03', sections: guanghui('IV'), previous: guanghui('V') });
    expect(result.sections[0]).toMatchObject({ outcome: 'MISSES', meetsTarget: false, trend: 'IMPROVED', payer: '510900', amountWanYuan: 100 });
  });

  it('classes a section from indicator means, on the agreement indicators only', () => {
    // DO is not one of 琼江's indicators (CODMn, NH3-N, TP), so its low mean does not miss the target.
    const sections = [{ sectionId: 'qiongjiang-guanghui', means: [{ code: 'w21003', value: 0.9 }, { code: 'w01009', value: 2.5 }] }];
    const result = settle(QIONGJIANG_AGREEMENT, { period: '2024-03', sections });
    expect(result.sections[0]).toMatchObject({ waterClass: 'III', meetsTarget: true, trend: 'UNKNOWN', outcome: 'MEETS_STABLE' });
  });

  it('decides improvement within a class by the pollution index of the means', () => {
    const at = (nh3: number, tp: number) => [{ sectionId: 'qiongjiang-guanghui', means: [{ code: 'w21003', value: nh3 }, { code: 'w21011', value: tp }] }];
    const better = settle(QIONGJIANG_AGREEMENT, { period: '2024-03', sections: at(0.7, 0.15), previous: at(0.9, 0.18) });
    expect(better.sections[0]).toMatchObject({ waterClass: 'III', previousClass: 'III', trend: 'IMPROVED', trendBasis: 'POLLUTION_INDEX', outcome: 'MEETS_IMPROVED' });
    const worse = settle(QIONGJIANG_AGREEMENT, { period: '2024-03', sections: at(0.9, 0.18), previous: at(0.7, 0.15) });
    expect(worse.sections[0]?.outcome).toBe('MEETS_WORSENED');
  });
});

describe('settle — 嘉陵江/渠江 (广安 upstream, 重庆 downstream, annual, weighted)', () => {
  it('nets the weighted payments of a met and a missed section to zero', () => {
    const result = settle(JIALING_QU_AGREEMENT, {
      period: '2024',
      sections: [{ sectionId: 'jialingjiang-lize', waterClass: 'II' }, { sectionId: 'qujiang-matou', waterClass: 'IV' }],
    });
    expect(result.transfers).toEqual([
      { from: '500000', to: '511600', amountWanYuan: 500 },
      { from: '511600', to: '500000', amountWanYuan: 500 },
    ]);
    expect(result.net).toBeNull();
  });

  it('has 重庆 pay 广安 the whole amount when both sections meet their targets', () => {
    const result = settle(JIALING_QU_AGREEMENT, {
      period: '2024',
      sections: [{ sectionId: 'jialingjiang-lize', waterClass: 'I' }, { sectionId: 'qujiang-matou', waterClass: 'III' }],
    });
    expect(result.net).toEqual({ from: '500000', to: '511600', amountWanYuan: 1000 });
  });

  it('rejects a period without every section assessed, and an agreement whose weights do not sum to 1', () => {
    expect(thrownCode(() => settle(JIALING_QU_AGREEMENT, { period: '2024', sections: [{ sectionId: 'jialingjiang-lize', waterClass: 'II' }] })))
      .toBe('MISSING_ASSESSMENT');
    const broken = { ...JIALING_QU_AGREEMENT, sections: JIALING_QU_AGREEMENT.sections.map((s) => ({ ...s, weight: 0.7 })) };
    expect(thrownCode(() => settle(broken, { period: '2024', sections: [] }))).toBe('INVALID_AGREEMENT');
  });
});

describe('settle — a reservoir agreement on every evaluation indicator', () => {
  const reservoir = { ...QIONGJIANG_AGREEMENT, waterBody: 'LAKE' as const, indicators: 'ALL_EVALUATED' as const };
  const at = (tn: number, tp: number) => [{ sectionId: 'qiongjiang-guanghui', means: [{ code: 'w21003', value: 0.5 }, { code: 'w21011', value: tp }, { code: 'w21001', value: tn }] }];

  it('settles on the evaluation indicators: TN 1.81 (class V) leaves a class II reservoir meeting target III', () => {
    // GB 3838-2002 表1 lake/reservoir limits: NH3-N 0.5 and TP 0.025 are class II; TN 1.81 is class V.
    const result = settle(reservoir, { period: '2024-03', sections: at(1.81, 0.025) });
    expect(result.sections[0]).toMatchObject({ waterClass: 'II', meetsTarget: true, outcome: 'MEETS_STABLE', amountWanYuan: 0 });
  });

  it('does not let TN move the pollution index within a class', () => {
    // Same class II, same NH3-N and TP; only TN rose from 0.3 to 1.9: no change, no money.
    const result = settle(reservoir, { period: '2024-03', sections: at(1.9, 0.02), previous: at(0.3, 0.02) });
    expect(result.sections[0]).toMatchObject({ waterClass: 'II', previousClass: 'II', trend: 'STABLE', outcome: 'MEETS_STABLE', payer: null });
  });
});
