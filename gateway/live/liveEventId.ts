/**
 * A subscription event's `id`: the subscriber's RegionPosition after that event (the last sequence
 * seen per bureau and feed), as base64url of its JSON. It holds everything a resume needs, so any
 * gateway replica resumes any client from it (`since`, or SSE's Last-Event-ID) with no state of its
 * own, the way the composite cursors of the shard engine carry every bureau's position.
 *
 * Coming back in it is untrusted input: bounded in length, decoded, and checked with zod (six-digit
 * bureau codes, the protocol's feed names, non-negative integer sequences) before anything reads it.
 */
import { z } from 'zod';
import { feedPositionSchema } from '../../schema/events/bureauEvents.ts';
import type { RegionPosition } from '../events/EventHub.ts';
import { decodeBase64UrlJson, encodeBase64Url } from '../shard-engine/base64url.ts';

/** Longer ids are refused unread: six bureaus with a few feeds each stay far below it. */
export const MAX_EVENT_ID_LENGTH = 4096;

const regionPositionSchema = z.record(z.string().regex(/^\d{6}$/), feedPositionSchema)
  .refine((position) => Object.keys(position).length >= 1 && Object.keys(position).length <= 64, '1 to 64 bureaus');

export function encodeEventId(position: RegionPosition): string {
  // Keys sorted, so one position always gives one id.
  const sorted = Object.fromEntries(Object.keys(position).sort().map((code) => [code,
    Object.fromEntries(Object.keys(position[code]!).sort().map((feed) => [feed, position[code]![feed]!]))]));
  return encodeBase64Url(JSON.stringify(sorted));
}

/** The position an id carries, or null when it is not an id this gateway gave. */
export function decodeEventId(id: string): RegionPosition | null {
  const parsed = regionPositionSchema.safeParse(decodeBase64UrlJson(id, MAX_EVENT_ID_LENGTH));
  if (!parsed.success) return null;
  // Null-prototype copies: keys such as "__proto__" stay plain data (R15).
  const position: Record<string, Record<string, number>> = Object.create(null) as Record<string, Record<string, number>>;
  for (const [code, feeds] of Object.entries(parsed.data)) position[code] = Object.assign(Object.create(null) as Record<string, number>, feeds);
  return position;
}
