/**
 * `npx tsx devtools/seeder/seedServers.main.ts [--force]`: puts the generated demo world into
 * every PostgreSQL/MySQL store that has a URL configured (ECOGRAPH_PG_URL_<code>,
 * ECOGRAPH_MYSQL_URL_<code>), with the seed and scale of `npm run seed` (ECOGRAPH_SEED,
 * ECOGRAPH_SCALE). `npm run seed` and `npm start` write embedded stores only: a subgraph with a
 * server URL serves that database as it is, so seeding one is this explicit step. A store already
 * holding the same world is left alone; one holding rows this seeder did not write (a bureau's real
 * data) is refused unless --force.
 */
import type { Kysely } from 'kysely';
import { listBureauCodes } from '../../subgraphs/config/listBureauCodes.ts';
import { loadSeedConfig } from './loadSeedConfig.ts';
import { ConfigError, loadBureauConfig, loadRegionConfig, type SubgraphConfig } from '../../subgraphs/config/loadSubgraphConfig.ts';
import { generateWorld, GENERATOR_VERSION } from '../demo-world/generateWorld.ts';
import { openServerStore } from '../../subgraphs/adapters/openSubgraphSource.ts';
import type { BureauDatabase, RegionDatabase } from '../../subgraphs/adapters/sql/schema.ts';
import { seedServerStore } from './seedServerStore.ts';
import { writeBureauData } from './writeBureauData.ts';
import { writeRegionData } from './writeRegionData.ts';

const HOUR_MS = 3_600_000;
const BUREAU_TABLES = ['readings', 'project_rivers', 'projects', 'stations', 'cases', 'patrols', 'resources'] as const;
const REGION_TABLES = ['cities', 'rivers', 'sections', 'enterprises'] as const;

async function main(force: boolean): Promise<void> {
  const targets: Array<{ config: SubgraphConfig; isRegion: boolean }> = [
    { config: loadRegionConfig(), isRegion: true },
    ...listBureauCodes().map((code) => ({ config: loadBureauConfig(code), isRegion: false })),
    // Only database servers: a spreadsheet share, a legacy service or an embedded store (a server
    // kind without its URL resolves to 'sqlite') is not this seeder's to write.
  ].filter((t) => t.config.source.kind === 'postgres' || t.config.source.kind === 'mysql');
  if (targets.length === 0) {
    console.log('No subgraph has a server URL configured (ECOGRAPH_PG_URL_<code>, ECOGRAPH_MYSQL_URL_<code>); nothing to seed.');
    return;
  }
  const seedConfig = loadSeedConfig();
  const until = Math.floor(Date.now() / HOUR_MS) * HOUR_MS;
  const world = generateWorld({ seed: seedConfig.seed, scale: seedConfig.scale, until });
  const meta = { generatorVersion: GENERATOR_VERSION, seededAt: Date.now(), details: { ...seedConfig, until } };

  for (const { config, isRegion } of targets) {
    const started = Date.now();
    const outcome = isRegion
      ? await withServerStore<RegionDatabase>(config, 'region', (db) =>
        seedServerStore(db, { tables: REGION_TABLES, meta, force, write: (d) => writeRegionData(d, world.region) }))
      : await withServerStore<BureauDatabase>(config, 'bureau', (db) =>
        seedServerStore(db, { tables: BUREAU_TABLES, meta, force, write: (d) => writeBureau(d, config.origin) }));
    console.log(`${config.name} (${config.source.kind}): ${outcome === 'current' ? 'already seeded' : `seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`}`);
  }

  function writeBureau(db: Kysely<BureauDatabase>, origin: string) {
    const bureau = world.bureaus[origin];
    if (bureau === undefined) throw new ConfigError(`The generator has no data for bureau ${origin}.`);
    return writeBureauData(db, { ...bureau, readingsOf: (station) => bureau.readings(station) });
  }
}

async function withServerStore<DB>(config: SubgraphConfig, store: 'bureau' | 'region', run: (db: Kysely<DB>) => Promise<'current' | 'seeded'>) {
  const db = await openServerStore<DB>(config, store);
  if (db === null) throw new ConfigError(`${config.name} has no server store.`);
  try {
    return await run(db);
  } finally {
    await db.destroy();
  }
}

try {
  await main(process.argv.includes('--force'));
} catch (error) {
  // One line, as `npm run seed` prints: the message, not the stack.
  console.error(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  process.exitCode = 1;
}
