/**
 * The subscription fields served from the bureaus' events (schema/live.graphql): for each, which
 * events it takes for a subscriber (its arguments, the caller's jurisdiction and bureau), the parts
 * of the event the graph answers (deriveGraphQuery), the variables an event gives them, and the
 * payload the subscriber's selection runs over. Arguments are checked once, at subscribe: a refusal
 * is a GraphQLError with a stable code and nothing is subscribed.
 */
import type { GraphQLError } from 'graphql';
import { ERRORS } from '../../schema/errors.ts';
import { decodeGlobalId, encodeGlobalId, type NodeType } from '../../schema/globalId.ts';
import { formatCst } from '../../schema/formatCst.ts';
import type { BureauEventBody } from '../../schema/events/bureauEvents.ts';
import type { HubEvent } from '../events/EventHub.ts';
import type { Caller } from '../request/Caller.ts';
import type { GraphPart, GraphVariableTypes } from './deriveGraphQuery.ts';
import { encodeEventId } from './liveEventId.ts';

/** A graph-backed field's value for the response-key path it is read at (see liveSubscriptions.ts). */
export type GraphValue = (args: unknown, context: unknown, info: unknown) => unknown;

export interface LiveFieldFilter {
  accepts(event: HubEvent): boolean;
}

export interface LiveField {
  /** Checks the arguments for this caller; throws the refusal. */
  start(args: Readonly<Record<string, unknown>>, caller: Caller): LiveFieldFilter;
  readonly parts: readonly GraphPart[];
  /** Values of the part variables (GRAPH_VARIABLE_TYPES) for one event. */
  variables(event: HubEvent): Readonly<Record<string, unknown>>;
  /** What the subscriber's selection runs over (by field name); graph-backed fields are `graph`. */
  payload(event: HubEvent, graph: GraphValue): Record<string, unknown>;
}

export const GRAPH_VARIABLE_TYPES: GraphVariableTypes = {
  cityCode: 'ID!', stationId: 'ID!', time: 'DateTime', interval: 'ReadingInterval', nodeId: 'ID!',
};

const CITY_CODE = /^\d{6}$/;
const SEVERITY_RANK: Readonly<Record<string, number>> = { INFO: 0, WARNING: 1, CRITICAL: 2 };

const stationPart = (path: readonly string[]): GraphPart => ({
  path,
  root: (selection, v) => `station(cityCode: ${v('cityCode')}, id: ${v('stationId')}) ${selection}`,
});
const nodePart = (path: string, type: NodeType): GraphPart => ({
  path: [path],
  root: (selection, v) => `node(id: ${v('nodeId')}) { ... on ${type} ${selection} }`,
});

type Body<K extends BureauEventBody['kind']> = Extract<BureauEventBody, { kind: K }>;
const bodyOf = <K extends BureauEventBody['kind']>(event: HubEvent, kind: K): Body<K> | null =>
  event.event.body.kind === kind ? (event.event.body as Body<K>) : null;

const readingReported: LiveField = {
  start(args, caller) {
    const cityCodes = readCityCodes(args['cityCodes']);
    const stations = readIds(args['stationIds'], 'Station', 'stationIds');
    const kind = args['kind'] as string | null | undefined;
    return {
      accepts(event) {
        const body = bodyOf(event, 'reading');
        return body !== null && reaches(caller, event.cityCode)
          && (cityCodes === null || cityCodes.has(event.cityCode))
          && (stations === null || stations.has(`${event.cityCode}:${stationLocalId(event.cityCode, body.reading.stationId)}`))
          && (kind == null || body.reading.stationKind === kind);
      },
    };
  },
  parts: [
    stationPart(['station']),
    {
      path: ['reading'],
      // The reading as the bureau serves it (factor names and units are the station's): its series at the event's time.
      root: (selection, v) => `station(cityCode: ${v('cityCode')}, id: ${v('stationId')}) { readings(from: ${v('time')}, to: ${v('time')}, interval: ${v('interval')}) ${selection} }`,
      inner: ['readings', 0],
    },
  ],
  variables(event) {
    const { reading } = bodyOf(event, 'reading')!;
    return { cityCode: event.cityCode, stationId: stationGlobalId(event.cityCode, reading.stationId), time: formatCst(reading.time), interval: reading.interval };
  },
  payload: (event, graph) => ({ id: encodeEventId(event.position), cityCode: event.cityCode, station: graph, reading: graph }),
};

const alarmRaised: LiveField = {
  start(args, caller) {
    const cityCodes = readCityCodes(args['cityCodes']);
    const minimum = SEVERITY_RANK[(args['severity'] as string | null | undefined) ?? 'INFO'] ?? 0;
    return {
      accepts(event) {
        const body = bodyOf(event, 'alarm');
        return body !== null && reaches(caller, event.cityCode)
          && (cityCodes === null || cityCodes.has(event.cityCode))
          && (SEVERITY_RANK[body.alarm.severity] ?? 0) >= minimum;
      },
    };
  },
  parts: [stationPart(['alarm', 'station'])],
  variables(event) {
    const { alarm } = bodyOf(event, 'alarm')!;
    return { cityCode: event.cityCode, stationId: stationGlobalId(event.cityCode, alarm.stationId) };
  },
  payload(event, graph) {
    const { alarm } = bodyOf(event, 'alarm')!;
    return {
      id: encodeEventId(event.position),
      alarm: {
        id: alarm.id, cityCode: event.cityCode, station: graph, kind: alarm.kind, severity: alarm.severity, code: alarm.code,
        name: alarm.name, from: formatCst(alarm.from), to: formatCst(alarm.to), reason: alarm.reason,
        values: alarm.values.map((v) => ({ ...v, time: formatCst(v.time) })), limit: alarm.limit,
      },
    };
  },
};

/** A subscription to the caller's own bureau's inbox: events of `kind`, the record `field` resolved by its id. */
function inboxField<K extends 'notice-received' | 'bulletin-received'>(name: string, kind: K, field: string, type: NodeType, idOf: (body: Body<K>) => string): LiveField {
  return {
    start(_args, caller) {
      const bureau = ownBureau(caller, name);
      return { accepts: (event) => event.cityCode === bureau && reaches(caller, bureau) && bodyOf(event, kind) !== null };
    },
    parts: [nodePart(field, type)],
    variables: (event) => ({ nodeId: idOf(bodyOf(event, kind)!) }),
    payload: (event, graph) => ({ id: encodeEventId(event.position), [field]: graph }),
  };
}

const noticeReceived = inboxField('noticeReceived', 'notice-received', 'notice', 'IncidentNotice', (body) => body.noticeId);
const bulletinReceived = inboxField('bulletinReceived', 'bulletin-received', 'bulletin', 'Bulletin', (body) => body.bulletinId);

const incidentUpdated: LiveField = {
  start(args, caller) {
    requireToken(caller, 'incidentUpdated');
    const id = String(args['id']);
    const incident = decodeGlobalId(id);
    if (incident === null || incident.type !== 'EnvironmentalIncident') {
      throw ERRORS.BAD_USER_INPUT.err(`"id" is not the global id of an incident: ${JSON.stringify(id.slice(0, 200))}.`, { extensions: { argument: 'id' } });
    }
    if (!reaches(caller, incident.cityCode)) {
      throw ERRORS.FORBIDDEN.err(`City ${JSON.stringify(incident.cityCode)} is outside your jurisdiction; its incidents cannot be followed.`, {
        extensions: { city: incident.cityCode, reason: 'out-of-jurisdiction' },
      });
    }
    return { accepts: (event) => event.cityCode === incident.cityCode && bodyOf(event, 'incident-updated')?.incidentId === id };
  },
  parts: [nodePart('incident', 'EnvironmentalIncident')],
  variables: (event) => ({ nodeId: bodyOf(event, 'incident-updated')!.incidentId }),
  payload: (event, graph) => ({ id: encodeEventId(event.position), change: bodyOf(event, 'incident-updated')!.change, incident: graph }),
};

/** The Subscription fields served from the EventHub, by name. */
export const LIVE_FIELDS: ReadonlyMap<string, LiveField> = new Map([
  ['readingReported', readingReported],
  ['alarmRaised', alarmRaised],
  ['noticeReceived', noticeReceived],
  ['incidentUpdated', incidentUpdated],
  ['bulletinReceived', bulletinReceived],
]);

/** Whether the caller's jurisdiction reaches the bureau (no jurisdiction = every bureau). */
export function reaches(caller: Caller, cityCode: string): boolean {
  return caller.jurisdiction === null || caller.jurisdiction.has(cityCode);
}

function readCityCodes(value: unknown): ReadonlySet<string> | null {
  if (value === null || value === undefined) return null;
  const codes = value as readonly string[];
  const bad = codes.find((code) => !CITY_CODE.test(code));
  if (bad !== undefined) throw badInput('cityCodes', `"cityCodes" takes six-digit bureau codes; got ${JSON.stringify(bad.slice(0, 40))}.`);
  return new Set(codes);
}

/** `cityCode:localId` of each global id of `type`; refuses an id that is not one. */
function readIds(value: unknown, type: NodeType, argument: string): ReadonlySet<string> | null {
  if (value === null || value === undefined) return null;
  return new Set((value as readonly string[]).map((id) => {
    const parts = decodeGlobalId(id);
    if (parts === null || parts.type !== type) throw badInput(argument, `"${argument}" takes global ids of ${type}; got ${JSON.stringify(id.slice(0, 200))}.`);
    return `${parts.cityCode}:${parts.localId}`;
  }));
}

/**
 * The station's local id from an event's `stationId`. The protocol names the local id, but the
 * bureaus' own records (and so their events) carry the station's global id: one of this bureau's
 * Station ids is read as its local id, so both resolve and filter alike.
 */
function stationLocalId(cityCode: string, stationId: string): string {
  const parts = decodeGlobalId(stationId);
  return parts?.type === 'Station' && parts.cityCode === cityCode ? parts.localId : stationId;
}

function stationGlobalId(cityCode: string, stationId: string): string {
  const localId = stationLocalId(cityCode, stationId);
  try {
    return encodeGlobalId('Station', cityCode, localId);
  } catch {
    return localId; // not a local id of the global-id alphabet: the graph answers INVALID_ID for it
  }
}

function requireToken(caller: Caller, field: string): void {
  if (caller.role !== 'authenticated') {
    throw ERRORS.UNAUTHENTICATED.err(`${field} needs a signed-in caller: send a bearer token.`, {
      extensions: { reason: 'not-authenticated', field: `Subscription.${field}` },
    });
  }
}

/** The caller's own bureau, for the inbox subscriptions (receivedNotices and receivedBulletins need a token too). */
function ownBureau(caller: Caller, field: string): string {
  requireToken(caller, field);
  if (caller.bureau === null) {
    throw ERRORS.FORBIDDEN.err(`${field} follows the inbox of the token's own bureau, and this token names none.`, {
      extensions: { reason: 'no-bureau', field: `Subscription.${field}` },
    });
  }
  return caller.bureau;
}

function badInput(argument: string, message: string): GraphQLError {
  return ERRORS.BAD_USER_INPUT.err(message, { extensions: { argument } });
}
