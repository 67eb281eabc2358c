/** Process entry of one bureau's subgraph: `tsx subgraphs/cities/bureau.main.ts <code>`. */
import { startBureauIngest } from '../adapters/hj212-ingest/startBureauIngest.ts';
import { openBureauSource } from '../adapters/openSubgraphSource.ts';
import { loadBureauConfig } from '../config/loadSubgraphConfig.ts';
import { createCitySubgraph } from '../kit/createCitySubgraph.ts';
import { runSubgraphProcess } from '../kit/runSubgraphProcess.ts';
import { loadGatewayLink } from '../config/loadGatewayLink.ts';
import { createRegionDirectory } from '../kit/cooperation/createRegionDirectory.ts';
import { createResourceDirectory } from '../kit/cooperation/createResourceDirectory.ts';

await runSubgraphProcess({
  config: () => loadBureauConfig(process.argv[2] ?? ''),
  open: openBureauSource,
  // Incidents ask the gateway for the region's rivers and sections (ECOGRAPH_GATEWAY_URL), as the region does;
  // resource requests ask it whether the responder has the resources.
  create: (source, log) => {
    const link = loadGatewayLink();
    return createCitySubgraph(source, log, { directory: createRegionDirectory(link), resources: createResourceDirectory(link) });
  },
  services: startBureauIngest,
});
