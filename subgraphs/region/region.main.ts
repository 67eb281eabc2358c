/** Process entry of the region subgraph: `tsx subgraphs/region/region.main.ts`. */
import { openRegionSource } from '../adapters/openSubgraphSource.ts';
import { loadRegionConfig } from '../config/loadSubgraphConfig.ts';
import { runSubgraphProcess } from '../kit/runSubgraphProcess.ts';
import { createGatewayCityData } from './createGatewayCityData.ts';
import { createGatewayPost } from './createGatewayPost.ts';
import { createRegionSubgraph } from './createRegionSubgraph.ts';
import { loadGatewayLink } from '../config/loadGatewayLink.ts';

await runSubgraphProcess({
  config: () => loadRegionConfig(),
  open: openRegionSource,
  create: (source, log) => createRegionSubgraph(source, log, createGatewayCityData(createGatewayPost(loadGatewayLink()))),
});
