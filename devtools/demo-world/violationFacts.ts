/**
 * The 违法事实 paragraph of a case: how the violation came to light (source) and what was found, with
 * measured values stated against the limit of the standard that applies to the enterprise's industry.
 */
import type { CaseSource, EnterpriseRecord, EpochMs, StationRecord } from '../../subgraphs/kit/model.ts';
import type { Rng } from './createRng.ts';
import type { ViolationTemplate } from './caseTemplates.ts';
import { chineseDate } from './cstTime.ts';
import { GAS_STANDARDS, WATER_STANDARDS, industryByName } from './industryData.ts';

const FACTOR_NAMES: Readonly<Record<string, string>> = {
  w01018: '化学需氧量', w21003: '氨氮', w21011: '总磷', a21026: '二氧化硫', a21002: '氮氧化物', a34013: '颗粒物',
};
const TRANSFER_ORIGINS = ['区县河长制办公室', '公安机关', '市场监督管理部门', '上级生态环境部门', '乡镇人民政府'];
const CEMS_FAULTS = ['采样管路脱落', '数据长时间呈恒值', '未按规定进行校准', '采样泵故障未及时维修', '数采仪与监控平台通讯中断超过24小时'];
const MATERIALS = ['煤炭', '石英砂', '石灰石', '粉煤灰', '砂石骨料'];
const HAZARDOUS = ['废机油', '废活性炭', '废包装桶', '含油抹布', '废催化剂'];

export interface FactsContext {
  readonly template: ViolationTemplate;
  readonly enterprise: EnterpriseRecord;
  readonly source: CaseSource;
  readonly discoveredAt: EpochMs;
  readonly station: StationRecord | null;
  readonly riverName: string | null;
  readonly jointActionName: string | null;
  readonly jointPartnerNames: readonly string[];
  readonly agencyShortName: string;
  /** Days of 按日连续处罚, when applied. */
  readonly dailyPenaltyDays: number | null;
}

function multiple(rng: Rng): number {
  return Math.round(rng.float(0.05, 3) * 100) / 100;
}

function exceedance(rng: Rng, limits: Readonly<Record<string, number>>, unit: string, standardName: string): string {
  const code = rng.pick(Object.keys(limits));
  const limit = limits[code] ?? 100;
  const m = multiple(rng);
  const value = Math.round(limit * (1 + m) * 100) / 100;
  return `${FACTOR_NAMES[code] ?? code}浓度为${value}${unit}，超过${standardName}限值（${limit}${unit}）${m}倍`;
}

export function violationFacts(rng: Rng, c: FactsContext): string {
  const party = c.enterprise.name;
  const date = chineseDate(c.discoveredAt);
  const industry = industryByName(c.enterprise.industry);
  const outlet = c.station?.name.replace(party, '') ?? (c.template.medium === 'GAS' ? '废气排放口' : '废水总排口');
  const intro = ((): string => {
    switch (c.source) {
      case 'ONLINE_MONITORING':
        return `${date}，我局通过污染源自动监控系统发现${party}${outlet}（MN：${c.station?.code ?? '—'}）数据异常，经调查核实，`;
      case 'COMPLAINT':
        return `${date}，我局接群众举报后对${party}开展现场调查，发现`;
      case 'TRANSFER':
        return `${date}，我局收到${rng.pick(TRANSFER_ORIGINS)}移送的案件线索，经对${party}调查核实，`;
      case 'JOINT_ENFORCEMENT':
        return `${date}，在${c.jointActionName ?? '川渝联合执法行动'}中，${[c.agencyShortName, ...c.jointPartnerNames].join('、')}执法人员对${party}开展联合检查，发现`;
      case 'ONSITE_INSPECTION':
        return `${date}，我局执法人员对${party}进行现场检查，发现`;
    }
  })();

  const water = WATER_STANDARDS[industry.waterStandard];
  const gas = GAS_STANDARDS[industry.gasStandard];
  const body = ((): string => {
    switch (c.template.key) {
      case 'water-exceed': return `该公司${outlet}${exceedance(rng, water.limits, 'mg/L', water.name)}。`;
      case 'air-exceed': return `该公司${outlet}${exceedance(rng, gas.limits, 'mg/m³', gas.name)}。`;
      case 'water-cems': case 'air-cems': return `该公司${outlet}自动监测设备${rng.pick(CEMS_FAULTS)}，未保证自动监测设备正常运行。`;
      case 'water-self-monitoring': return '该公司未按照排污许可证要求对所排放的水污染物开展自行监测，且未保存原始监测记录。';
      case 'water-evade': return `该公司${rng.pick(['私设暗管将未经处理的生产废水直接排入', '将部分生产废水经雨水管网排入', '在废水处理设施未正常运行的情况下将废水排入'])}${c.riverName ?? '附近水体'}，逃避监管。`;
      case 'air-evade': return `该公司人为修改自动监测设备参数，篡改${rng.pick(['二氧化硫', '氮氧化物', '颗粒物'])}监测数据，逃避监管排放大气污染物。`;
      case 'no-permit': return '该公司属于实行排污许可管理的单位，未取得排污许可证即投入生产并排放污染物。';
      case 'eia-unapproved': return `该公司${rng.pick(['扩建生产线', '技改项目', '新建仓储车间', '新增生产设备'])}建设项目环境影响报告表未经审批即开工建设，项目总投资约${rng.int(200, 6000)}万元。`;
      case 'hazardous-label': return `该公司危险废物贮存间未按照规定设置危险废物识别标志，${rng.pick(HAZARDOUS)}等危险废物与一般固体废物混放。`;
      case 'vocs': return `该公司${rng.pick(['喷涂', '调漆', '烘干', '印刷'])}工序未在密闭空间或设备中进行，含挥发性有机物废气无组织排放。`;
      case 'dust': return `该公司露天堆放的${rng.pick(MATERIALS)}约${rng.int(50, 2000)}吨未采取覆盖等有效措施防治扬尘污染。`;
      case 'noise': return '该公司夜间生产设备运行未采取有效减振降噪措施，造成周边居民区噪声污染。';
      default: return `该公司存在${c.template.cause}的违法行为。`;
    }
  })();
  const daily = c.dailyPenaltyDays === null ? ''
    : `我局责令其立即改正，复查时发现其仍继续违法排放，依法实施按日连续处罚，计罚${c.dailyPenaltyDays}日。`;
  return intro + body + daily;
}
