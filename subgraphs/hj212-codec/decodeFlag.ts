import type { Hj212DeclaredVersion, Hj212Flag } from './Hj212Packet.ts';

const VERSIONS: readonly Hj212DeclaredVersion[] = ['2005', '2017', '2025'];

/**
 * The Flag field's bits (HJ 212-2017 数据段结构组成表, Flag; docs/hj212.md, "Flags"): A = 1 (response wanted), D = 2 (split packet), V5…V0 in
 * bits 2–7 (`Flag = (version << 2) + 2·D + A`; 2017 = 1, 2025 = 2 per caoyiliang/HJ212). Any value
 * 0–255 is accepted and kept raw: HJ 212-2025 devices send 8/9 (or 10/11 when split), and the
 * version bits are a declaration, not something to reject on. A missing Flag is 2005 style.
 */
export function decodeFlag(raw: number | null): Hj212Flag {
  if (raw === null) return { raw, version: '2005', ackRequested: false, hasSubpackets: false };
  return {
    raw,
    version: VERSIONS[raw >> 2] ?? 'unknown',
    ackRequested: (raw & 1) !== 0,
    hasSubpackets: (raw & 2) !== 0,
  };
}
