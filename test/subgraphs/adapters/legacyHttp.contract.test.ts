/**
 * The legacy JSON/HTTP adapter against the shared adapter suite, each data set served by the
 * simulated legacy system running as its own process (loaded from a JSON file, no added latency).
 * No `countStatements`: the legacy system takes at most 100 ids per batch request and one station
 * per readings request, so the SQL stores' one-statement-per-batch figures do not apply; its own
 * batching is tested in legacy-http/retryPolicy.test.ts.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LegacyHttpBureauSource } from '../../../subgraphs/adapters/legacy-http/LegacyHttpBureauSource.ts';
import { CITY } from '../../fixtures/bureauRecords.ts';
import { startLegacyServiceProcess } from '../../devtools/legacy-stand-in/startLegacyServiceProcess.ts';
import { describeBureauSourceContract } from './sharedAdapterSuite.ts';

describeBureauSourceContract('legacy-http', async (data) => {
  const stations = data.stations ?? [];
  const dir = mkdtempSync(join(tmpdir(), 'legacy-contract-'));
  const file = join(dir, 'bureau.json');
  writeFileSync(file, JSON.stringify({
    projects: data.projects ?? [], stations, cases: data.cases ?? [], patrols: data.patrols ?? [], resources: data.resources ?? [],
    readings: stations.flatMap((s) => [...(data.readingsOf?.(s) ?? [])]),
  }));
  const service = await startLegacyServiceProcess(['--data', file, '--city', CITY, '--latency', '0']);
  const source = new LegacyHttpBureauSource({ url: service.url, cityCode: CITY });
  return {
    source,
    close: async () => {
      await source.close().catch(() => undefined);
      await service.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
