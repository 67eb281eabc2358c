/** Process entry of the region subgraph: `tsx subgraphs/region/main.ts`. */
import { openRegionSource } from '../adapters/openSubgraphSource.ts';
import { loadRegionConfig } from '../config/loadSubgraphConfig.ts';
import { runSubgraphProcess } from '../kit/runSubgraphProcess.ts';
import { createRegionSubgraph } from './createRegionSubgraph.ts';

await runSubgraphProcess({ config: () => loadRegionConfig(), open: openRegionSource, create: createRegionSubgraph });
