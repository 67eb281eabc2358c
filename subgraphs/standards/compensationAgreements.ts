/**
 * Seed compensation agreements. The real 川渝 amounts, section lists and rules were not found
 * in public sources (docs/compensation.md), so every amount here is a placeholder marked unverified
 * and borrowed from a published template; section ids, rivers and target classes match the seeded sections (devtools/demo-world).
 */
import type { CompensationAgreement } from './CompensationAgreement.ts';

/**
 * 琼江, the first cross-province demonstration river (2021-09 → 2023-09, per press reports): 遂宁
 * upstream, 潼南 downstream, boundary section 光辉. Rule follows the Chongqing intra-city scheme
 * (docs/compensation.md): met and improved → downstream pays upstream 100万元/month; met but worse → upstream pays
 * downstream 100万元/month. "Misses" is "separate rules" there; upstream paying 100 is assumed.
 * Indicators CODMn/NH3-N/TP as in the 赤水河 template, which the 9-parameter automatic station measures.
 */
export const QIONGJIANG_AGREEMENT: CompensationAgreement = {
  id: 'qiongjiang-510900-500152',
  name: '琼江流域跨省横向生态保护补偿（遂宁—潼南示范）',
  basin: '长江流域嘉陵江水系',
  standard: { standard: 'GB 3838', version: '2002' },
  waterBody: 'RIVER',
  parties: [
    { adminCode: '510900', name: '遂宁市', role: 'UPSTREAM', contributionWanYuanPerYear: null },
    { adminCode: '500152', name: '潼南区', role: 'DOWNSTREAM', contributionWanYuanPerYear: null },
  ],
  sections: [{ sectionId: 'qiongjiang-guanghui', name: '光辉', river: '琼江', targetClass: 'III', weight: 1 }],
  indicators: ['w01019', 'w21003', 'w21011'],
  settlement: 'MONTHLY',
  compareWith: 'SAME_PERIOD_LAST_YEAR',
  rule: {
    MEETS_IMPROVED: { payer: 'DOWNSTREAM', amountWanYuan: 100, verified: false },
    MEETS_STABLE: { payer: null, amountWanYuan: 0, verified: false },
    MEETS_WORSENED: { payer: 'UPSTREAM', amountWanYuan: 100, verified: false },
    MISSES: { payer: 'UPSTREAM', amountWanYuan: 100, verified: false },
  },
  dataSource: 'NATIONAL_AUTOMATIC_STATION',
  notes: [
    'Rule and 100万元/month from the Chongqing intra-city scheme (from 2018) [unverified for 琼江]',
    'Section list (光辉 only), target III and indicators [unverified]',
  ],
};

/**
 * 嘉陵江/渠江, 广安 upstream of 重庆 (合川): sections 利泽 (嘉陵江, II) and 码头 (渠江, III), equal
 * weights. Rule follows the 渝湘 酉水 agreement (docs/compensation.md): target met → downstream pays upstream; missed →
 * upstream pays downstream; settled yearly. The 1000万元/year amount is a placeholder, and the equal
 * contributions follow the remembered 2021 川渝 joint-fund split, from memory [unverified].
 */
export const JIALING_QU_AGREEMENT: CompensationAgreement = {
  id: 'jialingjiang-qujiang-511600-500000',
  name: '嘉陵江、渠江流域川渝跨省横向生态保护补偿（广安—重庆）',
  basin: '长江流域嘉陵江水系',
  standard: { standard: 'GB 3838', version: '2002' },
  waterBody: 'RIVER',
  parties: [
    { adminCode: '511600', name: '广安市', role: 'UPSTREAM', contributionWanYuanPerYear: null },
    { adminCode: '500000', name: '重庆市', role: 'DOWNSTREAM', contributionWanYuanPerYear: null },
  ],
  sections: [
    { sectionId: 'jialingjiang-lize', name: '利泽', river: '嘉陵江', targetClass: 'II', weight: 0.5 },
    { sectionId: 'qujiang-matou', name: '码头', river: '渠江', targetClass: 'III', weight: 0.5 },
  ],
  indicators: 'ALL_EVALUATED',
  settlement: 'ANNUAL',
  compareWith: 'SAME_PERIOD_LAST_YEAR',
  rule: {
    MEETS_IMPROVED: { payer: 'DOWNSTREAM', amountWanYuan: 1000, verified: false },
    MEETS_STABLE: { payer: 'DOWNSTREAM', amountWanYuan: 1000, verified: false },
    MEETS_WORSENED: { payer: 'DOWNSTREAM', amountWanYuan: 1000, verified: false },
    MISSES: { payer: 'UPSTREAM', amountWanYuan: 1000, verified: false },
  },
  dataSource: 'JOINT_MONITORING',
  notes: [
    'Rule from the 渝湘 酉水 agreement (2019–2021); amount 1000万元/year is a placeholder [unverified]',
    'Sections, weights and contributions (equal shares, amount unknown) [unverified]',
  ],
};

export const COMPENSATION_AGREEMENTS: readonly CompensationAgreement[] = [QIONGJIANG_AGREEMENT, JIALING_QU_AGREEMENT];
