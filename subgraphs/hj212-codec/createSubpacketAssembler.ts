import type { Hj212Packet, Hj212Pollutant } from './Hj212Packet.ts';

/** A packet and whatever the caller keeps with it (its frame, its connection). */
export interface SubpacketPart {
  readonly packet: Hj212Packet;
}

export type SubpacketOutcome<T extends SubpacketPart> =
  /** The packet was not split, or it completed its message: the whole message as one packet. */
  | { readonly kind: 'complete'; readonly packet: Hj212Packet; readonly parts: readonly T[] }
  /** The part is held; the message still misses parts. */
  | { readonly kind: 'pending'; readonly dropped: readonly T[] }
  /** This PNO of the message is already held (a resend); nothing changed. */
  | { readonly kind: 'duplicate-part' };

export interface SubpacketAssembler<T extends SubpacketPart> {
  /**
   * Adds a packet. `pending.dropped` lists the parts of the oldest incomplete message when making
   * room for this one evicted it (more than `maxMessages` incomplete at once).
   */
  add(part: T, now: number): SubpacketOutcome<T>;
  /** Drops the messages whose first part is `maxAgeMs` old or older; returns their parts. */
  expire(now: number): T[];
  /** Drops every incomplete message (at shutdown); returns their parts. */
  clear(): T[];
  /** How many incomplete messages are held. */
  readonly size: number;
}

export interface SubpacketAssemblerOptions {
  /** How long the parts of one message may take to arrive. @default 60_000 ms */
  readonly maxAgeMs?: number;
  /** Incomplete messages held at once, across all devices (a bound on memory). @default 1000 */
  readonly maxMessages?: number;
}

interface Group<T> {
  readonly firstAt: number;
  readonly total: number;
  readonly parts: Map<number, T>;
}

/**
 * Reassembles messages split across packets (Flag bit D with PNUM/PNO, HJ 212-2017 数据段结构组成表;
 * docs/hj212.md, "Flags"). Parts of one message share MN, CN, QN (the request id ties them) and PNUM.
 * The assembled packet has the first part's header and Flag as sent, `subpacket: null`, the first
 * DataTime found, and the pollutants of all parts in PNO order (a code repeated in a later part is
 * ignored: first wins, as for resent packets). Bounded in count and age, since a device can start
 * messages it never finishes. Time comes in as `now`: the codec has no clock.
 */
export function createSubpacketAssembler<T extends SubpacketPart>(
  options: SubpacketAssemblerOptions = {},
): SubpacketAssembler<T> {
  const maxAgeMs = options.maxAgeMs ?? 60_000;
  const maxMessages = options.maxMessages ?? 1000;
  const groups = new Map<string, Group<T>>(); // insertion order = age order

  function add(part: T, now: number): SubpacketOutcome<T> {
    const { packet } = part;
    const sub = packet.subpacket;
    if (sub === null) return { kind: 'complete', packet, parts: [part] };
    const key = `${packet.mn}\u0000${packet.cn}\u0000${packet.qn ?? packet.cp.dataTime ?? ''}\u0000${sub.total}`;
    let group = groups.get(key);
    let dropped: T[] = [];
    if (group === undefined) {
      if (groups.size >= maxMessages) dropped = dropOldest();
      group = { firstAt: now, total: sub.total, parts: new Map() };
      groups.set(key, group);
    }
    if (group.parts.has(sub.number)) return { kind: 'duplicate-part' };
    group.parts.set(sub.number, part);
    if (group.parts.size < group.total) return { kind: 'pending', dropped };
    groups.delete(key);
    const parts = [...group.parts.entries()].sort(([a], [b]) => a - b).map(([, p]) => p);
    return { kind: 'complete', packet: merge(parts.map((p) => p.packet)), parts };
  }

  function dropOldest(): T[] {
    const oldest = groups.entries().next();
    if (oldest.done === true) return [];
    const [key, group] = oldest.value;
    groups.delete(key);
    return [...group.parts.values()];
  }

  function expire(now: number): T[] {
    const dropped: T[] = [];
    for (const [key, group] of groups) {
      if (now - group.firstAt < maxAgeMs) break;
      groups.delete(key);
      dropped.push(...group.parts.values());
    }
    return dropped;
  }

  function clear(): T[] {
    const dropped = [...groups.values()].flatMap((g) => [...g.parts.values()]);
    groups.clear();
    return dropped;
  }

  return { add, expire, clear, get size() { return groups.size; } };
}

function merge(parts: readonly Hj212Packet[]): Hj212Packet {
  const first = parts[0] as Hj212Packet;
  const pollutants = new Map<string, Hj212Pollutant>();
  for (const part of parts) for (const p of part.cp.pollutants) if (!pollutants.has(p.code)) pollutants.set(p.code, p);
  return {
    ...first,
    subpacket: null,
    cp: {
      dataTime: parts.find((p) => p.cp.dataTime !== null)?.cp.dataTime ?? null,
      pollutants: [...pollutants.values()],
      other: parts.flatMap((p) => p.cp.other),
    },
  };
}
