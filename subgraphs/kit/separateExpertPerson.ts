/**
 * An expert on a bureau's roster is a resource (a speciality available to an incident) and a person
 * (a name and a phone). The contract keeps them apart: `EmergencyResource.name` is public to
 * `emergency:read`, so for an expert it is a label of the speciality; the person's name is only in
 * `contact.person`, behind `emergency:contacts` (schema/contract/emergency.graphql).
 */
import type { ResourceRecord } from './model.ts';

/** The public name of an expert resource: its speciality, never the person. */
export function expertLabel(speciality: string): string {
  return `应急专家：${speciality}`;
}

/**
 * A resource as a bureau's own system may hold it → as the contract serves it. Systems that list an
 * expert by the person's name in the name column (ledgers, the legacy service) keep doing so; the
 * name then becomes the contact's person (unless the contact names one) and the public name the
 * label. Other kinds, and experts already labelled, pass unchanged.
 */
export function separateExpertPerson(record: ResourceRecord): ResourceRecord {
  if (record.kind !== 'EXPERT') return record;
  const label = expertLabel(record.specification);
  if (record.name === label) return record;
  const person = record.contact?.person ?? record.name;
  return { ...record, name: label, contact: { person, phone: record.contact?.phone ?? '' } };
}
