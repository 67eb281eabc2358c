/** Entry modules of the processes the bench starts (absolute paths, whatever the cwd). */
import { fileURLToPath } from 'node:url';

const at = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export const ENTRIES = {
  seed: at('../subgraphs/seeding/main.ts'),
  region: at('../subgraphs/region/main.ts'),
  bureau: at('../subgraphs/cities/main.ts'),
  legacyStandIn: at('../subgraphs/legacy-service/main.ts'),
  gateway: at('../gateway/server/main.ts'),
  plainGateway: at('./plainApolloGateway.ts'),
} as const;
