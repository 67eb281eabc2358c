/**
 * `npm start`: the whole federation on this machine. Checks every port first, generates the data on
 * the first run (kept in data/ for the next), starts the region and every bureau as their own
 * processes, then the gateway once they answer, and prints where each one answers. Ctrl-C stops
 * them all.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listBureauCodes } from '../../subgraphs/config/listBureauCodes.ts';
import { dataDir, loadBureauConfig, loadRegionConfig, type SubgraphConfig } from '../../subgraphs/config/loadSubgraphConfig.ts';
import { loadGatewayConfig } from '../../gateway/config/loadGatewayConfig.ts';
import { ensureGatewayKeyPair } from '../dev-keys/ensureGatewayKeyPair.ts';
import { devIssuerEnv, ensureDevIssuer } from '../dev-keys/devIssuer.ts';
import { buildIde } from '../../gateway/ide/buildIde.ts';
import { buildBoard } from '../../gateway/board/buildBoard.ts';
import { ensureSeeded } from '../seeder/ensureSeeded.ts';
import { findBusyPorts } from './checkPortsFree.ts';
import { ChildService } from './ChildService.ts';
import { formatUrlTable } from './formatUrlTable.ts';

const READY_TIMEOUT_MS = 60_000;
const entryOf = (path: string) => fileURLToPath(new URL(path, import.meta.url));

async function main(): Promise<number> {
  const started = Date.now();
  let configs: { config: SubgraphConfig; entry: string; args: string[] }[];
  let gatewayConfig;
  // The gateway's key pair, made on the first run and kept: the gateway signs every request to a
  // subgraph with the private key, and every subgraph refuses what the public key does not verify.
  const keys = ensureGatewayKeyPair(join(dataDir(), 'keys'));
  // And development mode with the development caller-token issuer (`npm run token` signs with it).
  const gatewayKeyEnv = { ECOGRAPH_GATEWAY_SIGNING_KEY: keys.privateKeyPath, ...devIssuerEnv(await ensureDevIssuer(dataDir())) };
  const subgraphKeyEnv = { ECOGRAPH_GATEWAY_PUBLIC_KEY: keys.publicKeyPath };
  try {
    configs = [
      { config: loadRegionConfig(), entry: entryOf('../../subgraphs/region/region.main.ts'), args: [] },
      ...listBureauCodes().map((code) => ({ config: loadBureauConfig(code), entry: entryOf('../../subgraphs/cities/bureau.main.ts'), args: [code] })),
    ];
    gatewayConfig = loadGatewayConfig({ ...process.env, ...gatewayKeyEnv });
  } catch (error) {
    if (error instanceof Error && /ConfigError$/.test(error.name)) return fail(error.message);
    throw error;
  }
  const gatewayClaim = { name: 'gateway', host: gatewayConfig.host, port: gatewayConfig.port };

  const legacy = configs.flatMap(({ config }) => (config.source.kind === 'legacy-http' ? [{ config, url: new URL(config.source.url) }] : []))
    .filter(({ url }) => url.hostname === '127.0.0.1' || url.hostname === 'localhost');
  const legacyClaims = legacy.map(({ config, url }) => ({ name: `${config.name} legacy system (simulated)`, host: url.hostname, port: Number(url.port) }));
  const ingestClaims = configs.flatMap(({ config }) =>
    config.hj212 ? [{ name: `${config.name} HJ 212 ingest`, host: config.hj212.host, port: config.hj212.port }] : []);
  const busy = await findBusyPorts([gatewayClaim, ...configs.map(({ config }) => config), ...ingestClaims, ...legacyClaims]);
  if (busy.length > 0) {
    return fail(busy.map((c) => `Port ${c.port} (${c.name}) is already in use on ${c.host}.`).join('\n') +
      '\nStop whatever holds it (an earlier `npm start`?) or change the port in its config file.');
  }

  // The analysts' IDE (the gateway serves it at /) is rebuilt meanwhile if its sources changed. A
  // failed build does not stop the federation: the gateway still serves GraphQL, and / says how to build.
  const ideBuild = buildIde().then((build) => build.summary, (error: unknown) =>
    `IDE not built (${error instanceof Error ? error.message : String(error)}); run npm run build:ide`);
  // The situation board (/board) likewise, after the IDE (one Vite build at a time on a small machine).
  const boardBuild = ideBuild.then(() => buildBoard()).then((build) => build.summary, (error: unknown) =>
    `Situation board not built (${error instanceof Error ? error.message : String(error)}); run npm run build:board`);
  await ensureSeeded({ progress: process.stdout });

  // Stand-ins for the bureaus' legacy web services, serving the data seeded into their stores.
  const standIns = legacy.map(({ config, url }) => new ChildService({
    name: `${config.origin}-legacy`,
    entry: entryOf('../legacy-stand-in/legacyStandIn.main.ts'),
    args: ['--port', url.port, '--host', url.hostname, '--city', config.origin, '--data', config.source.file],
    healthUrl: `${url.origin}/api/v1/ping`,
  }));
  const services = [...standIns, ...configs.map(({ config, entry, args }) => new ChildService({
    name: config.origin,
    entry,
    args,
    healthUrl: `http://${config.host}:${config.port}/health`,
    env: subgraphKeyEnv, // the public key only: a subgraph can verify gateway tokens, never make one
  }))];
  let stopping = false;
  const stopAll = async () => {
    stopping = true;
    await Promise.all(services.map((s) => s.stop()));
  };
  process.on('SIGINT', () => void stopAll().then(() => process.exit(0)));
  process.on('SIGTERM', () => void stopAll().then(() => process.exit(0)));

  const results = await Promise.allSettled(services.map((s) => s.ready(READY_TIMEOUT_MS)));
  const failures = results.flatMap((r, i) => (r.status === 'rejected' ? [`${services[i]!.spec.name}: ${(r.reason as Error).message}`] : []));
  if (failures.length === 0) {
    console.log(await ideBuild);
    console.log(await boardBuild);
    // The gateway starts last: at start it checks every bureau's schema against the contract.
    const gateway = new ChildService({
      name: 'gateway',
      entry: entryOf('../../gateway/server/gateway.main.ts'),
      args: [],
      healthUrl: `http://${gatewayConfig.host}:${gatewayConfig.port}/readyz`,
      env: gatewayKeyEnv,
    });
    services.push(gateway);
    await gateway.ready(READY_TIMEOUT_MS).catch((error: Error) => failures.push(`gateway: ${error.message}`));
    // Field devices of the bureaus whose system is an HJ 212 platform (ECOGRAPH_HJ212_SIMULATE=off: none).
    if (process.env['ECOGRAPH_HJ212_SIMULATE'] !== 'off') {
      for (const { config } of configs.filter(({ config }) => config.hj212)) {
        services.push(new ChildService({
          name: `${config.origin}-stations`,
          entry: entryOf('../hj212-simulator/simulator.main.ts'),
          args: [config.origin],
          healthUrl: null,
        }));
      }
    }
  }
  if (failures.length > 0) {
    await stopAll();
    return fail(`Could not start the federation:\n  ${failures.join('\n  ')}`);
  }
  for (const s of services) {
    s.onExit((code) => {
      if (!stopping) console.error(`${s.spec.name} stopped unexpectedly (exit code ${code}); the others keep serving.`);
    });
  }

  console.log(`\nFederation ready in ${((Date.now() - started) / 1000).toFixed(1)} s:`);
  const table = formatUrlTable([
    ['gateway (one graph)', `http://${gatewayConfig.host}:${gatewayConfig.port}/graphql`],
    ["analysts' IDE 分析人员 IDE", `http://${gatewayConfig.host}:${gatewayConfig.port}/`],
    ...configs.map(({ config }) => [config.name, `http://${config.host}:${config.port}/graphql`] as const),
  ]);
  for (const line of table) console.log(line);
  console.log('\nPress Ctrl-C to stop.');
  return -1; // keep running
}

function fail(message: string): number {
  console.error(message);
  return 1;
}

const code = await main();
if (code >= 0) process.exit(code);
