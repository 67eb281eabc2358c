/**
 * Kinds of violation that environment bureaus penalise, with the provisions violated and the
 * penalty basis recorded as versioned articles (docs/enforcement.md, "Legal bases"; article numbers change when the
 * 生态环境法典 takes effect, hence the version), the statutory fine range and the typical extra
 * measures. Articles marked [unverified] are from memory of the law texts.
 */
import type { EvidenceType, LegalProvisionRecord, PenaltyType } from '../../subgraphs/kit/model.ts';

const law = (name: string, version: string) => (article: string, item: string | null = null): LegalProvisionRecord =>
  ({ law: name, version, article, item });

export const WATER_LAW = law('中华人民共和国水污染防治法', '2017');
export const AIR_LAW = law('中华人民共和国大气污染防治法', '2018');
export const ENVIRONMENT_LAW = law('中华人民共和国环境保护法', '2014');
const EIA_LAW = law('中华人民共和国环境影响评价法', '2018');
const SOLID_WASTE_LAW = law('中华人民共和国固体废物污染环境防治法', '2020');
const PERMIT_REGULATION = law('排污许可管理条例', '2021');
const NOISE_LAW = law('中华人民共和国噪声污染防治法', '2021');

/** What an enterprise must discharge for the violation to apply to it. */
export type Medium = 'WATER' | 'GAS' | 'ANY';

export interface ViolationTemplate {
  readonly key: string;
  readonly cause: string;
  readonly medium: Medium;
  readonly violated: readonly LegalProvisionRecord[];
  readonly basis: readonly LegalProvisionRecord[];
  /** Statutory fine range in yuan and the step amounts are rounded to. */
  readonly fine: { readonly min: number; readonly max: number; readonly step: number } | null;
  /** Measures that may accompany the fine. */
  readonly extras: readonly PenaltyType[];
  /** Can be found off-site, from a source's automatic monitoring data. */
  readonly online: boolean;
  /** Decided on the spot (简易程序): warning, or a fine ≤ 3000 yuan for an organisation. */
  readonly simplified?: boolean;
  /** Serious cases may be transferred to the police (e.g. falsified monitoring data). */
  readonly transferable?: boolean;
  /** The violation means the party holds no discharge permit. */
  readonly noPermit?: boolean;
  readonly evidence: readonly EvidenceType[];
  readonly weight: number;
}

export const VIOLATIONS: readonly ViolationTemplate[] = [
  {
    key: 'water-exceed', cause: '超标排放水污染物', medium: 'WATER',
    violated: [WATER_LAW('第十条')], basis: [WATER_LAW('第八十三条', '第（二）项')],
    fine: { min: 100_000, max: 1_000_000, step: 10_000 }, extras: ['LIMIT_PRODUCTION', 'SUSPEND_PRODUCTION'], online: true,
    evidence: ['INSPECTION_RECORD', 'INTERVIEW_RECORD', 'MONITORING_REPORT', 'AUDIO_VISUAL'], weight: 20,
  },
  {
    key: 'air-exceed', cause: '超标排放大气污染物', medium: 'GAS',
    violated: [AIR_LAW('第十八条')], basis: [AIR_LAW('第九十九条', '第（二）项')],
    fine: { min: 100_000, max: 1_000_000, step: 10_000 }, extras: ['LIMIT_PRODUCTION', 'SUSPEND_PRODUCTION'], online: true,
    evidence: ['INSPECTION_RECORD', 'INTERVIEW_RECORD', 'MONITORING_REPORT', 'AUDIO_VISUAL'], weight: 16,
  },
  {
    key: 'water-cems', cause: '未保证水污染物排放自动监测设备正常运行', medium: 'WATER',
    violated: [WATER_LAW('第二十三条', null)], basis: [WATER_LAW('第八十二条', '第（二）项')],
    fine: { min: 20_000, max: 200_000, step: 1_000 }, extras: [], online: true,
    evidence: ['INSPECTION_RECORD', 'INTERVIEW_RECORD', 'ELECTRONIC_DATA'], weight: 10,
  },
  {
    key: 'air-cems', cause: '大气污染物排放自动监测设备未正常运行', medium: 'GAS',
    violated: [AIR_LAW('第二十四条')], basis: [AIR_LAW('第一百条', '第（三）项')],
    fine: { min: 20_000, max: 200_000, step: 1_000 }, extras: [], online: true,
    evidence: ['INSPECTION_RECORD', 'INTERVIEW_RECORD', 'ELECTRONIC_DATA'], weight: 9,
  },
  {
    key: 'water-self-monitoring', cause: '未按照规定对所排放的水污染物自行监测', medium: 'WATER',
    violated: [WATER_LAW('第二十三条')], basis: [WATER_LAW('第八十二条', '第（一）项')],
    fine: { min: 20_000, max: 200_000, step: 1_000 }, extras: [], online: false,
    evidence: ['INSPECTION_RECORD', 'INTERVIEW_RECORD', 'EXAMINATION_RECORD'], weight: 5,
  },
  {
    key: 'water-evade', cause: '通过不正常运行水污染防治设施等逃避监管的方式排放水污染物', medium: 'WATER',
    violated: [WATER_LAW('第三十九条')], basis: [WATER_LAW('第八十三条', '第（三）项'), ENVIRONMENT_LAW('第二十五条')],
    fine: { min: 100_000, max: 1_000_000, step: 10_000 }, extras: ['SUSPEND_PRODUCTION', 'SEIZURE'], online: true,
    transferable: true, evidence: ['INSPECTION_RECORD', 'INTERVIEW_RECORD', 'EXAMINATION_RECORD', 'MONITORING_REPORT', 'AUDIO_VISUAL'], weight: 6,
  },
  {
    key: 'air-evade', cause: '以篡改、伪造监测数据等逃避监管的方式排放大气污染物', medium: 'GAS',
    violated: [AIR_LAW('第二十条', '第二款')], basis: [AIR_LAW('第九十九条', '第（三）项')],
    fine: { min: 100_000, max: 1_000_000, step: 10_000 }, extras: ['SUSPEND_PRODUCTION', 'SEIZURE'], online: true,
    transferable: true, evidence: ['INSPECTION_RECORD', 'INTERVIEW_RECORD', 'ELECTRONIC_DATA', 'AUTOMATIC_MONITORING_DATA'], weight: 4,
  },
  {
    key: 'no-permit', cause: '未取得排污许可证排放污染物', medium: 'ANY',
    violated: [PERMIT_REGULATION('第二条')], basis: [PERMIT_REGULATION('第三十三条', '第（一）项')],
    fine: { min: 200_000, max: 1_000_000, step: 10_000 }, extras: ['LIMIT_PRODUCTION', 'SUSPEND_PRODUCTION'], online: false,
    noPermit: true, evidence: ['INSPECTION_RECORD', 'INTERVIEW_RECORD', 'AUDIO_VISUAL'], weight: 6,
  },
  {
    key: 'eia-unapproved', cause: '建设项目环境影响报告表未经批准擅自开工建设', medium: 'ANY',
    violated: [EIA_LAW('第二十五条')], basis: [EIA_LAW('第三十一条', null)],
    fine: { min: 50_000, max: 600_000, step: 1_000 }, extras: [], online: false,
    evidence: ['INSPECTION_RECORD', 'INTERVIEW_RECORD', 'AUDIO_VISUAL'], weight: 8,
  },
  {
    key: 'hazardous-label', cause: '危险废物贮存场所未按照规定设置危险废物识别标志', medium: 'ANY',
    violated: [SOLID_WASTE_LAW('第七十七条')], basis: [SOLID_WASTE_LAW('第一百一十二条', '第（一）项')],
    fine: { min: 100_000, max: 1_000_000, step: 10_000 }, extras: [], online: false,
    evidence: ['INSPECTION_RECORD', 'INTERVIEW_RECORD', 'AUDIO_VISUAL'], weight: 6,
  },
  {
    key: 'vocs', cause: '未在密闭空间或者设备中进行产生含挥发性有机物废气的生产活动', medium: 'GAS',
    violated: [AIR_LAW('第四十五条')], basis: [AIR_LAW('第一百零八条', '第（一）项')],
    fine: { min: 20_000, max: 200_000, step: 1_000 }, extras: ['LIMIT_PRODUCTION'], online: false,
    evidence: ['INSPECTION_RECORD', 'INTERVIEW_RECORD', 'AUDIO_VISUAL'], weight: 6,
  },
  {
    key: 'dust', cause: '未采取有效覆盖措施防治工业物料堆场扬尘污染', medium: 'ANY',
    violated: [AIR_LAW('第七十二条')], basis: [AIR_LAW('第一百一十七条', '第（一）项')],
    fine: { min: 10_000, max: 100_000, step: 1_000 }, extras: [], online: false,
    evidence: ['INSPECTION_RECORD', 'INTERVIEW_RECORD', 'AUDIO_VISUAL'], weight: 5,
  },
  {
    // [unverified] article number of the 2021 noise law's social-life-noise clause.
    key: 'noise', cause: '未采取有效措施造成噪声污染', medium: 'ANY',
    violated: [NOISE_LAW('第八十七条', '第（四）项')], basis: [NOISE_LAW('第八十七条', '第（四）项')],
    fine: { min: 2_000, max: 3_000, step: 100 }, extras: ['WARNING'], online: false, simplified: true,
    evidence: ['INSPECTION_RECORD', 'AUDIO_VISUAL'], weight: 5,
  },
];

/** 按日连续处罚 (环境保护法 第五十九条): a refusal to correct turns a fine into a daily one. */
export const DAILY_PENALTY_BASIS = ENVIRONMENT_LAW('第五十九条', '第一款');
