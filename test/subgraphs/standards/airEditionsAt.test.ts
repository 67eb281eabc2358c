import { describe, expect, it } from 'vitest';
import { AIR_QUALITY_EDITIONS, airEditionsAt } from '../../../subgraphs/standards/index.ts';

const name = (at: string) => airEditionsAt(Date.parse(at)).map((e) => `${e.ref.version}${e.phase ? ` phase ${e.phase}` : ''}`);

describe('airEditionsAt', () => {
  it('holds a reading to GB 3095-2012 up to the last minute of 2026-02-28 in China, and to GB 3095-2026 from midnight', () => {
    expect(name('2026-02-28T23:59:59+08:00')).toEqual(['2012']);
    // 2026-02-28 16:00 UTC is already 2026-03-01 in China, the day GB 3095-2026 took force.
    expect(name('2026-02-28T16:00:00Z')).toEqual(['2026 phase 1', '2012']);
  });

  it('moves to phase 2 on 2031-01-01, backed by phase 1 and then 2012', () => {
    expect(name('2030-12-31T23:59:59+08:00')).toEqual(['2026 phase 1', '2012']);
    expect(name('2031-01-01T00:00:00+08:00')).toEqual(['2026 phase 2', '2026 phase 1', '2012']);
  });

  it('answers GB 3095-2012, the oldest edition known, for readings before it took force', () => {
    expect(name('2015-06-01T00:00:00+08:00')).toEqual(['2012']);
  });

  it('relies on the editions being listed in the order they took force', () => {
    const starts = AIR_QUALITY_EDITIONS.map((e) => e.inForceFrom);
    expect(starts).toEqual([...starts].sort());
  });
});
