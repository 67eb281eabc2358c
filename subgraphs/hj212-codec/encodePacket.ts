import { frameDataSegment } from './frameDataSegment.ts';
import { Hj212DecodeError } from './Hj212DecodeError.ts';
import type { Hj212Subpacket } from './Hj212Packet.ts';
import { parseDataSegment } from './parseDataSegment.ts';

type CpValue = string | number;

/** The CP to write; a decoded Hj212Cp is one, so decode → encode round-trips. */
export interface Hj212CpInput {
  /** `YYYYMMDDhhmmss`, China time (see formatHj212Time). Written first when present. */
  readonly dataTime?: string | null;
  /** Other keys (RtdInterval, QnRtn, …), written after DataTime in this order. */
  readonly other?: ReadonlyArray<readonly [key: string, value: CpValue]>;
  /** One `;`-item per pollutant, its `{code}-{suffix}=value` fields joined by `,` in this order. */
  readonly pollutants?: ReadonlyArray<{
    readonly code: string;
    readonly fields: ReadonlyArray<readonly [suffix: string, value: CpValue]>;
  }>;
}

export interface Hj212PacketInput {
  /** Request id `YYYYMMDDhhmmsszzz` (formatHj212Qn). @default omitted */
  readonly qn?: string | null;
  readonly st: string;
  readonly cn: string;
  /** @default '' */
  readonly pw?: string;
  readonly mn: string;
  /** Raw Flag (docs/hj212.md, "Flags"): 4 = 2017 no ack, 5 = 2017 ack, 8/9 = 2025. @default omitted (2005 style) */
  readonly flag?: number | null;
  /** PNUM/PNO; needs Flag bit D. @default none */
  readonly subpacket?: Hj212Subpacket | null;
  /** @default empty (`CP=&&&&`) */
  readonly cp?: Hj212CpInput;
}

const utf8 = new TextEncoder();

/**
 * Encodes one packet as a complete frame (HJ 212-2017 数据段结构 field order QN;ST;CN;PW;MN;Flag;
 * [PNUM;PNO;]CP), with length and CRC. The result is checked by the decoder's own
 * field rules, so whatever this returns decodes; invalid input (a separator inside a value, a field
 * over its maximum, more than 1024 bytes) throws RangeError, as a programming error.
 */
export function encodePacket(fields: Hj212PacketInput): Uint8Array {
  const parts: string[] = [];
  if (fields.qn != null) parts.push(`QN=${fields.qn}`);
  parts.push(`ST=${fields.st}`, `CN=${fields.cn}`, `PW=${fields.pw ?? ''}`, `MN=${fields.mn}`);
  if (fields.flag != null) parts.push(`Flag=${fields.flag}`);
  if (fields.subpacket != null) parts.push(`PNUM=${fields.subpacket.total}`, `PNO=${fields.subpacket.number}`);
  parts.push(`CP=&&${cpContent(fields.cp ?? {})}&&`);
  const segment = utf8.encode(parts.join(';'));
  try {
    const { deviations } = parseDataSegment(segment);
    // The encoder writes HJ 212-2017 itself, never the deviations the decoder tolerates.
    if (deviations.length > 0) throw new RangeError(`Invalid HJ 212 packet: ${deviations.join(', ')}`);
  } catch (error) {
    if (error instanceof Hj212DecodeError) throw new RangeError(`Invalid HJ 212 packet: ${error.message}`, { cause: error });
    throw error;
  }
  return frameDataSegment(segment);
}

function cpContent(cp: Hj212CpInput): string {
  const items: string[] = [];
  if (cp.dataTime != null) items.push(`DataTime=${cp.dataTime}`);
  for (const [key, value] of cp.other ?? []) items.push(`${key}=${formatValue(value)}`);
  for (const p of cp.pollutants ?? []) {
    items.push(p.fields.map(([suffix, value]) => `${p.code}-${suffix}=${formatValue(value)}`).join(','));
  }
  return items.join(';');
}

/** Numbers in plain decimal notation: HJ 212 data formats (N5.2 …) have no exponent. */
function formatValue(value: CpValue): string {
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value) || Math.abs(value) >= 1e21) throw new RangeError(`Cannot write ${value} as an HJ 212 number.`);
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return value.toFixed(20).replace(/\.?0+$/, '');
}
