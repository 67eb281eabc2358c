/** 建设项目.csv: one project per row. */
import { z } from 'zod';
import { encodeGlobalId } from '../../../schema/globalId.ts';
import type { CityCode, ProjectRecord } from '../../kit/model.ts';
import {
  listOf, optionalDate, optionalLatitude, optionalLongitude, optionalText, recordId, requiredNumber, requiredText,
  requiredTime, textOrEmpty, yesNo,
} from './cellFields.ts';
import { EIA_DOCUMENT, EIA_STATUS, PROJECT_CATEGORY, PROJECT_STATUS } from './sheetLabels.ts';
import type { SheetSpec, WrittenRow } from './SheetSpec.ts';
import { formatSheetTime } from './sheetTime.ts';

const optionalLabel = <T extends string>(schema: z.ZodType<T, unknown>) =>
  z.unknown().transform((v) => (v === null || v === '' ? null : v)).pipe(z.union([z.null(), schema]));

export const PROJECT_SHEET = {
  file: '建设项目.csv',
  sheet: null,
  schema: z.object({
    编号: recordId,
    项目代码: requiredText,
    项目名称: requiredText,
    项目类别: PROJECT_CATEGORY.schema,
    项目状态: PROJECT_STATUS.schema,
    川渝联合谋划: yesNo,
    '合作城市（区划代码）': listOf('、'),
    '涉及河流（河流编码）': listOf('、'),
    '总投资（万元）': requiredNumber,
    '形象进度（%）': requiredNumber.pipe(z.number().min(0).max(100)),
    计划开工日期: optionalDate,
    计划完工日期: optionalDate,
    项目概况: textOrEmpty,
    经度: optionalLongitude,
    纬度: optionalLatitude,
    环评文件类型: optionalLabel(EIA_DOCUMENT.schema),
    环评状态: optionalLabel(EIA_STATUS.schema),
    环评审批部门: optionalText,
    环评批复文号: optionalText,
    环评报送日期: optionalDate,
    环评批复日期: optionalDate,
    更新时间: requiredTime,
  }),
} satisfies SheetSpec<z.ZodRawShape>;

export type ProjectRow = z.output<typeof PROJECT_SHEET.schema>;

export function projectToRow(p: ProjectRecord, localId: string): WrittenRow {
  return {
    编号: localId,
    项目代码: p.code,
    项目名称: p.name,
    项目类别: PROJECT_CATEGORY.labelOf(p.category),
    项目状态: PROJECT_STATUS.labelOf(p.status),
    川渝联合谋划: p.jointlyPlanned ? '是' : '否',
    '合作城市（区划代码）': p.partnerCityCodes.join('、'),
    '涉及河流（河流编码）': p.riverIds.join('、'),
    '总投资（万元）': p.investmentWanYuan,
    '形象进度（%）': p.progressPercent,
    计划开工日期: p.plannedStart,
    计划完工日期: p.plannedCompletion,
    项目概况: p.description,
    经度: p.location?.longitude ?? null,
    纬度: p.location?.latitude ?? null,
    环评文件类型: p.eia ? EIA_DOCUMENT.labelOf(p.eia.documentType) : null,
    环评状态: p.eia ? EIA_STATUS.labelOf(p.eia.status) : null,
    环评审批部门: p.eia?.authority ?? null,
    环评批复文号: p.eia?.approvalNumber ?? null,
    环评报送日期: p.eia?.submittedOn ?? null,
    环评批复日期: p.eia?.approvedOn ?? null,
    更新时间: formatSheetTime(p.updatedAt),
  };
}

export function rowToProject(r: ProjectRow, cityCode: CityCode): ProjectRecord {
  const documentType = r.环评文件类型;
  const status = r.环评状态;
  return {
    id: encodeGlobalId('Project', cityCode, r.编号),
    cityCode,
    code: r.项目代码,
    name: r.项目名称,
    category: r.项目类别,
    status: r.项目状态,
    jointlyPlanned: r.川渝联合谋划,
    partnerCityCodes: r['合作城市（区划代码）'],
    riverIds: r['涉及河流（河流编码）'],
    investmentWanYuan: r['总投资（万元）'],
    progressPercent: r['形象进度（%）'],
    plannedStart: r.计划开工日期,
    plannedCompletion: r.计划完工日期,
    description: r.项目概况,
    location: r.经度 === null || r.纬度 === null ? null : { longitude: r.经度, latitude: r.纬度 },
    eia: documentType === null || status === null ? null : {
      documentType, status, authority: r.环评审批部门 ?? '', approvalNumber: r.环评批复文号,
      submittedOn: r.环评报送日期, approvedOn: r.环评批复日期,
    },
    updatedAt: r.更新时间,
  };
}

