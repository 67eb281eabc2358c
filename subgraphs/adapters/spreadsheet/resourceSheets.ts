/**
 * 应急物资台账.xlsx: sheet 物资清单 (one resource per row, a title row above the header as the
 * bureau's ledger has it) and sheet 储备库 (one depot per row, referred to by 储备库编码).
 */
import { z } from 'zod';
import { encodeGlobalId } from '../../../schema/globalId.ts';
import type { CityCode, DepotRecord, ResourceRecord } from '../../kit/model.ts';
import { separateExpertPerson } from '../../kit/separateExpertPerson.ts';
import {
  code, latitude, longitude, optionalCode, optionalDate, optionalText, recordId, requiredNumber, requiredText, textOrEmpty,
} from './cellFields.ts';
import { DEPOT_OWNER, DEPOT_STORAGE, RESOURCE_CATEGORY, RESOURCE_KIND, RESOURCE_STATUS } from './sheetLabels.ts';
import type { SheetSpec, WrittenRow } from './SheetSpec.ts';

export const RESOURCE_LEDGER_FILE = '应急物资台账.xlsx';

export const RESOURCE_SHEET = {
  file: RESOURCE_LEDGER_FILE,
  sheet: '物资清单',
  dateColumns: ['有效期至'],
  schema: z.object({
    编号: recordId,
    物资名称: requiredText,
    物资类别: RESOURCE_CATEGORY.schema,
    资源类型: RESOURCE_KIND.schema,
    规格型号: textOrEmpty,
    数量: requiredNumber,
    计量单位: textOrEmpty,
    管理单位: textOrEmpty,
    储备库编码: optionalCode,
    经度: longitude,
    纬度: latitude,
    有效期至: optionalDate,
    状态: RESOURCE_STATUS.schema,
    联系人: optionalText,
    联系电话: optionalText,
  }),
} satisfies SheetSpec<z.ZodRawShape>;

export const DEPOT_SHEET = {
  file: RESOURCE_LEDGER_FILE,
  sheet: '储备库',
  schema: z.object({
    储备库编码: code,
    储备库名称: requiredText,
    储备库性质: DEPOT_OWNER.schema,
    储备方式: DEPOT_STORAGE.schema,
    地址: textOrEmpty,
    经度: longitude,
    纬度: latitude,
  }),
} satisfies SheetSpec<z.ZodRawShape>;

export type ResourceRow = z.output<typeof RESOURCE_SHEET.schema>;
export type DepotRow = z.output<typeof DEPOT_SHEET.schema>;

export function resourceToRow(r: ResourceRecord, localId: string): WrittenRow {
  return {
    编号: localId,
    物资名称: r.name,
    物资类别: RESOURCE_CATEGORY.labelOf(r.category),
    资源类型: RESOURCE_KIND.labelOf(r.kind),
    规格型号: r.specification,
    数量: r.quantity,
    计量单位: r.unit,
    管理单位: r.managingUnit,
    储备库编码: r.depot?.code ?? null,
    经度: r.location.longitude,
    纬度: r.location.latitude,
    有效期至: r.expiresOn,
    状态: RESOURCE_STATUS.labelOf(r.status),
    联系人: r.contact?.person ?? null,
    联系电话: r.contact?.phone ?? null,
  };
}

export function depotToRow(d: DepotRecord): WrittenRow {
  return {
    储备库编码: d.code,
    储备库名称: d.name,
    储备库性质: DEPOT_OWNER.labelOf(d.ownerType),
    储备方式: DEPOT_STORAGE.labelOf(d.storageMode),
    地址: d.address,
    经度: d.location.longitude,
    纬度: d.location.latitude,
  };
}

export function rowToDepot(r: DepotRow): DepotRecord {
  return {
    code: r.储备库编码, name: r.储备库名称, ownerType: r.储备库性质, storageMode: r.储备方式, address: r.地址,
    location: { longitude: r.经度, latitude: r.纬度 },
  };
}

/** A ledger may list an expert under the person's name: the person becomes the contact (separateExpertPerson). */
export function rowToResource(r: ResourceRow, depot: DepotRecord | null, cityCode: CityCode): ResourceRecord {
  return separateExpertPerson({
    id: encodeGlobalId('EmergencyResource', cityCode, r.编号),
    cityCode,
    name: r.物资名称,
    category: r.物资类别,
    kind: r.资源类型,
    specification: r.规格型号,
    quantity: r.数量,
    unit: r.计量单位,
    managingUnit: r.管理单位,
    depot,
    location: { longitude: r.经度, latitude: r.纬度 },
    expiresOn: r.有效期至,
    status: r.状态,
    contact: r.联系人 === null ? null : { person: r.联系人, phone: r.联系电话 ?? '' },
  });
}
