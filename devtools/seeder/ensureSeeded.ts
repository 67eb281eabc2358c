/**
 * First-run data: generates the world once and writes each subgraph's embedded store, so that
 * later starts only open files. A store counts as seeded when its seed marker (written last, after
 * the data) matches the generator version, seed and scale; anything else is regenerated from scratch.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Kysely } from 'kysely';
import { bureauMigrations } from '../../subgraphs/adapters/sql/migrations/bureauMigrations.ts';
import { migrateToLatest } from '../../subgraphs/adapters/sql/migrations/migrateToLatest.ts';
import { regionMigrations } from '../../subgraphs/adapters/sql/migrations/regionMigrations.ts';
import type { MigrationSet } from '../../subgraphs/adapters/sql/migrations/MigrationSet.ts';
import type { BureauDatabase, RegionDatabase, SeedMetaDatabase } from '../../subgraphs/adapters/sql/schema.ts';
import { readSeedMeta, writeSeedMeta, type SeedMeta } from './seedMeta.ts';
import { writeBureauData } from './writeBureauData.ts';
import { writeRegionData } from './writeRegionData.ts';
import { writeSpreadsheetFolder } from './writeSpreadsheetFolder.ts';
import { openSqliteDatabase } from '../../subgraphs/adapters/sqlite/index.ts';
import { listBureauCodes } from '../../subgraphs/config/listBureauCodes.ts';
import { loadSeedConfig, type SeedConfig } from './loadSeedConfig.ts';
import { loadBureauConfig, loadRegionConfig, type SubgraphConfig } from '../../subgraphs/config/loadSubgraphConfig.ts';
import { generateWorld, GENERATOR_VERSION, type World } from '../demo-world/generateWorld.ts';
import { createProgressLine, type ProgressStream } from './createProgressLine.ts';

const HOUR_MS = 3600_000;

export interface EnsureSeededOptions {
  /** Where progress goes (a TTY gets one updating line). */
  readonly progress: ProgressStream;
  /** Regenerate even when every store is current. @default false */
  readonly force?: boolean;
  readonly seedConfig?: SeedConfig;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

interface Store {
  readonly config: SubgraphConfig;
  readonly isRegion: boolean;
}

export async function ensureSeeded(options: EnsureSeededOptions): Promise<{ generated: string[] }> {
  const env = options.env ?? process.env;
  const seedConfig = options.seedConfig ?? loadSeedConfig(env);
  const stores: Store[] = [
    { config: loadRegionConfig(env), isRegion: true },
    ...listBureauCodes().map((code) => ({ config: loadBureauConfig(code, env), isRegion: false })),
  ].filter((s) => EMBEDDED_KINDS.has(s.config.source.kind));

  const stale: Store[] = [];
  for (const store of stores) {
    if (options.force || !matches(await readMeta(store), seedConfig) || !hasExports(store)) stale.push(store);
  }
  if (stale.length === 0) return { generated: [] };

  const line = createProgressLine(options.progress);
  line.update(`Generating data (seed "${seedConfig.seed}", scale ${seedConfig.scale}) for ${stale.map((s) => s.config.origin).join(', ')} …`);
  const until = Math.floor(Date.now() / HOUR_MS) * HOUR_MS;
  const world = generateWorld({ seed: seedConfig.seed, scale: seedConfig.scale, until });
  for (const store of stale) await writeStore(store, world, seedConfig, until, line.update);
  line.done(`Generated data for ${stale.length} stores in ${dirname(stale[0]!.config.source.file)}.`);
  return { generated: stale.map((s) => s.config.origin) };
}

/**
 * Sources whose demo data npm start writes: the embedded store itself, the store the simulated
 * legacy service serves from, and (beside its store, which keeps the seed marker) a spreadsheet
 * folder. A configured PostgreSQL/MariaDB server is the bureau's own (seedServers.main.ts seeds one on request).
 */
const EMBEDDED_KINDS: ReadonlySet<string> = new Set(['sqlite', 'legacy-http', 'spreadsheet']);

function hasExports(store: Store): boolean {
  const { source } = store.config;
  return source.kind !== 'spreadsheet' || existsSync(source.dir);
}

function matches(meta: SeedMeta | null, config: SeedConfig): boolean {
  return meta !== null && meta.generatorVersion === GENERATOR_VERSION &&
    meta.details['seed'] === config.seed && meta.details['scale'] === config.scale;
}

async function readMeta(store: Store): Promise<SeedMeta | null> {
  let db: Kysely<BureauDatabase> | undefined;
  try {
    db = openSqliteDatabase<BureauDatabase>({ path: store.config.source.file, cityCode: store.config.origin, fileMustExist: true });
    return await readSeedMeta(db);
  } catch {
    return null; // missing or unreadable: regenerate
  } finally {
    await db?.destroy();
  }
}

async function writeStore(store: Store, world: World, config: SeedConfig, until: number, report: (text: string) => void) {
  const origin = store.config.origin;
  const meta = { generatorVersion: GENERATOR_VERSION, seededAt: Date.now(), details: { ...config, until } };
  if (store.isRegion) {
    await writeFresh<RegionDatabase>(store, regionMigrations, meta, (db) =>
      writeRegionData(db, world.region, (done) => report(`region: ${done} rows`)));
    return;
  }
  const bureau = world.bureaus[origin];
  if (!bureau) throw new Error(`The generator has no data for bureau ${origin}; add it to devtools/demo-world.`);
  await writeFresh<BureauDatabase>(store, bureauMigrations, meta, async (db) => {
    await writeBureauData(db, { ...bureau, readingsOf: (station) => bureau.readings(station) }, {
      onProgress: (done, total) => report(`${origin}: ${done}${total ? ` / ${total}` : ''} rows`),
    });
    const { source } = store.config;
    if (source.kind === 'spreadsheet') {
      report(`${origin}: writing the spreadsheet exports`);
      rmSync(source.dir, { recursive: true, force: true });
      await writeSpreadsheetFolder(source.dir, bureau, {
        positiveList: world.region.enterprises.filter((e) => e.positiveList?.cityCode === origin),
      });
    }
  });
}

/** Replaces the store file with a migrated, written one; the seed marker goes in last. */
async function writeFresh<DB extends SeedMetaDatabase>(
  store: Store, migrations: MigrationSet, meta: SeedMeta, write: (db: Kysely<DB>) => Promise<unknown>,
): Promise<void> {
  const { file: path } = store.config.source;
  mkdirSync(dirname(path), { recursive: true });
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  const db = openSqliteDatabase<DB>({ path, cityCode: store.config.origin });
  try {
    await migrateToLatest(db, migrations);
    await write(db);
    await writeSeedMeta(db, meta);
  } finally {
    await db.destroy();
  }
}
