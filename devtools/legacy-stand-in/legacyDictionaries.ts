/**
 * The legacy system's code tables (字典), as its own database holds them: each type has a Chinese
 * name and entries of code (dm) and label (mc). `value` is the simulator's own knowledge of which
 * contract value a code stands for, used only when it imports seeded records; the /dict endpoint
 * never sends it, so adapters must keep their own mapping, as they would against a real system.
 */
type Entry = readonly [dm: string, mc: string, value: string];

interface Dictionary {
  readonly mc: string;
  readonly entries: readonly Entry[];
}

export const LEGACY_DICTIONARIES = {
  xmlb: { mc: '项目类别', entries: [
    ['01', '污水处理', 'WASTEWATER_TREATMENT'], ['02', '河道整治', 'RIVER_REGULATION'],
    ['03', '水电航运', 'HYDROPOWER_NAVIGATION'], ['04', '生态修复', 'ECOLOGICAL_RESTORATION'],
    ['05', '大气污染治理', 'AIR_POLLUTION_CONTROL'], ['06', '固体废物处置', 'SOLID_WASTE'],
    ['07', '监测能力建设', 'MONITORING_CAPACITY'],
  ] },
  xmzt: { mc: '项目状态', entries: [
    ['01', '规划', 'PLANNED'], ['02', '已审批', 'APPROVED'], ['03', '在建', 'UNDER_CONSTRUCTION'],
    ['04', '已完工', 'COMPLETED'], ['09', '暂停', 'SUSPENDED'],
  ] },
  hpwjlx: { mc: '环评文件类型', entries: [
    ['1', '环境影响报告书', 'REPORT_BOOK'], ['2', '环境影响报告表', 'REPORT_FORM'], ['3', '环境影响登记表', 'REGISTRATION_FORM'],
  ] },
  hpzt: { mc: '环评状态', entries: [
    ['0', '未开展', 'NOT_STARTED'], ['1', '编制中', 'PREPARING'], ['2', '已报送', 'SUBMITTED'],
    ['3', '公示中', 'PUBLIC_COMMENT'], ['4', '已批复', 'APPROVED'], ['5', '不予批复', 'REJECTED'],
  ] },
  zdlx: { mc: '站点类型', entries: [
    ['1', '水质自动监测站', 'WATER_QUALITY'], ['2', '空气自动监测站', 'AIR_QUALITY'], ['3', '污染源在线监控点', 'POLLUTION_SOURCE'],
  ] },
  sjlx: { mc: '数据类型', entries: [
    ['1', '实时数据', 'REALTIME'], ['2', '分钟数据', 'MINUTE'], ['3', '小时数据', 'HOURLY'],
    ['4', '四小时数据', 'FOUR_HOURLY'], ['5', '日数据', 'DAILY'],
  ] },
  ajzt: { mc: '案件状态', entries: [
    ['01', '立案', 'REGISTERED'], ['02', '调查取证', 'INVESTIGATING'], ['03', '案件审查', 'REVIEWING'],
    ['04', '告知', 'NOTIFIED'], ['05', '法制审核', 'LEGAL_REVIEW'], ['06', '处罚决定', 'DECIDED'],
    ['07', '执行', 'EXECUTING'], ['08', '结案', 'CLOSED'], ['11', '不予立案', 'NOT_REGISTERED'],
    ['12', '移送', 'TRANSFERRED'], ['13', '撤销', 'REVOKED'],
  ] },
  ajly: { mc: '案件来源', entries: [
    ['1', '现场检查', 'ONSITE_INSPECTION'], ['2', '在线监控', 'ONLINE_MONITORING'], ['3', '信访投诉', 'COMPLAINT'],
    ['4', '移送', 'TRANSFER'], ['5', '联合执法', 'JOINT_ENFORCEMENT'],
  ] },
  cfzl: { mc: '处罚种类', entries: [
    ['01', '警告', 'WARNING'], ['02', '罚款', 'FINE'], ['03', '没收违法所得、没收非法财物', 'CONFISCATION'],
    ['04', '责令停产整治', 'SUSPEND_PRODUCTION'], ['05', '责令限制生产', 'LIMIT_PRODUCTION'],
    ['06', '责令停业、关闭', 'CLOSURE'], ['07', '按日连续处罚', 'DAILY_PENALTY'], ['08', '查封、扣押', 'SEIZURE'],
  ] },
  cflx: { mc: '程序类型', entries: [['1', '一般程序', 'GENERAL'], ['2', '简易程序', 'SIMPLIFIED']] },
  zjlx: { mc: '证据类型', entries: [
    ['01', '现场检查（勘察）笔录', 'INSPECTION_RECORD'], ['02', '调查询问笔录', 'INTERVIEW_RECORD'],
    ['03', '监测报告', 'MONITORING_REPORT'], ['04', '自动监测数据', 'AUTOMATIC_MONITORING_DATA'],
    ['05', '电子数据', 'ELECTRONIC_DATA'], ['06', '勘验笔录', 'EXAMINATION_RECORD'], ['07', '视听资料', 'AUDIO_VISUAL'],
  ] },
  lhfs: { mc: '联合方式', entries: [['1', '联合执法', 'JOINT'], ['2', '交叉执法', 'CROSS'], ['3', '协助执法', 'ASSISTANCE']] },
  wzlb: { mc: '物资类别', entries: [
    ['01', '污染源切断', 'SOURCE_CUTOFF'], ['02', '污染物控制', 'CONTAINMENT'], ['03', '污染物收集', 'COLLECTION'],
    ['04', '污染物降解', 'TREATMENT'], ['05', '安全防护', 'PERSONAL_PROTECTION'], ['06', '应急通信和指挥', 'COMMUNICATION_COMMAND'],
    ['07', '环境监测', 'MONITORING'],
  ] },
  zylx: { mc: '资源类型', entries: [['1', '物资', 'MATERIAL'], ['2', '装备', 'EQUIPMENT'], ['3', '队伍', 'TEAM'], ['4', '专家', 'EXPERT']] },
  wzzt: { mc: '物资状态', entries: [['1', '可用', 'AVAILABLE'], ['2', '使用中', 'IN_USE'], ['3', '维护中', 'MAINTENANCE'], ['4', '已过期', 'EXPIRED']] },
  cklx: { mc: '储备库性质', entries: [['1', '政府储备', 'GOVERNMENT'], ['2', '企业储备', 'ENTERPRISE']] },
  ccfs: { mc: '储备方式', entries: [['1', '自储', 'SELF'], ['2', '代储', 'ON_BEHALF'], ['3', '协议储备', 'CONTRACT']] },
} as const satisfies Record<string, Dictionary>;

export type DictionaryType = keyof typeof LEGACY_DICTIONARIES;

/** The code of a contract value in one table; a value the table lacks is a bug in the simulator. */
export function legacyCode(type: DictionaryType, value: string): string {
  const entry = (LEGACY_DICTIONARIES[type].entries as readonly Entry[]).find((e) => e[2] === value);
  if (!entry) throw new RangeError(`dictionary ${type} has no code for ${value}`);
  return entry[0];
}
