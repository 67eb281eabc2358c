import type { Selectable } from 'kysely';
import type {
  DataFlag, FactorRecord, ReadingInterval, ReadingRecord, ReadingValueRecord, StationKind, StationRecord,
} from '../../kit/model.ts';
import { fromJson, toFlag, toJson, toNumber } from './jsonColumn.ts';
import type { ReadingsTable, StationsTable } from './schema.ts';

export function stationToRow(s: StationRecord): StationsTable {
  return {
    id: s.id,
    city_code: s.cityCode,
    code: s.code,
    name: s.name,
    kind: s.kind,
    river_id: s.riverId,
    longitude: s.location.longitude,
    latitude: s.location.latitude,
    address: s.address,
    enterprise_credit_code: s.enterpriseCreditCode,
    shared_with_city_codes_json: toJson(s.sharedWithCityCodes),
    protocol_version: s.protocolVersion,
    operating: toFlag(s.operating),
    reading_interval: s.interval,
    factors_json: toJson(s.factors),
  };
}

export function rowToStation(r: Selectable<StationsTable>): StationRecord {
  return {
    id: r.id,
    cityCode: r.city_code,
    code: r.code,
    name: r.name,
    kind: r.kind as StationKind,
    riverId: r.river_id,
    location: { longitude: toNumber(r.longitude), latitude: toNumber(r.latitude) },
    address: r.address,
    enterpriseCreditCode: r.enterprise_credit_code,
    sharedWithCityCodes: fromJson<string[]>(r.shared_with_city_codes_json),
    protocolVersion: r.protocol_version,
    operating: toNumber(r.operating) === 1,
    interval: r.reading_interval as ReadingInterval,
    factors: fromJson<FactorRecord[]>(r.factors_json),
  };
}

/**
 * Reading values are stored as `[code, value, flag]` tuples: readings are the bulk of a bureau's
 * data, and the tuples are about half the size of the records' objects.
 */
type ValueTuple = [code: string, value: number | null, flag: DataFlag];

export function readingToRow(r: ReadingRecord): ReadingsTable {
  return {
    station_id: r.stationId,
    time: r.time,
    reading_interval: r.interval,
    values_json: JSON.stringify(r.values.map((v): ValueTuple => [v.code, v.value, v.flag])),
  };
}

export function rowToReading(r: Selectable<ReadingsTable>): ReadingRecord {
  const tuples = fromJson<ValueTuple[]>(r.values_json);
  return {
    stationId: r.station_id,
    time: toNumber(r.time),
    interval: r.reading_interval as ReadingInterval,
    values: tuples.map(([code, value, flag]): ReadingValueRecord => ({ code, value, flag })),
  };
}
