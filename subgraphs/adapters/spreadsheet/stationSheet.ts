/** 监测站点.csv (one station per row) and 监测因子.csv (one factor of a station per row, in order). */
import { z } from 'zod';
import { encodeGlobalId } from '../../../schema/globalId.ts';
import type { CityCode, FactorRecord, StationRecord } from '../../kit/model.ts';
import { code, latitude, listOf, longitude, optionalCode, recordId, requiredText, textOrEmpty } from './cellFields.ts';
import { INTERVAL, OPERATING, STATION_KIND } from './sheetLabels.ts';
import type { SheetSpec, WrittenRow } from './SheetSpec.ts';

export const STATION_SHEET = {
  file: '监测站点.csv',
  sheet: null,
  schema: z.object({
    编号: recordId,
    MN号: code,
    站点名称: requiredText,
    站点类型: STATION_KIND.schema,
    '所在河流（河流编码）': optionalCode,
    经度: longitude,
    纬度: latitude,
    地址: textOrEmpty,
    排污单位统一社会信用代码: optionalCode,
    '共享城市（区划代码）': listOf('、'),
    协议版本: requiredText,
    运行状态: OPERATING.schema,
    数据频次: INTERVAL.schema,
  }),
} satisfies SheetSpec<z.ZodRawShape>;

export const FACTOR_SHEET = {
  file: '监测因子.csv',
  sheet: null,
  schema: z.object({
    站点编号: recordId,
    因子编码: code,
    因子名称: requiredText,
    计量单位: textOrEmpty,
  }),
} satisfies SheetSpec<z.ZodRawShape>;

export type StationRow = z.output<typeof STATION_SHEET.schema>;
export type FactorRow = z.output<typeof FACTOR_SHEET.schema>;

export function stationToRow(s: StationRecord, localId: string): WrittenRow {
  return {
    编号: localId,
    MN号: s.code,
    站点名称: s.name,
    站点类型: STATION_KIND.labelOf(s.kind),
    '所在河流（河流编码）': s.riverId,
    经度: s.location.longitude,
    纬度: s.location.latitude,
    地址: s.address,
    排污单位统一社会信用代码: s.enterpriseCreditCode,
    '共享城市（区划代码）': s.sharedWithCityCodes.join('、'),
    协议版本: s.protocolVersion,
    运行状态: OPERATING.labelOf(s.operating ? 'RUNNING' : 'STOPPED'),
    数据频次: INTERVAL.labelOf(s.interval),
  };
}

export function factorToRow(f: FactorRecord, stationLocalId: string): WrittenRow {
  return { 站点编号: stationLocalId, 因子编码: f.code, 因子名称: f.name, 计量单位: f.unit };
}

export function rowToStation(r: StationRow, factors: readonly FactorRecord[], cityCode: CityCode): StationRecord {
  return {
    id: encodeGlobalId('Station', cityCode, r.编号),
    cityCode,
    code: r.MN号,
    name: r.站点名称,
    kind: r.站点类型,
    riverId: r['所在河流（河流编码）'],
    location: { longitude: r.经度, latitude: r.纬度 },
    address: r.地址,
    enterpriseCreditCode: r.排污单位统一社会信用代码,
    sharedWithCityCodes: r['共享城市（区划代码）'],
    protocolVersion: r.协议版本,
    operating: r.运行状态 === 'RUNNING',
    interval: r.数据频次,
    factors,
  };
}

export function rowToFactor(r: FactorRow): FactorRecord {
  return { code: r.因子编码, name: r.因子名称, unit: r.计量单位 };
}
