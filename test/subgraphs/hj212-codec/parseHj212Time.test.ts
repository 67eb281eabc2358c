import { describe, expect, it } from 'vitest';
import { formatHj212Qn, formatHj212Time } from '../../../subgraphs/hj212-codec/formatHj212Time.ts';
import { parseHj212Time } from '../../../subgraphs/hj212-codec/parseHj212Time.ts';

describe('HJ 212 local time (YYYYMMDDhhmmss, China time +08:00)', () => {
  it('reads DataTime as +08:00', () => {
    expect(parseHj212Time('20240315090000')).toBe(Date.parse('2024-03-15T09:00:00+08:00'));
    expect(parseHj212Time('20240101000000')).toBe(Date.parse('2023-12-31T16:00:00Z'));
  });

  it.each(['20240230100500', '20241301000000', '20240315240000', '20240315106000', '2024031510050', '2024031510050a', '00240315100500'])(
    'refuses %s, which is no real calendar time', (text) => {
      expect(parseHj212Time(text)).toBeNull();
    });

  it('accepts 29 February in a leap year', () => {
    expect(parseHj212Time('20240229235959')).toBe(Date.parse('2024-02-29T23:59:59+08:00'));
  });

  it('writes the time and QN a device would send for an instant', () => {
    const at = Date.parse('2024-03-15T10:05:00.789+08:00');
    expect(formatHj212Time(at)).toBe('20240315100500');
    expect(formatHj212Qn(at)).toBe('20240315100500789');
    expect(parseHj212Time(formatHj212Time(at))).toBe(at - 789);
  });
});
