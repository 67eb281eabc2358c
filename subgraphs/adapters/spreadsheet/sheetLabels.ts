/**
 * The words the bureau's staff use in their sheets for the contract's enums (下拉列表 values).
 * A word not in a table makes the row a reported problem, never a guess.
 */
import { z } from 'zod';
import type {
  CaseProcedure, CaseSource, CaseStatus, DepotRecord, EiaDocumentType, EiaStatus, EvidenceType, JointMode, PenaltyType,
  ProjectCategory, ProjectStatus, ReadingInterval, ResourceCategory, ResourceKind, ResourceStatus, StationKind,
} from '../../kit/model.ts';

export interface LabelTable<T extends string> {
  /** The column's subject, for messages, e.g. '项目类别'. */
  readonly name: string;
  labelOf(value: T): string;
  /** Trims, validates and maps a label to its value. */
  readonly schema: z.ZodType<T, unknown>;
}

function labels<T extends string>(name: string, byLabel: Readonly<Record<string, T>>): LabelTable<T> {
  const toValue = new Map(Object.entries(byLabel));
  const toLabel = new Map([...toValue].map(([label, value]) => [value, label]));
  const known = [...toValue.keys()].join('、');
  return {
    name,
    labelOf(value) {
      const label = toLabel.get(value);
      if (label === undefined) throw new TypeError(`${name} has no label for ${value}`);
      return label;
    },
    schema: z.unknown().transform((cell, ctx) => {
      const value = typeof cell === 'string' ? toValue.get(cell.trim()) : undefined;
      if (value !== undefined) return value;
      ctx.addIssue({ code: 'custom', message: `unknown ${name} ${cell === null || cell === '' ? '(empty)' : String(cell)}; expected one of ${known}`, input: cell });
      return z.NEVER;
    }),
  };
}

export const PROJECT_CATEGORY = labels<ProjectCategory>('项目类别', {
  污水处理: 'WASTEWATER_TREATMENT', 河道整治: 'RIVER_REGULATION', 水电航运: 'HYDROPOWER_NAVIGATION', 生态修复: 'ECOLOGICAL_RESTORATION',
  大气污染治理: 'AIR_POLLUTION_CONTROL', 固体废物处置: 'SOLID_WASTE', 监测能力建设: 'MONITORING_CAPACITY',
});
export const PROJECT_STATUS = labels<ProjectStatus>('项目状态', {
  规划: 'PLANNED', 已审批: 'APPROVED', 在建: 'UNDER_CONSTRUCTION', 已完工: 'COMPLETED', 暂停: 'SUSPENDED',
});
export const EIA_DOCUMENT = labels<EiaDocumentType>('环评文件类型', { 报告书: 'REPORT_BOOK', 报告表: 'REPORT_FORM', 登记表: 'REGISTRATION_FORM' });
export const EIA_STATUS = labels<EiaStatus>('环评状态', {
  未开展: 'NOT_STARTED', 编制中: 'PREPARING', 已报送: 'SUBMITTED', 公示中: 'PUBLIC_COMMENT', 已批复: 'APPROVED', 不予批复: 'REJECTED',
});
export const STATION_KIND = labels<StationKind>('站点类型', {
  水质自动监测站: 'WATER_QUALITY', 空气自动监测站: 'AIR_QUALITY', 污染源在线监控点: 'POLLUTION_SOURCE',
});
export const INTERVAL = labels<ReadingInterval>('数据类型', {
  实时数据: 'REALTIME', 分钟数据: 'MINUTE', 小时数据: 'HOURLY', 四小时数据: 'FOUR_HOURLY', 日数据: 'DAILY',
});
export const OPERATING = labels<'RUNNING' | 'STOPPED'>('运行状态', { 运行: 'RUNNING', 停运: 'STOPPED' });
export const CASE_STATUS = labels<CaseStatus>('案件状态', {
  立案: 'REGISTERED', 调查取证: 'INVESTIGATING', 案件审查: 'REVIEWING', 告知: 'NOTIFIED', 法制审核: 'LEGAL_REVIEW', 处罚决定: 'DECIDED',
  执行: 'EXECUTING', 结案: 'CLOSED', 不予立案: 'NOT_REGISTERED', 移送: 'TRANSFERRED', 撤销: 'REVOKED',
});
export const CASE_SOURCE = labels<CaseSource>('案件来源', {
  现场检查: 'ONSITE_INSPECTION', 在线监控: 'ONLINE_MONITORING', 信访投诉: 'COMPLAINT', 移送: 'TRANSFER', 联合执法: 'JOINT_ENFORCEMENT',
});
export const PROCEDURE = labels<CaseProcedure>('程序类型', { 一般程序: 'GENERAL', 简易程序: 'SIMPLIFIED' });
export const PENALTY = labels<PenaltyType>('处罚种类', {
  警告: 'WARNING', 罚款: 'FINE', 没收违法所得: 'CONFISCATION', 责令停产整治: 'SUSPEND_PRODUCTION', 责令限制生产: 'LIMIT_PRODUCTION',
  责令停业关闭: 'CLOSURE', 按日连续处罚: 'DAILY_PENALTY', 查封扣押: 'SEIZURE',
});
export const EVIDENCE = labels<EvidenceType>('证据类型', {
  现场检查笔录: 'INSPECTION_RECORD', 调查询问笔录: 'INTERVIEW_RECORD', 监测报告: 'MONITORING_REPORT', 自动监测数据: 'AUTOMATIC_MONITORING_DATA',
  电子数据: 'ELECTRONIC_DATA', 勘验笔录: 'EXAMINATION_RECORD', 视听资料: 'AUDIO_VISUAL',
});
export const JOINT_MODE = labels<JointMode>('联合方式', { 联合: 'JOINT', 交叉: 'CROSS', 协助: 'ASSISTANCE' });
export const RESOURCE_CATEGORY = labels<ResourceCategory>('物资类别', {
  污染源切断: 'SOURCE_CUTOFF', 污染物控制: 'CONTAINMENT', 污染物收集: 'COLLECTION', 污染物降解: 'TREATMENT', 安全防护: 'PERSONAL_PROTECTION',
  应急通信和指挥: 'COMMUNICATION_COMMAND', 环境监测: 'MONITORING',
});
export const RESOURCE_KIND = labels<ResourceKind>('资源类型', { 物资: 'MATERIAL', 装备: 'EQUIPMENT', 队伍: 'TEAM', 专家: 'EXPERT' });
export const RESOURCE_STATUS = labels<ResourceStatus>('状态', { 可用: 'AVAILABLE', 使用中: 'IN_USE', 维护中: 'MAINTENANCE', 已过期: 'EXPIRED' });
export const DEPOT_OWNER = labels<DepotRecord['ownerType']>('储备库性质', { 政府储备: 'GOVERNMENT', 企业储备: 'ENTERPRISE' });
export const DEPOT_STORAGE = labels<DepotRecord['storageMode']>('储备方式', { 自储: 'SELF', 代储: 'ON_BEHALF', 协议储备: 'CONTRACT' });
