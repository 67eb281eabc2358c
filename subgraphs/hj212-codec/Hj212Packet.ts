/**
 * A decoded HJ 212 packet (HJ 212-2017 通讯包结构组成表 / 数据段结构组成表; docs/hj212.md). Values stay as the
 * device wrote them where a conversion could lose information (QN, DataTime, flags); numbers are
 * parsed because every consumer needs them as numbers.
 */

import type { Hj212Deviation } from './Hj212Deviation.ts';

/** What the Flag bits declare (docs/hj212.md, "Flags"): `raw >> 2` 0 = 2005, 1 = 2017, 2 = 2025. */
export type Hj212DeclaredVersion = '2005' | '2017' | '2025' | 'unknown';

export interface Hj212Flag {
  /** The Flag value as sent; null when the packet has no Flag field (HJ/T 212-2005 style). */
  readonly raw: number | null;
  /**
   * The version the V bits declare. Not proof of the version a device speaks: 2017-era devices are
   * seen sending Flag=8 (the 2021 surface-water sample in chenqi92/alltobs-hj212's README), so only
   * the A and D bits drive behaviour.
   */
  readonly version: Hj212DeclaredVersion;
  /** Bit A (1): the sender wants a response (for uploads: a 9014 data ack). */
  readonly ackRequested: boolean;
  /** Bit D (2): the packet is one part of a split message; PNUM/PNO are present. */
  readonly hasSubpackets: boolean;
}

/** One pollutant (factor) of the CP, `{code}-{suffix}=value` items grouped by code (HJ 212-2017 CP 指令参数). */
export interface Hj212Pollutant {
  /** Factor code, e.g. 'w21003' (HJ 212-2017 Appendix B). */
  readonly code: string;
  readonly rtd: number | null;
  readonly min: number | null;
  readonly avg: number | null;
  readonly max: number | null;
  readonly cou: number | null;
  /** Data flag (N, F, M, S, D, C, T, B; HJ 212-2017 §6.6.4 表8), as sent; null when absent. */
  readonly flag: string | null;
  /** Extended instrument flag, as sent. */
  readonly eFlag: string | null;
  /** Every `{suffix, value}` of this code in packet order, including the ones above (the raw truth). */
  readonly fields: ReadonlyArray<readonly [suffix: string, value: string]>;
}

export interface Hj212Cp {
  /**
   * `DataTime=YYYYMMDDhhmmss`, local China time, checked to be a real calendar time; null when absent.
   * A 17-digit DataTime with milliseconds is given here to the second (deviation HJ212_DATATIME_MILLISECONDS).
   */
  readonly dataTime: string | null;
  readonly pollutants: readonly Hj212Pollutant[];
  /** Every other `key=value` (RtdInterval, QnRtn, ExeRtn, SystemTime, …) in packet order. */
  readonly other: ReadonlyArray<readonly [key: string, value: string]>;
}

export interface Hj212Subpacket {
  /** PNUM: how many packets the message was split into. */
  readonly total: number;
  /** PNO: this packet's number, 1-based. */
  readonly number: number;
}

export interface Hj212Packet {
  /** Request id `YYYYMMDDhhmmsszzz`; null when absent (2005-style uploads). */
  readonly qn: string | null;
  readonly st: string;
  readonly cn: string;
  /** Access password; '' when absent. */
  readonly pw: string;
  readonly mn: string;
  readonly flag: Hj212Flag;
  /** PNUM/PNO, present exactly when Flag bit D is set. */
  readonly subpacket: Hj212Subpacket | null;
  readonly cp: Hj212Cp;
  /** Unambiguous departures from HJ 212-2017 the decoder took (empty for a conforming packet). */
  readonly deviations: readonly Hj212Deviation[];
}
