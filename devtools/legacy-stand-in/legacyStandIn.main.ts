/**
 * Process entry of the simulated legacy system:
 *   tsx devtools/legacy-stand-in/legacyStandIn.main.ts [--port N] [--data FILE] [--fault-rate 0.05] …
 * (options in parseLegacyServiceOptions.ts). Prints "<name> ready at <url>" once it listens, the
 * same line the launcher waits for from subgraphs; stops on SIGINT/SIGTERM.
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { createLegacyServer } from './createLegacyServer.ts';
import { buildLegacyDataset } from './LegacyDataset.ts';
import { loadLegacySourceData } from './loadLegacySourceData.ts';
import { parseLegacyServiceOptions } from './parseLegacyServiceOptions.ts';

/** Exit code for "I printed why" (the launcher's convention for setup failures). */
const EXIT_SETUP_FAILED = 78;

try {
  const options = parseLegacyServiceOptions(process.argv.slice(2), process.env);
  const dataset = buildLegacyDataset(await loadLegacySourceData(options.data, options.cityCode));
  const server = createLegacyServer({
    dataset, latencyMs: options.latencyMs, rate: options.faultRate,
    ...(options.faultSeed !== undefined && { seed: options.faultSeed }),
  });
  server.listen(options.port, options.host);
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  console.log(`legacy-service ${options.cityCode} ready at http://${options.host}:${port}`);
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  console.error(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  process.exit(EXIT_SETUP_FAILED);
}
