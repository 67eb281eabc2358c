/** The small fixture bureau (遂宁 510900 records, with ties on every sort key) as legacy-service input. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReadingRecord, StationRecord } from '../../../subgraphs/kit/model.ts';
import type { LegacySourceData } from '../../../devtools/legacy-stand-in/LegacyDataset.ts';
import { CITY, sampleBureauData } from '../../fixtures/bureauRecords.ts';

export function legacyFixtureData(): LegacySourceData & { readonly allReadings: readonly ReadingRecord[] } {
  const data = sampleBureauData();
  const readingsOf = (s: StationRecord) => [...(data.readingsOf?.(s) ?? [])];
  return {
    cityCode: CITY,
    projects: data.projects,
    stations: data.stations,
    cases: data.cases,
    patrols: data.patrols,
    resources: data.resources,
    readings: readingsOf,
    allReadings: data.stations.flatMap(readingsOf),
  };
}

/** The fixture written as the JSON file `main.ts --data` reads. */
export function writeLegacyFixtureJson(): string {
  const data = legacyFixtureData();
  const path = join(mkdtempSync(join(tmpdir(), 'legacy-fixture-')), 'bureau.json');
  writeFileSync(path, JSON.stringify({
    projects: data.projects, stations: data.stations, cases: data.cases, patrols: data.patrols, resources: data.resources,
    readings: data.allReadings,
  }));
  return path;
}
