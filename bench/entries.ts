/** Entry modules of the processes the bench starts (absolute paths, whatever the cwd). */
import { fileURLToPath } from 'node:url';

const at = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export const ENTRIES = {
  seed: at('../devtools/seeder/seed.main.ts'),
  region: at('../subgraphs/region/region.main.ts'),
  bureau: at('../subgraphs/cities/bureau.main.ts'),
  legacyStandIn: at('../devtools/legacy-stand-in/legacyStandIn.main.ts'),
  gateway: at('../gateway/server/gateway.main.ts'),
  plainGateway: at('./plainApolloGateway.ts'),
  hiveGateway: at('./hiveGateway.ts'),
  replayBureaus: at('./replayBureaus.ts'),
  passThrough: at('./passThroughProxy.ts'),
} as const;
