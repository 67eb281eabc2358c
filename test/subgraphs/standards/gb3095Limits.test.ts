import { describe, expect, it } from 'vitest';
import { AIR_QUALITY_EDITIONS, airLimit, exceedsAirLimit } from '../../../subgraphs/standards/index.ts';
import type { AirGrade } from '../../../subgraphs/standards/index.ts';
import { thrownCode } from './thrownCode.ts';

// Table-driven over every edition and row: at the limit complies, just above exceeds.
for (const edition of AIR_QUALITY_EDITIONS) {
  const choice = { version: edition.ref.version as '2012' | '2026', ...(edition.phase ? { phase: edition.phase } : {}) };
  describe(`GB 3095-${edition.ref.version}${edition.phase ? ` phase ${edition.phase}` : ''} limits`, () => {
    for (const row of edition.rows) {
      for (const [grade, limit] of [['I', row.gradeI], ['II', row.gradeII]] as [AirGrade, number | null][]) {
        if (limit === null) {
          it(`${row.code} ${row.averaging} grade ${grade} is unknown and says so`, () => {
            expect(thrownCode(() => exceedsAirLimit(row.code, row.averaging, 1, grade, choice))).toBe('NO_LIMIT');
          });
          continue;
        }
        it(`${row.code} ${row.averaging} grade ${grade}: ${limit} ${row.unit} complies, just above exceeds`, () => {
          expect(exceedsAirLimit(row.code, row.averaging, limit, grade, choice)).toBe(false);
          expect(exceedsAirLimit(row.code, row.averaging, limit * 1.0001, grade, choice)).toBe(true);
        });
      }
    }
  });
}

describe('GB 3095 lookups', () => {
  it('matches the IAQI-100 row of HJ 633-2012 for the grade II 24 h limits', () => {
    expect(['a21026', 'a21004', 'a34002', 'a34004'].map((code) => airLimit(code, 'H24', 'II').max)).toEqual([150, 80, 150, 75]);
    expect(airLimit('a21005', 'H24', 'II')).toEqual({ min: null, max: 4, unit: 'mg/m³' });
  });

  it('tightens PM2.5 24 h grade II from 75 (2012) to 60 (2026 phase 1) and 50 (phase 2)', () => {
    expect(exceedsAirLimit('a34004', 'H24', 70, 'II')).toBe(false);
    expect(exceedsAirLimit('a34004', 'H24', 70, 'II', { version: '2026' })).toBe(true);
    expect(airLimit('a34004', 'H24', 'II', { version: '2026', phase: 2 }).max).toBe(50);
  });

  it('has no GB 3095-2026 value for pollutants whose revised limits were not found', () => {
    expect(thrownCode(() => airLimit('a21026', 'H1', 'II', { version: '2026' }))).toBe('NO_LIMIT');
  });

  it('rejects a negative concentration', () => {
    expect(thrownCode(() => exceedsAirLimit('a34004', 'H24', -1, 'II'))).toBe('NEGATIVE_VALUE');
  });
});
