import type { Selectable } from 'kysely';
import type {
  DepotRecord, ResourceCategory, ResourceKind, ResourceRecord, ResourceStatus,
} from '../../kit/model.ts';
import { separateExpertPerson } from '../../kit/separateExpertPerson.ts';
import { fromNullableJson, toJson, toNumber } from './jsonColumn.ts';
import type { ResourcesTable } from './schema.ts';

/** Written separated (separateExpertPerson), so the name search never matches an expert's person. */
export function resourceToRow(record: ResourceRecord): ResourcesTable {
  const r = separateExpertPerson(record);
  return {
    id: r.id,
    city_code: r.cityCode,
    name: r.name,
    category: r.category,
    kind: r.kind,
    specification: r.specification,
    quantity: r.quantity,
    unit: r.unit,
    managing_unit: r.managingUnit,
    depot_json: r.depot === null ? null : toJson(r.depot),
    longitude: r.location.longitude,
    latitude: r.location.latitude,
    expires_on: r.expiresOn,
    status: r.status,
    contact_json: r.contact === null ? null : toJson(r.contact),
  };
}

/**
 * `distanceKm` is passed only for `near` lists, so the property is absent otherwise. An expert row
 * written by the person's name after migration 0002 is still served separated (separateExpertPerson).
 */
export function rowToResource(r: Selectable<ResourcesTable>, distanceKm?: number): ResourceRecord {
  const record: ResourceRecord = separateExpertPerson({
    id: r.id,
    cityCode: r.city_code,
    name: r.name,
    category: r.category as ResourceCategory,
    kind: r.kind as ResourceKind,
    specification: r.specification,
    quantity: toNumber(r.quantity),
    unit: r.unit,
    managingUnit: r.managing_unit,
    depot: fromNullableJson<DepotRecord>(r.depot_json),
    location: { longitude: toNumber(r.longitude), latitude: toNumber(r.latitude) },
    expiresOn: r.expires_on,
    status: r.status as ResourceStatus,
    contact: fromNullableJson<{ person: string; phone: string }>(r.contact_json),
  });
  return distanceKm === undefined ? record : { ...record, distanceKm };
}
