import { Hj212DecodeError } from './Hj212DecodeError.ts';
import type { Hj212Deviation } from './Hj212Deviation.ts';
import type { Hj212Cp, Hj212Pollutant } from './Hj212Packet.ts';
import { parseHj212Time } from './parseHj212Time.ts';

/** Plain decimal numbers as HJ 212 data formats (N5.2 …) produce; exponents tolerated, nothing else. */
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const MILLISECONDS = /^\d{17}$/;
/** Suffixes parsed as numbers into the typed fields of Hj212Pollutant (docs/hj212.md, "Data-segment fields"). */
const NUMERIC = { Rtd: 'rtd', Min: 'min', Avg: 'avg', Max: 'max', Cou: 'cou' } as const;

interface PollutantDraft {
  readonly code: string;
  readonly fields: Array<readonly [string, string]>;
}

/**
 * The content between `CP=&&` and `&&` (HJ 212-2017 CP 指令参数): `;` between items, `,` between fields of
 * one pollutant, `=` between key and value. `{code}-{suffix}` keys are grouped by code in packet
 * order; DataTime is checked to be a real calendar time (17 digits with milliseconds are read to the
 * second and recorded in `deviations`); every other key is kept in `other`. A
 * repeated key, an empty field or a non-number where a number belongs is refused: the packet is
 * untrusted input, and guessing which copy is right would store invented data.
 */
export function parseCp(content: string, deviations: Hj212Deviation[] = []): Hj212Cp {
  let dataTime: string | null = null;
  const other: Array<readonly [string, string]> = [];
  const otherKeys = new Set<string>();
  const pollutants = new Map<string, PollutantDraft>();
  if (content.length > 0) {
    for (const item of content.split(';')) {
      if (item.length === 0) continue; // a trailing ';' is common and harmless
      for (const pair of item.split(',')) {
        const eq = pair.indexOf('=');
        if (eq <= 0) throw bad(`CP item "${clip(pair)}" is not key=value.`);
        const key = pair.slice(0, eq);
        const value = pair.slice(eq + 1);
        const dash = key.indexOf('-');
        if (dash < 0) {
          if (!isKey(key, 0, key.length)) throw bad(`CP key "${clip(key)}" has characters outside A–Z, a–z, 0–9, _.`);
          if (key === 'DataTime') {
            if (dataTime !== null) throw bad('CP has DataTime twice.');
            // YYYYMMDDhhmmsszzz: the QN format (HJ 212-2017 数据段结构) some devices use for DataTime too.
            const withMs = value.length === 17 && MILLISECONDS.test(value);
            const seconds = withMs ? value.slice(0, 14) : value;
            if (parseHj212Time(seconds) === null) throw bad(`DataTime "${clip(value)}" is not a YYYYMMDDhhmmss time.`);
            if (withMs) deviations.push('HJ212_DATATIME_MILLISECONDS');
            dataTime = seconds;
          } else {
            if (otherKeys.has(key)) throw bad(`CP has ${key} twice.`);
            otherKeys.add(key);
            other.push([key, value]);
          }
          continue;
        }
        if (!isKey(key, 0, dash) || !isKey(key, dash + 1, key.length)) throw bad(`CP key "${clip(key)}" is not {code}-{suffix}.`);
        const code = key.slice(0, dash);
        const suffix = key.slice(dash + 1);
        let draft = pollutants.get(code);
        if (draft === undefined) {
          draft = { code, fields: [] };
          pollutants.set(code, draft);
        }
        // A pollutant has a handful of fields: a scan beats a Set per pollutant.
        if (draft.fields.some(([s]) => s === suffix)) throw bad(`CP has ${key} twice.`);
        draft.fields.push([suffix, value]);
      }
    }
  }
  return { dataTime, pollutants: [...pollutants.values()].map(toPollutant), other };
}

function toPollutant(draft: PollutantDraft): Hj212Pollutant {
  const numbers: Record<(typeof NUMERIC)[keyof typeof NUMERIC], number | null> =
    { rtd: null, min: null, avg: null, max: null, cou: null };
  let flag: string | null = null;
  let eFlag: string | null = null;
  for (const [suffix, value] of draft.fields) {
    switch (suffix) {
      case 'Rtd': case 'Min': case 'Avg': case 'Max': case 'Cou':
        numbers[NUMERIC[suffix]] = parseNumber(draft.code, suffix, value);
        break;
      case 'Flag':
        flag = value;
        break;
      case 'EFlag':
        eFlag = value;
        break;
    }
  }
  return { code: draft.code, ...numbers, flag, eFlag, fields: draft.fields };
}

/** An empty value means "no value" (devices send `w01001-Rtd=,` when an analyser gives none). */
function parseNumber(code: string, suffix: string, value: string): number | null {
  if (value.length === 0) return null;
  if (!NUMBER.test(value)) throw bad(`${code}-${suffix} "${clip(value)}" is not a number.`);
  return Number(value);
}

/** `text[from, to)` is a non-empty run of A–Z, a–z, 0–9 and _ (no regex: this runs per CP field). */
function isKey(text: string, from: number, to: number): boolean {
  if (from >= to) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    const ok = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
    if (!ok) return false;
  }
  return true;
}

function bad(message: string): Hj212DecodeError {
  return new Hj212DecodeError('HJ212_BAD_FIELD', message);
}

/** Error messages quote at most a few characters of the hostile input. */
function clip(text: string): string {
  return text.length <= 24 ? text : `${text.slice(0, 24)}…`;
}
