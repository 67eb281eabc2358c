/**
 * `npm start`: the whole federation on this machine. Checks every port first, generates the data on
 * the first run (kept in data/ for the next), starts the region and every bureau as their own
 * processes, and prints where each one answers. Ctrl-C stops them all.
 */
import { fileURLToPath } from 'node:url';
import { listBureauCodes } from '../config/listBureauCodes.ts';
import { ConfigError, loadBureauConfig, loadRegionConfig, type SubgraphConfig } from '../config/loadSubgraphConfig.ts';
import { ensureSeeded } from '../seeding/ensureSeeded.ts';
import { findBusyPorts } from './checkPortsFree.ts';
import { ChildService } from './ChildService.ts';

const READY_TIMEOUT_MS = 60_000;
const entryOf = (path: string) => fileURLToPath(new URL(path, import.meta.url));

async function main(): Promise<number> {
  const started = Date.now();
  let configs: { config: SubgraphConfig; entry: string; args: string[] }[];
  try {
    configs = [
      { config: loadRegionConfig(), entry: entryOf('../region/main.ts'), args: [] },
      ...listBureauCodes().map((code) => ({ config: loadBureauConfig(code), entry: entryOf('../cities/main.ts'), args: [code] })),
    ];
  } catch (error) {
    if (error instanceof ConfigError) return fail(error.message);
    throw error;
  }

  const busy = await findBusyPorts(configs.map(({ config }) => config));
  if (busy.length > 0) {
    return fail(busy.map((c) => `Port ${c.port} (${c.name}) is already in use on ${c.host}.`).join('\n') +
      '\nStop whatever holds it (an earlier `npm start`?) or change the port in its config file.');
  }

  await ensureSeeded({ progress: process.stdout });

  const services = configs.map(({ config, entry, args }) => new ChildService({
    name: config.origin,
    entry,
    args,
    healthUrl: `http://${config.host}:${config.port}/health`,
  }));
  let stopping = false;
  const stopAll = async () => {
    stopping = true;
    await Promise.all(services.map((s) => s.stop()));
  };
  process.on('SIGINT', () => void stopAll().then(() => process.exit(0)));
  process.on('SIGTERM', () => void stopAll().then(() => process.exit(0)));

  const results = await Promise.allSettled(services.map((s) => s.ready(READY_TIMEOUT_MS)));
  const failures = results.flatMap((r, i) => (r.status === 'rejected' ? [`${configs[i]!.config.name}: ${(r.reason as Error).message}`] : []));
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
  for (const { config } of configs) {
    console.log(`  ${config.name.padEnd(24)} http://${config.host}:${config.port}/graphql`);
  }
  console.log('\nPress Ctrl-C to stop.');
  return -1; // keep running
}

function fail(message: string): number {
  console.error(message);
  return 1;
}

const code = await main();
if (code >= 0) process.exit(code);
