/** Process entry of one bureau's subgraph: `tsx subgraphs/cities/bureau.main.ts <code>`. */
import { startBureauIngest } from '../adapters/hj212-ingest/startBureauIngest.ts';
import { openBureauSource } from '../adapters/openSubgraphSource.ts';
import { loadBureauConfig } from '../config/loadSubgraphConfig.ts';
import { createCitySubgraph } from '../kit/createCitySubgraph.ts';
import { runSubgraphProcess } from '../kit/runSubgraphProcess.ts';

await runSubgraphProcess({
  config: () => loadBureauConfig(process.argv[2] ?? ''),
  open: openBureauSource,
  create: createCitySubgraph,
  services: startBureauIngest,
});
