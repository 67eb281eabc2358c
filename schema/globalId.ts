/**
 * Global ids of city-owned objects: opaque to clients, but they carry the owning bureau so that
 * `node(id)` can be routed and client caches that normalise by `__typename` + `id` never merge two
 * bureaus' records. Format: base64url of `Typename:cityCode:localId` (ASCII only, so ids sort by
 * byte order the same way in SQL and in JavaScript).
 */

/** The contract's types that implement Node. */
export const NODE_TYPES = ['Project', 'Station', 'EnforcementCase', 'JointPatrol', 'EmergencyResource', 'EnvironmentalIncident', 'IncidentNotice', 'Bulletin', 'ResourceRequest', 'JointMeeting', 'ActionItem', 'JointPatrolProposal', 'JointCaseProposal'] as const;
export type NodeType = (typeof NODE_TYPES)[number];

export interface GlobalIdParts {
  readonly type: NodeType;
  readonly cityCode: string;
  readonly localId: string;
}

const CITY_CODE = /^\d{6}$/;
const LOCAL_ID = /^[A-Za-z0-9._-]{1,64}$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

export function encodeGlobalId(type: NodeType, cityCode: string, localId: string): string {
  if (!CITY_CODE.test(cityCode)) throw new TypeError(`cityCode must be 6 digits, got ${JSON.stringify(cityCode)}`);
  if (!LOCAL_ID.test(localId)) throw new TypeError(`localId must be 1–64 of [A-Za-z0-9._-], got ${JSON.stringify(localId)}`);
  return Buffer.from(`${type}:${cityCode}:${localId}`, 'utf8').toString('base64url');
}

/** The parts of a global id, or null when the string is not one of ours. */
export function decodeGlobalId(id: string): GlobalIdParts | null {
  if (id.length > 120 || !BASE64URL.test(id)) return null;
  const parts = Buffer.from(id, 'base64url').toString('utf8').split(':');
  if (parts.length !== 3) return null;
  const [type, cityCode, localId] = parts as [string, string, string];
  if (!(NODE_TYPES as readonly string[]).includes(type)) return null;
  if (!CITY_CODE.test(cityCode) || !LOCAL_ID.test(localId)) return null;
  // Reject non-canonical encodings so that one object has exactly one id.
  if (encodeGlobalId(type as NodeType, cityCode, localId) !== id) return null;
  return { type: type as NodeType, cityCode, localId };
}
