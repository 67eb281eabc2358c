/**
 * Name patterns of the joint projects per category, the GB/T 4754 industry code used in the
 * national investment project code (全国投资项目在线审批监管平台 项目代码: 年份-区划-行业-类型-流水号),
 * and the anchor projects placed first in a bureau's list (双江航电枢纽, from published news).
 */
import type { CityCode, EiaDocumentType, ProjectCategory, ProjectStatus } from '../../subgraphs/kit/model.ts';

export interface ProjectTemplate {
  readonly category: ProjectCategory;
  /** {river} {place} {park} are filled in. */
  readonly names: readonly string[];
  readonly industryCode: string;
  /** Investment range, 万元. */
  readonly investment: readonly [number, number];
  readonly eia: EiaDocumentType | null;
  readonly summary: string;
}

export const PROJECT_TEMPLATES: readonly ProjectTemplate[] = [
  {
    category: 'WASTEWATER_TREATMENT', industryCode: '46', investment: [800, 60000], eia: 'REPORT_FORM',
    names: ['{place}污水处理厂提标改造工程', '{place}场镇污水管网完善工程', '{river}流域（{place}段）农村生活污水治理工程', '{park}污水处理厂扩建工程', '{place}雨污分流改造工程'],
    summary: '新建及改造污水管网、提升污水处理能力，出水执行一级A标准，削减入河污染负荷。',
  },
  {
    category: 'RIVER_REGULATION', industryCode: '48', investment: [1500, 90000], eia: 'REPORT_FORM',
    names: ['{river}{place}段综合治理工程', '{river}{place}段防洪护岸工程', '{river}干流堤防加固工程（{place}段）', '{river}支流清淤疏浚工程'],
    summary: '实施河道清淤、堤防加固与岸坡整治，提高防洪标准，改善河道行洪条件。',
  },
  {
    category: 'HYDROPOWER_NAVIGATION', industryCode: '48', investment: [20000, 300000], eia: 'REPORT_BOOK',
    names: ['{river}{place}航道整治工程', '{river}{place}航电枢纽工程', '{river}港口作业区码头工程'],
    summary: '提升航道等级、渠化航道并兼顾发电，配套鱼道及生态流量泄放设施。',
  },
  {
    category: 'ECOLOGICAL_RESTORATION', industryCode: '77', investment: [500, 50000], eia: 'REPORT_FORM',
    names: ['{river}流域（{place}段）水生态修复工程', '{place}湿地公园生态修复工程', '{river}岸线生态修复工程', '{place}废弃矿山生态修复工程', '{river}“清水绿岸”治理提升工程'],
    summary: '开展岸线复绿、湿地修复与水生生物栖息地恢复，构建沿河生态廊道。',
  },
  {
    category: 'AIR_POLLUTION_CONTROL', industryCode: '77', investment: [300, 30000], eia: 'REGISTRATION_FORM',
    names: ['{park}挥发性有机物综合治理项目', '{place}燃煤锅炉清洁能源替代工程', '{park}重点企业超低排放改造项目', '{place}建筑工地扬尘在线监控系统建设'],
    summary: '推进工业源VOCs与氮氧化物协同减排，开展川渝大气污染联防联控。',
  },
  {
    category: 'SOLID_WASTE', industryCode: '77', investment: [3000, 120000], eia: 'REPORT_BOOK',
    names: ['{place}生活垃圾焚烧发电项目', '{park}危险废物集中处置中心', '{place}一般工业固体废物填埋场', '{place}餐厨垃圾资源化利用项目', '{place}医疗废物集中处置扩能项目'],
    summary: '补齐固体废物和危险废物处置能力短板，推动川渝危废跨省转移“白名单”合作。',
  },
  {
    category: 'MONITORING_CAPACITY', industryCode: '74', investment: [100, 8000], eia: null,
    names: ['{river}跨界断面水质自动监测站建设项目', '{place}大气环境质量网格化监测项目', '{place}生态环境智慧监管平台建设', '{river}流域水质预警监控体系建设', '{place}污染源自动监控能力提升项目'],
    summary: '完善自动监测网络并与川渝生态环境数据共享平台联网，实现数据实时共享。',
  },
];

export interface AnchorProject {
  readonly cityCode: CityCode;
  readonly name: string;
  readonly category: ProjectCategory;
  readonly status: ProjectStatus;
  readonly partnerCityCodes: readonly CityCode[];
  readonly riverIds: readonly string[];
  readonly investmentWanYuan: number;
  readonly progressPercent: number;
  readonly plannedStart: string;
  readonly plannedCompletion: string;
  readonly description: string;
  readonly location: { readonly longitude: number; readonly latitude: number };
  readonly eia: { readonly documentType: EiaDocumentType; readonly submittedOn: string; readonly approvedOn: string };
}

/**
 * Real projects, with published facts where found; dates and investment of 双江 are approximate
 * (started in 2020, main works ~90 % by 2024-10: Chongqing government news, 2024-10).
 */
export const ANCHOR_PROJECTS: readonly AnchorProject[] = [
  {
    cityCode: '500152',
    name: '涪江双江航电枢纽工程',
    category: 'HYDROPOWER_NAVIGATION',
    status: 'UNDER_CONSTRUCTION',
    partnerCityCodes: ['510900'],
    riverIds: ['fujiang'],
    investmentWanYuan: 256000,
    progressPercent: 90,
    plannedStart: '2020-06-30',
    plannedCompletion: '2025-12-31',
    description:
      '位于潼南区双江镇涪江干流，装机容量48兆瓦，渠化航道约28公里，可通航1000吨级船舶（Ⅳ级航道），' +
      '多年平均发电量约1.885亿千瓦时；2020年开工，系成渝地区双城经济圈首批开工重大项目之一，截至2024年10月主体工程完成约90%。',
    location: { longitude: 105.7869, latitude: 30.1008 },
    eia: { documentType: 'REPORT_BOOK', submittedOn: '2019-09-16', approvedOn: '2020-03-27' },
  },
];
