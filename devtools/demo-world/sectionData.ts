/**
 * Water-quality assessment sections and which bureau runs each one's automatic station. 光辉 (琼江)
 * and 玉溪 (涪江) are the 遂宁→潼南 stations shared in real time; 大安 is 遂宁's paired 琼江 section.
 * 朱沱, 利泽, 大磨子, 寸滩 are well-known section names; the others are plausible names at real towns,
 * and target classes are assumptions (the real lists were not found in public sources; docs/water-quality.md).
 * `atRisk` marks the small rivers whose sections miss their target on one factor for part of the period.
 */
import type { CityCode, GeoPoint, SectionRecord, WaterClass } from '../../subgraphs/kit/model.ts';

export interface SectionFact {
  readonly id: string;
  readonly name: string;
  readonly riverId: string;
  readonly controlLevel: SectionRecord['controlLevel'];
  readonly boundaryType: SectionRecord['boundaryType'];
  readonly upstreamCityCode: CityCode | null;
  readonly downstreamCityCode: CityCode | null;
  readonly targetClass: WaterClass;
  /** The bureau that owns the section's station. */
  readonly owner: CityCode;
  readonly sharedWith: readonly CityCode[];
  /** County-level code of the station's site (the MN's area part) and its town. */
  readonly countyCode: string;
  readonly town: string;
  readonly location: GeoPoint;
  /** Two letters of the HJ 212 MN, e.g. GH for 光辉 (MN 500152GH0000000000000001). */
  readonly mnTag: string;
  readonly atRisk?: 'w21003' | 'w21011';
}

const p = (longitude: number, latitude: number): GeoPoint => ({ longitude, latitude });

export const SECTION_FACTS: readonly SectionFact[] = [
  {
    id: 'qiongjiang-guanghui', name: '光辉', riverId: 'qiongjiang', controlLevel: 'NATIONAL', boundaryType: 'PROVINCIAL',
    upstreamCityCode: '510900', downstreamCityCode: '500152', targetClass: 'III', owner: '500152', sharedWith: ['510900'],
    countyCode: '500152', town: '光辉镇', location: p(105.6612, 30.1318), mnTag: 'GH',
  },
  {
    id: 'fujiang-yuxi', name: '玉溪', riverId: 'fujiang', controlLevel: 'NATIONAL', boundaryType: 'PROVINCIAL',
    upstreamCityCode: '510900', downstreamCityCode: '500152', targetClass: 'II', owner: '500152', sharedWith: ['510900'],
    countyCode: '500152', town: '玉溪镇', location: p(105.7436, 30.2695), mnTag: 'YX',
  },
  {
    id: 'qiongjiang-daan', name: '大安', riverId: 'qiongjiang', controlLevel: 'PROVINCIAL', boundaryType: 'NONE',
    upstreamCityCode: null, downstreamCityCode: null, targetClass: 'III', owner: '510900', sharedWith: [],
    countyCode: '510904', town: '大安镇', location: p(105.5633, 30.2108), mnTag: 'DA',
  },
  {
    id: 'fujiang-mijiaqiao', name: '米家桥', riverId: 'fujiang', controlLevel: 'NATIONAL', boundaryType: 'NONE',
    upstreamCityCode: null, downstreamCityCode: null, targetClass: 'II', owner: '510900', sharedWith: [],
    countyCode: '510903', town: '老池镇', location: p(105.6212, 30.4426), mnTag: 'MJ',
  },
  {
    id: 'qijiang-qijiangkou', name: '郪江口', riverId: 'qijiang', controlLevel: 'PROVINCIAL', boundaryType: 'COUNTY',
    upstreamCityCode: null, downstreamCityCode: null, targetClass: 'III', owner: '510900', sharedWith: [],
    countyCode: '510981', town: '柳树镇', location: p(105.3766, 30.7791), mnTag: 'QK', atRisk: 'w21011',
  },
  {
    id: 'daqingliuhe-qingliu', name: '清流', riverId: 'daqingliuhe', controlLevel: 'PROVINCIAL', boundaryType: 'PROVINCIAL',
    upstreamCityCode: '500153', downstreamCityCode: null, targetClass: 'III', owner: '500153', sharedWith: [],
    countyCode: '500153', town: '清流镇', location: p(105.4631, 29.4452), mnTag: 'QL', atRisk: 'w21011',
  },
  {
    id: 'laixihe-gaodong', name: '高洞电站', riverId: 'laixihe', controlLevel: 'NATIONAL', boundaryType: 'PROVINCIAL',
    upstreamCityCode: '500153', downstreamCityCode: '510500', targetClass: 'III', owner: '510500', sharedWith: ['500153'],
    countyCode: '510521', town: '喻寺镇', location: p(105.4688, 29.2241), mnTag: 'GD',
  },
  {
    id: 'tuojiang-damozi', name: '大磨子', riverId: 'tuojiang', controlLevel: 'NATIONAL', boundaryType: 'NONE',
    upstreamCityCode: null, downstreamCityCode: null, targetClass: 'III', owner: '510500', sharedWith: [],
    countyCode: '510504', town: '胡市镇', location: p(105.4172, 28.9386), mnTag: 'DM',
  },
  {
    id: 'chishuihe-lianyuxi', name: '鲢鱼溪', riverId: 'chishuihe', controlLevel: 'NATIONAL', boundaryType: 'PROVINCIAL',
    upstreamCityCode: null, downstreamCityCode: '510500', targetClass: 'II', owner: '510500', sharedWith: [],
    countyCode: '510522', town: '合江镇', location: p(105.8352, 28.7706), mnTag: 'LY',
  },
  {
    id: 'changjiang-shaxikou', name: '沙溪口', riverId: 'changjiang', controlLevel: 'NATIONAL', boundaryType: 'MUNICIPAL',
    upstreamCityCode: null, downstreamCityCode: '510500', targetClass: 'II', owner: '510500', sharedWith: [],
    countyCode: '510503', town: '大渡口镇', location: p(105.2652, 28.7813), mnTag: 'SX',
  },
  {
    id: 'changjiang-zhutuo', name: '朱沱', riverId: 'changjiang', controlLevel: 'NATIONAL', boundaryType: 'PROVINCIAL',
    upstreamCityCode: '510500', downstreamCityCode: '500000', targetClass: 'II', owner: '500000', sharedWith: ['510500'],
    countyCode: '500118', town: '朱沱镇', location: p(105.8503, 29.0151), mnTag: 'ZT',
  },
  {
    id: 'jialingjiang-lize', name: '利泽', riverId: 'jialingjiang', controlLevel: 'NATIONAL', boundaryType: 'PROVINCIAL',
    upstreamCityCode: '511600', downstreamCityCode: '500000', targetClass: 'II', owner: '500000', sharedWith: ['511600'],
    countyCode: '500117', town: '利泽镇', location: p(106.3387, 30.1524), mnTag: 'LZ',
  },
  {
    id: 'qujiang-matou', name: '码头', riverId: 'qujiang', controlLevel: 'NATIONAL', boundaryType: 'PROVINCIAL',
    upstreamCityCode: '511600', downstreamCityCode: '500000', targetClass: 'III', owner: '500000', sharedWith: ['511600'],
    countyCode: '500117', town: '钱塘镇', location: p(106.4493, 30.1812), mnTag: 'MT',
  },
  {
    id: 'changjiang-cuntan', name: '寸滩', riverId: 'changjiang', controlLevel: 'NATIONAL', boundaryType: 'NONE',
    upstreamCityCode: null, downstreamCityCode: null, targetClass: 'II', owner: '500000', sharedWith: [],
    countyCode: '500112', town: '两路街道', location: p(106.6012, 29.6127), mnTag: 'CT',
  },
  {
    id: 'qujiang-xiaoxi', name: '肖溪', riverId: 'qujiang', controlLevel: 'PROVINCIAL', boundaryType: 'NONE',
    upstreamCityCode: null, downstreamCityCode: null, targetClass: 'III', owner: '511600', sharedWith: [],
    countyCode: '511602', town: '肖溪镇', location: p(106.5861, 30.3735), mnTag: 'XX',
  },
  {
    id: 'jialingjiang-liemian', name: '烈面', riverId: 'jialingjiang', controlLevel: 'PROVINCIAL', boundaryType: 'NONE',
    upstreamCityCode: null, downstreamCityCode: null, targetClass: 'II', owner: '511600', sharedWith: [],
    countyCode: '511622', town: '烈面镇', location: p(106.3602, 30.2283), mnTag: 'LM',
  },
  {
    id: 'renshihe-jiepai', name: '界牌', riverId: 'renshihe', controlLevel: 'PROVINCIAL', boundaryType: 'PROVINCIAL',
    upstreamCityCode: '511600', downstreamCityCode: '500000', targetClass: 'III', owner: '511600', sharedWith: ['500000'],
    countyCode: '511623', town: '任市镇', location: p(107.0481, 30.1537), mnTag: 'JP', atRisk: 'w21003',
  },
];
