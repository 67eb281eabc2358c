/**
 * 正面清单企业名单.xlsx (sheet 正面清单), or the same columns as 正面清单企业名单.csv: the bureau's
 * positive list of enterprises (监督执法正面清单). Loaded and validated with the rest; no port serves
 * it yet (enterprises are the region's), so the source exposes it as `positiveList()`.
 */
import { z } from 'zod';
import type { CityCode, EnterpriseRecord } from '../../kit/model.ts';
import { code, latitude, listOf, longitude, optionalDate, optionalText, requiredText, textOrEmpty, yesNo } from './cellFields.ts';
import type { SheetSpec, WrittenRow } from './SheetSpec.ts';

export const POSITIVE_LIST_XLSX = '正面清单企业名单.xlsx';
export const POSITIVE_LIST_CSV = '正面清单企业名单.csv';

const requiredDate = optionalDate.pipe(z.string({ error: 'required' }));

export const POSITIVE_LIST_SHEET = {
  file: POSITIVE_LIST_XLSX,
  sheet: '正面清单',
  dateColumns: ['纳入日期', '最近现场检查日期', '移出日期'],
  schema: z.object({
    统一社会信用代码: code.pipe(z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, 'must be an 18-character unified social credit code')),
    企业名称: requiredText,
    '所在城市（区划代码）': code.pipe(z.string().regex(/^\d{6}$/, 'must be a 6-digit division code')),
    行业: textOrEmpty,
    地址: textOrEmpty,
    经度: longitude,
    纬度: latitude,
    清单类型: requiredText,
    纳入日期: requiredDate,
    纳入条件: listOf('；'),
    联网自动监控: yesNo,
    最近现场检查日期: optionalDate,
    移出日期: optionalDate,
    移出原因: optionalText,
  }),
} satisfies SheetSpec<z.ZodRawShape>;

export type PositiveListRow = z.output<typeof POSITIVE_LIST_SHEET.schema>;

export function enterpriseToRow(e: EnterpriseRecord): WrittenRow {
  const entry = e.positiveList;
  return {
    统一社会信用代码: e.creditCode,
    企业名称: e.name,
    '所在城市（区划代码）': e.cityCode,
    行业: e.industry,
    地址: e.address,
    经度: e.location.longitude,
    纬度: e.location.latitude,
    清单类型: entry?.listType ?? null,
    纳入日期: entry?.admittedOn ?? null,
    纳入条件: entry?.criteriaMet.join('；') ?? null,
    联网自动监控: entry?.hasNetworkedCems ? '是' : '否',
    最近现场检查日期: entry?.lastOnsiteCheck ?? null,
    移出日期: entry?.removedOn ?? null,
    移出原因: entry?.removalReason ?? null,
  };
}

export function rowToEnterprise(r: PositiveListRow, cityCode: CityCode): EnterpriseRecord {
  return {
    creditCode: r.统一社会信用代码,
    name: r.企业名称,
    industry: r.行业,
    cityCode: r['所在城市（区划代码）'],
    address: r.地址,
    location: { longitude: r.经度, latitude: r.纬度 },
    positiveList: {
      cityCode, // the bureau whose list this is
      listType: r.清单类型,
      admittedOn: r.纳入日期,
      criteriaMet: r.纳入条件,
      hasNetworkedCems: r.联网自动监控,
      lastOnsiteCheck: r.最近现场检查日期,
      removedOn: r.移出日期,
      removalReason: r.移出原因,
    },
  };
}
