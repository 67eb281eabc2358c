import { describe, expect, it } from 'vitest';
import type { Hj212IngestLogEvent } from '../../../../subgraphs/adapters/hj212-ingest/Hj212IngestLog.ts';
import { limitLogRate } from '../../../../subgraphs/adapters/hj212-ingest/limitLogRate.ts';

const garbage = (bytes: number): Hj212IngestLogEvent => ({ level: 'info', event: 'hj212.garbage', bytes, peer: 'p' });

describe('limitLogRate', () => {
  it('passes perSecond lines a second, counts the rest and says how many were dropped', () => {
    let t = 0;
    const lines: Hj212IngestLogEvent[] = [];
    const limited = limitLogRate((e) => lines.push(e), 2, () => t);
    for (let i = 1; i <= 5; i++) limited.log(garbage(i));
    t = 1000;
    limited.log(garbage(6));
    expect(lines).toEqual([garbage(1), garbage(2), { level: 'warn', event: 'hj212.log_suppressed', lines: 3 }, garbage(6)]);
    expect(limited.suppressed).toBe(3);
  });
});
