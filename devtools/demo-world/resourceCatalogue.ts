/**
 * Typical emergency materials and equipment per functional category of 《环境应急资源调查指南（试行）》
 * (生态环境部 2019; docs/incidents-and-resources.md), with units, specifications, usual stock and, for consumables,
 * shelf life; plus the specialities of emergency experts and the kinds of response team.
 */
import type { GeoPoint, ResourceCategory, ResourceKind } from '../../subgraphs/kit/model.ts';

export interface CatalogueItem {
  readonly name: string;
  readonly category: ResourceCategory;
  readonly kind: Extract<ResourceKind, 'MATERIAL' | 'EQUIPMENT'>;
  readonly unit: string;
  readonly specifications: readonly string[];
  readonly quantity: readonly [number, number];
  /** Decimals of the quantity (tonnes are counted to 0.1). */
  readonly decimals?: number;
  /** Shelf life of a consumable, months; none for equipment. */
  readonly shelfLifeMonths?: number;
}

const item = (
  name: string, category: ResourceCategory, kind: CatalogueItem['kind'], unit: string, specifications: readonly string[],
  quantity: readonly [number, number], shelfLifeMonths?: number, decimals?: number,
): CatalogueItem => ({ name, category, kind, unit, specifications, quantity, ...(shelfLifeMonths ? { shelfLifeMonths } : {}), ...(decimals ? { decimals } : {}) });

export const RESOURCE_CATALOGUE: readonly CatalogueItem[] = [
  item('沙袋', 'SOURCE_CUTOFF', 'MATERIAL', '个', ['编织袋 50cm×80cm', '吸水膨胀袋'], [300, 5000], 36),
  item('堵漏工具包', 'SOURCE_CUTOFF', 'EQUIPMENT', '套', ['木楔式堵漏工具', '磁压式堵漏工具', '注入式堵漏工具'], [1, 10]),
  item('气动堵漏袋', 'SOURCE_CUTOFF', 'EQUIPMENT', '套', ['管道封堵气囊 DN100–DN600', '外封式堵漏袋'], [1, 8]),
  item('防渗膜', 'SOURCE_CUTOFF', 'MATERIAL', '平方米', ['HDPE 1.5mm', 'HDPE 2.0mm'], [500, 10000], 60),
  item('围油栏', 'CONTAINMENT', 'MATERIAL', '米', ['WGJ-900 固体浮子式', 'QW-1000 充气式', 'PVC-600 橡胶围油栏'], [200, 3000], 96),
  item('吸油拦截索', 'CONTAINMENT', 'MATERIAL', '米', ['聚丙烯 Φ200mm', '聚丙烯 Φ130mm'], [100, 2000], 60),
  item('活动拦截坝', 'CONTAINMENT', 'EQUIPMENT', '套', ['钢板桩 9m', '充水式围堰 1.5m'], [1, 6]),
  item('吸油毡', 'COLLECTION', 'MATERIAL', '吨', ['PP-2 聚丙烯', 'PP-1 聚丙烯'], [0.5, 10], 60, 1),
  item('收油机', 'COLLECTION', 'EQUIPMENT', '台', ['ZSY-20 转盘式', 'DXS-10 堰式', 'RBS-30 刷式'], [1, 6]),
  item('潜水泵', 'COLLECTION', 'EQUIPMENT', '台', ['WQ50-15 50m³/h', 'WQ100-20 100m³/h', '防爆型 BQS'], [2, 20]),
  item('储油囊', 'COLLECTION', 'EQUIPMENT', '个', ['10m³ 浮动式', '5m³ 陆用式'], [1, 10]),
  item('吸污车', 'COLLECTION', 'EQUIPMENT', '台', ['8m³ 真空吸污车', '12m³ 罐式吸污车'], [1, 3]),
  item('活性炭', 'TREATMENT', 'MATERIAL', '吨', ['粉末活性炭 200目', '颗粒活性炭 8×30目'], [2, 100], 36, 1),
  item('生石灰', 'TREATMENT', 'MATERIAL', '吨', ['CaO≥85%', 'CaO≥90% 块状'], [5, 200], 12, 1),
  item('氢氧化钠', 'TREATMENT', 'MATERIAL', '吨', ['片碱 99%'], [1, 30], 24, 1),
  item('聚合氯化铝（PAC）', 'TREATMENT', 'MATERIAL', '吨', ['Al₂O₃≥28% 粉状'], [1, 50], 24, 1),
  item('聚丙烯酰胺（PAM）', 'TREATMENT', 'MATERIAL', '吨', ['阴离子 1200万分子量', '阳离子 1000万分子量'], [0.5, 10], 24, 1),
  item('硫酸亚铁', 'TREATMENT', 'MATERIAL', '吨', ['七水硫酸亚铁 ≥90%'], [1, 30], 24, 1),
  item('防护服', 'PERSONAL_PROTECTION', 'MATERIAL', '套', ['一级化学防护服（气密型）', '二级化学防护服', '三级防护服'], [10, 200], 60),
  item('防毒面具', 'PERSONAL_PROTECTION', 'EQUIPMENT', '套', ['全面罩过滤式', '半面罩过滤式'], [10, 120]),
  item('正压式空气呼吸器', 'PERSONAL_PROTECTION', 'EQUIPMENT', '台', ['RHZKF6.8/30', 'RHZKF9/30'], [2, 30]),
  item('防化手套', 'PERSONAL_PROTECTION', 'MATERIAL', '副', ['丁腈 耐酸碱'], [20, 500], 36),
  item('救生衣', 'PERSONAL_PROTECTION', 'MATERIAL', '件', ['船用 150N'], [10, 100], 60),
  item('应急指挥车', 'COMMUNICATION_COMMAND', 'EQUIPMENT', '台', ['卫星通信指挥车', '越野型移动指挥车'], [1, 2]),
  item('对讲机', 'COMMUNICATION_COMMAND', 'EQUIPMENT', '台', ['数字防爆对讲机', 'DMR 手持对讲机'], [10, 80]),
  item('卫星电话', 'COMMUNICATION_COMMAND', 'EQUIPMENT', '部', ['天通一号手持终端'], [2, 15]),
  item('无人机', 'COMMUNICATION_COMMAND', 'EQUIPMENT', '架', ['多旋翼 带热成像', '多旋翼 带多光谱相机', '固定翼 长航时'], [1, 8]),
  item('冲锋舟', 'COMMUNICATION_COMMAND', 'EQUIPMENT', '艘', ['5.2m 玻璃钢 40HP', '4.7m 橡皮艇 30HP'], [1, 6]),
  item('便携式照明灯组', 'COMMUNICATION_COMMAND', 'EQUIPMENT', '套', ['全方位自动泛光工作灯'], [2, 12]),
  item('应急监测车', 'MONITORING', 'EQUIPMENT', '台', ['水质应急监测车', '大气应急监测车', '水气两用应急监测车'], [1, 3]),
  item('便携式多参数水质分析仪', 'MONITORING', 'EQUIPMENT', '台', ['pH/DO/电导率/浊度/氨氮', '重金属快速检测'], [1, 10]),
  item('便携式气相色谱-质谱联用仪', 'MONITORING', 'EQUIPMENT', '台', ['GC-MS 车载式'], [1, 2]),
  item('便携式VOCs检测仪', 'MONITORING', 'EQUIPMENT', '台', ['PID 检测器 0–10000ppm'], [1, 10]),
  item('水质快速检测试剂盒', 'MONITORING', 'MATERIAL', '盒', ['氨氮/总磷/COD/氰化物/六价铬'], [10, 200], 18),
  item('无人船采样系统', 'MONITORING', 'EQUIPMENT', '艘', ['自动采样无人船 4×1L'], [1, 2]),
];

export const EXPERT_SPECIALITIES: ReadonlyArray<readonly [string, ResourceCategory]> = [
  ['水污染控制工程（跨界河流突发水污染处置）', 'TREATMENT'],
  ['环境监测（应急监测方案制定）', 'MONITORING'],
  ['危险化学品安全与泄漏处置', 'SOURCE_CUTOFF'],
  ['大气环境（有毒有害气体扩散模拟）', 'MONITORING'],
  ['环境化学（污染物降解与中和）', 'TREATMENT'],
  ['生态毒理与水生态损害评估', 'MONITORING'],
  ['溢油污染控制与回收', 'CONTAINMENT'],
  ['环境应急管理与指挥', 'COMMUNICATION_COMMAND'],
  ['尾矿库与重金属污染防控', 'CONTAINMENT'],
  ['环境法律与损害赔偿', 'COMMUNICATION_COMMAND'],
];

/** Employers of the experts on the bureaus' rosters, with approximate locations. */
export const EXPERT_EMPLOYERS: ReadonlyArray<{ readonly name: string; readonly province: 'CHONGQING' | 'SICHUAN'; readonly location: GeoPoint }> = [
  { name: '重庆大学环境与生态学院', province: 'CHONGQING', location: { longitude: 106.4672, latitude: 29.5652 } },
  { name: '西南大学资源环境学院', province: 'CHONGQING', location: { longitude: 106.4258, latitude: 29.8224 } },
  { name: '重庆市生态环境科学研究院', province: 'CHONGQING', location: { longitude: 106.5381, latitude: 29.5967 } },
  { name: '重庆市生态环境监测中心', province: 'CHONGQING', location: { longitude: 106.5219, latitude: 29.6012 } },
  { name: '长江上游生态环境研究中心', province: 'CHONGQING', location: { longitude: 106.4861, latitude: 29.6231 } },
  { name: '四川大学建筑与环境学院', province: 'SICHUAN', location: { longitude: 104.0836, latitude: 30.6307 } },
  { name: '西南交通大学地球科学与环境工程学院', province: 'SICHUAN', location: { longitude: 103.9846, latitude: 30.7637 } },
  { name: '西南石油大学化学化工学院', province: 'SICHUAN', location: { longitude: 104.1878, latitude: 30.8253 } },
  { name: '四川省生态环境科学研究院', province: 'SICHUAN', location: { longitude: 104.0452, latitude: 30.6291 } },
  { name: '四川省生态环境监测总站', province: 'SICHUAN', location: { longitude: 104.0611, latitude: 30.6392 } },
  { name: '四川轻化工大学', province: 'SICHUAN', location: { longitude: 104.7803, latitude: 29.3431 } },
];

export const TEAM_KINDS: ReadonlyArray<{ readonly name: string; readonly category: ResourceCategory; readonly specification: string }> = [
  { name: '{area}环境应急监测队', category: 'MONITORING', specification: '水质、大气应急监测与采样' },
  { name: '{area}突发环境事件应急处置队', category: 'CONTAINMENT', specification: '污染拦截、围控与现场处置' },
  { name: '{area}环境应急指挥保障组', category: 'COMMUNICATION_COMMAND', specification: '现场指挥、通信与信息报送' },
  { name: '{area}危险化学品应急救援队', category: 'SOURCE_CUTOFF', specification: '危化品泄漏堵漏与源头切断' },
  { name: '{enterprise}专职应急救援队', category: 'COLLECTION', specification: '厂区泄漏收集、转运与初期处置' },
  { name: '{river}跨界污染联防联控应急分队', category: 'CONTAINMENT', specification: '跨界河流污染拦截与联合处置' },
];
