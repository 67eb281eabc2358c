/**
 * The situation board's live and cooperation operations on the gateway's public graph: the
 * subscriptions it holds over graphql-sse (/graphql/stream), the queries for open incidents and the
 * emergency resources near one, and the shapes of their answers. Pure (no DOM, no I/O).
 *
 * Alarms, readings and bureau states are public; notices, incidents and resources need a token (the
 * page sends these only with one). Every selection asks for what the map draws and nothing more.
 */
import type { GeoPoint, StationKind } from './boardQueries.ts';

/** What the map needs of a station an event names (one it did not list at load is added from this). */
const STATION_FIELDS = 'id cityCode name kind location { longitude latitude }';

export const ALARMS_SUBSCRIPTION = `subscription BoardAlarms {
  alarmRaised { id alarm { id cityCode kind severity code name from to reason station { ${STATION_FIELDS} } } }
}`;
export interface LiveStation {
  readonly id: string;
  readonly cityCode: string;
  readonly name: string;
  readonly kind: StationKind;
  readonly location: GeoPoint;
}
export type AlarmSeverity = 'INFO' | 'WARNING' | 'CRITICAL';
export interface BoardAlarm {
  readonly id: string;
  readonly cityCode: string;
  readonly kind: string;
  readonly severity: AlarmSeverity;
  readonly code: string | null;
  readonly name: string | null;
  readonly from: string;
  readonly to: string;
  readonly reason: string;
  readonly station: LiveStation;
}
export interface AlarmsEvent {
  readonly alarmRaised: { readonly id: string; readonly alarm: BoardAlarm } | null;
}

export const READINGS_SUBSCRIPTION = `subscription BoardReadings {
  readingReported { id cityCode station { ${STATION_FIELDS} } reading { time values { code name value unit flag } } }
}`;
export interface BoardReadingValue {
  readonly code: string;
  readonly name: string;
  readonly value: number | null;
  readonly unit: string;
  readonly flag: string;
}
export interface BoardReading {
  readonly time: string;
  readonly values: readonly BoardReadingValue[];
}
export interface ReadingsEvent {
  readonly readingReported: { readonly id: string; readonly cityCode: string; readonly station: LiveStation; readonly reading: BoardReading } | null;
}

export type BureauStatus = 'UP' | 'DEGRADED' | 'DOWN' | 'OFF_CONTRACT' | 'DISABLED';
export const BUREAU_STATUS_SUBSCRIPTION = `subscription BoardBureauStatus {
  bureauStatusChanged { cityCode name status at }
}`;
export interface BureauStatusEvent {
  readonly bureauStatusChanged: { readonly cityCode: string; readonly name: string; readonly status: BureauStatus; readonly at: string } | null;
}

/** An incident as the board draws it: where, what, and each notice's delivery state. */
const INCIDENT_FIELDS = `id cityCode title status occurredAt location { longitude latitude }
  grade { level name } pollutants
  notices { id recipientCityCode state deliveredAt acknowledgedAt }`;
export type NoticeState = 'PENDING' | 'DELIVERED' | 'ACKNOWLEDGED';
export interface BoardNotice {
  readonly id: string;
  readonly recipientCityCode: string;
  readonly state: NoticeState;
  readonly deliveredAt: string | null;
  readonly acknowledgedAt: string | null;
}
export interface BoardIncident {
  readonly id: string;
  readonly cityCode: string;
  readonly title: string;
  readonly status: 'OPEN' | 'CLOSED';
  readonly occurredAt: string;
  readonly location: GeoPoint;
  readonly grade: { readonly level: string; readonly name: string } | null;
  readonly pollutants: readonly string[];
  readonly notices: readonly BoardNotice[];
}

/** The open incidents of every bureau the token reaches, newest first (one page: the map is not a register). */
export const INCIDENTS_QUERY = `query BoardIncidents {
  incidents(status: OPEN, first: 50) { edges { node { ${INCIDENT_FIELDS} } } }
}`;
export interface IncidentsAnswer {
  readonly incidents: { readonly edges: ReadonlyArray<{ readonly node: BoardIncident }> } | null;
}

/** Notices arriving in the token's own bureau's inbox, each with the incident it is about (from the reporter). */
export const NOTICES_SUBSCRIPTION = `subscription BoardNotices {
  noticeReceived { id notice { id incident { ${INCIDENT_FIELDS} } } }
}`;
export interface NoticesEvent {
  readonly noticeReceived: { readonly id: string; readonly notice: { readonly id: string; readonly incident: BoardIncident | null } | null } | null;
}

/** Each change of one incident (a report added, a notice delivered or acknowledged). */
export const INCIDENT_SUBSCRIPTION = `subscription BoardIncident($id: ID!) {
  incidentUpdated(id: $id) { id change incident { ${INCIDENT_FIELDS} } }
}`;
export interface IncidentEvent {
  readonly incidentUpdated: { readonly id: string; readonly change: string; readonly incident: BoardIncident | null } | null;
}

/** Emergency resources of every bureau within `radiusKm` of a point, nearest first, with their distance. */
export const RESOURCES_NEAR_QUERY = `query BoardResourcesNear($near: GeoPointInput!, $radiusKm: Float!) {
  emergencyResources(near: $near, radiusKm: $radiusKm, first: 20) {
    edges { node { id cityCode name kind category quantity unit status distanceKm location { longitude latitude } } }
  }
}`;
export interface BoardResource {
  readonly id: string;
  readonly cityCode: string;
  readonly name: string;
  readonly kind: string;
  readonly category: string;
  readonly quantity: number;
  readonly unit: string;
  readonly status: string;
  readonly distanceKm: number | null;
  readonly location: GeoPoint;
}
export interface ResourcesAnswer {
  readonly emergencyResources: { readonly edges: ReadonlyArray<{ readonly node: BoardResource }> } | null;
}
