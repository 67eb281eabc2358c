/**
 * Environmental-incident grading thresholds of the 国家突发环境事件应急预案 (国办函〔2014〕119号,
 * 附件1 突发环境事件分级标准; docs/incidents-and-resources.md). Numeric thresholds are inclusive lower bounds (附件1: "以上含本数，
 * 以下不含本数"): ≥30 deaths is I, 10–29 II, 3–9 III. Level IV is everything below III. Warning colours are those of local
 * plans (IV 蓝, III 黄, II 橙, I 红). The 2006 plan's thresholds differ — do not mix them.
 */
import type { StandardRef } from './StandardRef.ts';

export type IncidentLevel = 'I' | 'II' | 'III' | 'IV';

export interface IncidentLevelInfo {
  readonly level: IncidentLevel;
  readonly name: string;
  readonly nameEn: string;
  readonly color: string;
  readonly colorEn: string;
  /** Who leads the response (分级响应, as published on the Ningxia department's plan page). */
  readonly responseLead: string;
}

export type IncidentCountField =
  | 'deaths' | 'poisonedOrInjured' | 'evacuated' | 'directLossYuan'
  // 附件1 item 6 of levels I–III: 放射性同位素和射线装置失控导致的急性死亡 / 急性重度放射病、局部器官残疾.
  | 'radiationAcuteDeaths' | 'acuteSevereRadiationSickness';

export interface CountThreshold {
  readonly field: IncidentCountField;
  readonly level: IncidentLevel;
  readonly atLeast: number;
  readonly label: { readonly zh: string; readonly en: string };
  readonly verified: boolean;
}

/** A categorical trigger: `field` having `value` (or a boolean field being true) sets `level`. */
export interface CategoryTrigger {
  readonly field: string;
  readonly value: string | true;
  readonly level: IncidentLevel;
  readonly label: { readonly zh: string; readonly en: string };
  readonly verified: boolean;
}

export interface IncidentGradingTable {
  readonly ref: StandardRef;
  readonly levels: readonly IncidentLevelInfo[];
  readonly counts: readonly CountThreshold[];
  readonly triggers: readonly CategoryTrigger[];
}

const count = (field: IncidentCountField, level: IncidentLevel, atLeast: number, zh: string, en: string): CountThreshold =>
  ({ field, level, atLeast, label: { zh, en }, verified: true });
const trigger = (field: string, value: string | true, level: IncidentLevel, zh: string, en: string, verified = true): CategoryTrigger =>
  ({ field, value, level, label: { zh, en }, verified });

export const INCIDENT_GRADING_2014: IncidentGradingTable = {
  ref: { standard: '国家突发环境事件应急预案', version: '2014' },
  levels: [
    { level: 'I', name: '特别重大', nameEn: 'especially major', color: '红', colorEn: 'red', responseLead: '事发地省级人民政府' },
    { level: 'II', name: '重大', nameEn: 'major', color: '橙', colorEn: 'orange', responseLead: '事发地省级人民政府' },
    { level: 'III', name: '较大', nameEn: 'large', color: '黄', colorEn: 'yellow', responseLead: '事发地设区的市级人民政府' },
    { level: 'IV', name: '一般', nameEn: 'ordinary', color: '蓝', colorEn: 'blue', responseLead: '事发地县级人民政府' },
  ],
  counts: [
    count('deaths', 'I', 30, '死亡30人以上', '30 or more deaths'),
    count('deaths', 'II', 10, '死亡10人以上30人以下', '10–29 deaths'),
    count('deaths', 'III', 3, '死亡3人以上10人以下', '3–9 deaths'),
    count('poisonedOrInjured', 'I', 100, '中毒或重伤100人以上', '100 or more poisoned or seriously injured'),
    count('poisonedOrInjured', 'II', 50, '中毒或重伤50人以上100人以下', '50–99 poisoned or seriously injured'),
    count('poisonedOrInjured', 'III', 10, '中毒或重伤10人以上50人以下', '10–49 poisoned or seriously injured'),
    count('evacuated', 'I', 50_000, '疏散、转移人员5万人以上', '50,000 or more evacuated'),
    count('evacuated', 'II', 10_000, '疏散、转移人员1万人以上5万人以下', '10,000–49,999 evacuated'),
    count('evacuated', 'III', 5_000, '疏散、转移人员5000人以上1万人以下', '5,000–9,999 evacuated'),
    count('directLossYuan', 'I', 100_000_000, '直接经济损失1亿元以上', 'direct loss of 100 million yuan or more'),
    count('directLossYuan', 'II', 20_000_000, '直接经济损失2000万元以上1亿元以下', 'direct loss of 20–100 million yuan'),
    count('directLossYuan', 'III', 5_000_000, '直接经济损失500万元以上2000万元以下', 'direct loss of 5–20 million yuan'),
    // 附件1 I.6 "…失控导致3人以上急性死亡的"; II.6 "…导致3人以下急性死亡或者10人以上急性重度放射病、局部器官残疾的";
    // III.6 "…导致9人以下急性重度放射病、局部器官残疾的" ("以下不含本数": 1–2 deaths, 1–9 cases).
    count('radiationAcuteDeaths', 'I', 3, '放射性同位素和射线装置失控导致3人以上急性死亡',
      'radioisotopes or radiation devices out of control: 3 or more acute deaths'),
    count('radiationAcuteDeaths', 'II', 1, '放射性同位素和射线装置失控导致3人以下急性死亡',
      'radioisotopes or radiation devices out of control: 1–2 acute deaths'),
    count('acuteSevereRadiationSickness', 'II', 10, '放射性同位素和射线装置失控导致10人以上急性重度放射病、局部器官残疾',
      'radioisotopes or radiation devices out of control: 10 or more with acute severe radiation sickness or organ disability'),
    count('acuteSevereRadiationSickness', 'III', 1, '放射性同位素和射线装置失控导致9人以下急性重度放射病、局部器官残疾',
      'radioisotopes or radiation devices out of control: 1–9 with acute severe radiation sickness or organ disability'),
  ],
  triggers: [
    trigger('drinkingWaterCutoff', 'PREFECTURE_CITY', 'I', '设区的市级以上城市集中式饮用水水源地取水中断',
      'drinking-water intake of a prefecture-level or larger city cut off'),
    trigger('drinkingWaterCutoff', 'COUNTY', 'II', '县级城市集中式饮用水水源地取水中断', 'drinking-water intake of a county-level city cut off'),
    trigger('drinkingWaterCutoff', 'TOWNSHIP', 'III', '乡镇集中式饮用水水源地取水中断', 'drinking-water intake of a township cut off'),
    trigger('crossBorder', 'NATIONAL', 'I', '造成重大跨国境影响', 'major cross-national impact'),
    // Any cross-provincial impact is at least 重大 (附件1 II.7 "造成跨省级行政区域影响的突发环境事件").
    trigger('crossBorder', 'PROVINCIAL', 'II', '造成跨省级行政区域影响', 'impact across provincial boundaries'),
    trigger('crossBorder', 'PREFECTURE', 'III', '造成跨设区的市级行政区域影响', 'impact across prefecture boundaries'),
    trigger('crossBorder', 'COUNTY', 'IV', '造成跨县级行政区域纠纷', 'dispute across county boundaries', false),
    trigger('regionalEcologicalFunctionLost', true, 'I', '区域生态功能丧失', 'regional ecological function lost'),
    trigger('protectedSpeciesExtinct', true, 'I', '国家重点保护物种灭绝', 'a nationally protected species made extinct'),
    trigger('radioactiveSourceWideContamination', true, 'I', 'Ⅰ、Ⅱ类放射源丢失、被盗、失控并造成大范围严重辐射污染后果',
      'class I/II radioactive source lost with wide contamination'),
    trigger('ecologicalFunctionPartlyLost', true, 'II', '区域生态功能部分丧失', 'regional ecological function partly lost'),
    trigger('protectedSpeciesMassDeath', true, 'II', '国家重点保护野生动植物种群大批死亡', 'mass deaths of a protected species'),
    trigger('protectedSpeciesDamaged', true, 'III', '国家重点保护动植物物种受到破坏', 'a protected species damaged'),
    // 附件1 II.6 / III.6 / IV.5: 放射源丢失、被盗 by the source's class I–V (《放射源分类办法》).
    trigger('radioactiveSourceLost', 'I', 'II', 'Ⅰ类放射源丢失、被盗', 'class I radioactive source lost or stolen'),
    trigger('radioactiveSourceLost', 'II', 'II', 'Ⅱ类放射源丢失、被盗', 'class II radioactive source lost or stolen'),
    trigger('radioactiveSourceLost', 'III', 'III', 'Ⅲ类放射源丢失、被盗', 'class III radioactive source lost or stolen'),
    trigger('radioactiveSourceLost', 'IV', 'IV', 'Ⅳ类放射源丢失、被盗', 'class IV radioactive source lost or stolen'),
    trigger('radioactiveSourceLost', 'V', 'IV', 'Ⅴ类放射源丢失、被盗', 'class V radioactive source lost or stolen'),
    // 附件1 I.6 / II.6 / III.6: 放射性物质泄漏，造成大范围 / 较大范围 / 小范围辐射污染后果.
    trigger('radioactiveLeak', 'WIDE', 'I', '放射性物质泄漏，造成大范围辐射污染后果', 'radioactive leak with wide contamination'),
    trigger('radioactiveLeak', 'LARGER', 'II', '放射性物质泄漏，造成较大范围辐射污染后果', 'radioactive leak with larger-area contamination'),
    trigger('radioactiveLeak', 'SMALL', 'III', '放射性物质泄漏，造成小范围辐射污染后果', 'radioactive leak with small-area contamination'),
  ],
};
