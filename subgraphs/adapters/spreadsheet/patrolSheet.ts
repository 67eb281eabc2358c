/** 联合巡河.csv: one joint patrol per row, findings one per line of 问题描述. */
import { z } from 'zod';
import { encodeGlobalId } from '../../../schema/globalId.ts';
import type { CityCode, JointPatrolRecord } from '../../kit/model.ts';
import { code, count, lines, listOf, optionalTime, recordId, requiredText, requiredTime, textOrEmpty } from './cellFields.ts';
import { JOINT_MODE } from './sheetLabels.ts';
import type { SheetSpec, WrittenRow } from './SheetSpec.ts';
import { formatSheetTime } from './sheetTime.ts';

export const PATROL_SHEET = {
  file: '联合巡河.csv',
  sheet: null,
  schema: z.object({
    编号: recordId,
    巡河名称: requiredText,
    巡河方式: JOINT_MODE.schema,
    '河流（河流编码）': code,
    '合作城市（区划代码）': listOf('、'),
    开始时间: requiredTime,
    结束时间: optionalTime,
    巡查河段: textOrEmpty,
    参与人数: count,
    发现问题数: count,
    问题描述: lines,
  }),
} satisfies SheetSpec<z.ZodRawShape>;

export type PatrolRow = z.output<typeof PATROL_SHEET.schema>;

export function patrolToRow(p: JointPatrolRecord, localId: string): WrittenRow {
  return {
    编号: localId,
    巡河名称: p.name,
    巡河方式: JOINT_MODE.labelOf(p.mode),
    '河流（河流编码）': p.riverId,
    '合作城市（区划代码）': p.partnerCityCodes.join('、'),
    开始时间: formatSheetTime(p.startedAt),
    结束时间: p.endedAt === null ? null : formatSheetTime(p.endedAt),
    巡查河段: p.reach,
    参与人数: p.participants,
    发现问题数: p.problemsFound,
    问题描述: p.findings.join('\n'),
  };
}

export function rowToPatrol(r: PatrolRow, cityCode: CityCode): JointPatrolRecord {
  return {
    id: encodeGlobalId('JointPatrol', cityCode, r.编号),
    cityCode,
    name: r.巡河名称,
    mode: r.巡河方式,
    riverId: r['河流（河流编码）'],
    partnerCityCodes: r['合作城市（区划代码）'],
    startedAt: r.开始时间,
    endedAt: r.结束时间,
    reach: r.巡查河段,
    participants: r.参与人数,
    problemsFound: r.发现问题数,
    findings: r.问题描述,
  };
}
