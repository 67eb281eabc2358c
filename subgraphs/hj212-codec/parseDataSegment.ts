import { decodeFlag } from './decodeFlag.ts';
import { HJ212_KNOWN_CNS } from './hj212Commands.ts';
import { Hj212DecodeError } from './Hj212DecodeError.ts';
import type { Hj212Deviation } from './Hj212Deviation.ts';
import { HJ212_MAX_CP_BYTES, HJ212_MAX_VALUE_LENGTH, HJ212_TOLERATED_VALUE_LENGTH } from './hj212Limits.ts';
import type { Hj212Packet, Hj212Subpacket } from './Hj212Packet.ts';
import { parseCp } from './parseCp.ts';

type HeaderKey = keyof typeof HJ212_MAX_VALUE_LENGTH;

/** What each header value may contain (HJ 212-2017 数据段结构组成表); separators `; , = &` never. */
const VALUE_PATTERN: Readonly<Record<HeaderKey, RegExp>> = {
  QN: /^\d+$/,
  ST: /^[0-9A-Za-z]+$/, // 21…91, and A0–Z9 reserved for extensions (HJ 212-2017 §6.6.1 系统编码)
  CN: /^\d{4}$/,
  PW: /^[^\x00-\x20;=,&\x7f-\uffff]*$/, // printable ASCII without separators
  MN: /^[0-9A-Za-z_-]+$/, // 24 characters by the standard; real devices often send fewer (srdgame/lua-HJ212 also relaxes it)
  Flag: /^\d+$/,
  PNUM: /^\d+$/,
  PNO: /^\d+$/,
};
const REQUIRED: readonly HeaderKey[] = ['ST', 'CN', 'MN'];
/** Printable ASCII and anything non-ASCII; control characters have no place in a data segment. */
const CONTROL = /[\x00-\x1f\x7f]/;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Parses a data segment whose length and CRC were already checked (unwrapFrame.ts):
 * `QN=…;ST=…;CN=…;PW=…;MN=…;Flag=…;[PNUM=…;PNO=…;]CP=&&…&&` (HJ 212-2017 数据段结构组成表).
 * Header fields may come in any order but each at most once, unknown ones are refused, and each
 * value is held to its 2017 maximum length — except the unambiguous longer ST and PW of
 * HJ212_TOLERATED_VALUE_LENGTH and a DataTime with milliseconds, which are taken and listed in
 * `deviations` (the caller adds its own, e.g. the CRC kind). Text is UTF-8 (ASCII in practice). Throws
 * Hj212DecodeError (HJ212_BAD_FIELD, or HJ212_UNKNOWN_CN for a well-formed but unknown CN).
 */
export function parseDataSegment(segment: Uint8Array): Hj212Packet {
  const deviations: Hj212Deviation[] = [];
  let text: string;
  try {
    text = utf8.decode(segment);
  } catch {
    throw bad('The data segment is not UTF-8 text.');
  }
  if (CONTROL.test(text)) throw bad('The data segment contains control characters.');

  const cpAt = text.indexOf('CP=&&');
  if (cpAt < 0 || (cpAt > 0 && text[cpAt - 1] !== ';')) throw bad('The data segment has no CP=&&…&& field.');
  const cp = text.slice(cpAt);
  if (cp.length < 7 || !cp.endsWith('&&')) throw bad('CP does not end with && at the end of the data segment.');
  if (cp.length > HJ212_MAX_CP_BYTES) throw bad(`CP is ${cp.length} characters; at most ${HJ212_MAX_CP_BYTES} are allowed.`);
  const content = cp.slice(5, -2);
  if (content.includes('&')) throw bad('CP content contains "&".');

  const header = readHeader(cpAt === 0 ? '' : text.slice(0, cpAt - 1), deviations);
  for (const key of REQUIRED) if (!header.has(key)) throw bad(`The data segment has no ${key}.`);
  const cn = header.get('CN') as string;
  if (!HJ212_KNOWN_CNS.has(cn)) throw new Hj212DecodeError('HJ212_UNKNOWN_CN', `CN ${cn} is no known command code.`);

  const rawFlag = header.get('Flag');
  const flagValue = rawFlag === undefined ? null : Number(rawFlag);
  if (flagValue !== null && flagValue > 255) throw bad('Flag is larger than 8 bits.');
  const flag = decodeFlag(flagValue);
  return {
    qn: header.get('QN') ?? null,
    st: header.get('ST') as string,
    cn,
    pw: header.get('PW') ?? '',
    mn: header.get('MN') as string,
    flag,
    subpacket: readSubpacket(header, flag.hasSubpackets),
    cp: parseCp(content, deviations),
    deviations,
  };
}

const TOLERATED: Partial<Record<HeaderKey, { readonly max: number; readonly deviation: Hj212Deviation }>> = {
  ST: { max: HJ212_TOLERATED_VALUE_LENGTH.ST, deviation: 'HJ212_LONG_ST' },
  PW: { max: HJ212_TOLERATED_VALUE_LENGTH.PW, deviation: 'HJ212_LONG_PW' },
};

function readHeader(text: string, deviations: Hj212Deviation[]): Map<HeaderKey, string> {
  const fields = new Map<HeaderKey, string>();
  if (text.length === 0) return fields;
  for (const pair of text.split(';')) {
    const eq = pair.indexOf('=');
    const key = eq < 0 ? pair : pair.slice(0, eq);
    if (eq < 0 || !Object.hasOwn(HJ212_MAX_VALUE_LENGTH, key)) throw bad(`Unknown data-segment field "${clip(key)}".`);
    const name = key as HeaderKey;
    const value = pair.slice(eq + 1);
    if (fields.has(name)) throw bad(`The data segment has ${name} twice.`);
    if (value.length > HJ212_MAX_VALUE_LENGTH[name]) {
      const tolerated = TOLERATED[name];
      if (tolerated === undefined || value.length > tolerated.max) {
        throw bad(`${name} is ${value.length} characters; at most ${tolerated?.max ?? HJ212_MAX_VALUE_LENGTH[name]} are allowed.`);
      }
      deviations.push(tolerated.deviation);
    }
    if (!VALUE_PATTERN[name].test(value)) throw bad(`${name} "${clip(value)}" is malformed.`);
    fields.set(name, value);
  }
  return fields;
}

/** PNUM/PNO appear exactly when Flag bit D says the message is split (HJ 212-2017 数据段结构组成表, PNUM/PNO). */
function readSubpacket(header: Map<HeaderKey, string>, split: boolean): Hj212Subpacket | null {
  const pnum = header.get('PNUM');
  const pno = header.get('PNO');
  if (!split) {
    if (pnum !== undefined || pno !== undefined) throw bad('PNUM/PNO present but Flag bit D is not set.');
    return null;
  }
  if (pnum === undefined || pno === undefined) throw bad('Flag bit D is set but PNUM/PNO are missing.');
  const total = Number(pnum);
  const number = Number(pno);
  if (number < 1 || number > total) throw bad(`PNO ${number} is outside 1…PNUM (${total}).`);
  return { total, number };
}

function bad(message: string): Hj212DecodeError {
  return new Hj212DecodeError('HJ212_BAD_FIELD', message);
}

function clip(text: string): string {
  return text.length <= 24 ? text : `${text.slice(0, 24)}…`;
}
