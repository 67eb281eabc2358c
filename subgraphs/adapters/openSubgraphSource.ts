/**
 * Resolves a subgraph's effective source (its config file's `source.kind`, after loadSubgraphConfig
 * applied the environment: a server kind without a URL arrives as 'sqlite') to the adapter that
 * implements it. Adding a kind = one schema entry in subgraphConfigSchema.ts + one case here.
 * The server adapters are imported on demand: loading `pg` and `mysql2` costs each process about
 * 180 ms and 20 MB, which the embedded-store processes of `npm start` need not pay.
 */
import type { Kysely } from 'kysely';
import type { SubgraphConfig } from '../config/loadSubgraphConfig.ts';
import type { BureauSource } from '../kit/ports.ts';
import type { RegionSource } from '../region/ports.ts';
import { openSqliteBureauSource, openSqliteRegionSource } from './sqlite/index.ts';

export async function openBureauSource(config: SubgraphConfig): Promise<BureauSource> {
  const { source, origin: cityCode } = config;
  switch (source.kind) {
    case 'sqlite':
      return openSqliteBureauSource({ path: source.file, cityCode, fileMustExist: true });
    case 'postgres':
      return (await import('./postgres/index.ts')).openPostgresBureauSource({ url: source.url, cityCode });
    case 'mysql':
      return (await import('./mysql/index.ts')).openMysqlBureauSource({ url: source.url, cityCode });
  }
}

export async function openRegionSource(config: SubgraphConfig): Promise<RegionSource> {
  const { source, origin: cityCode } = config;
  switch (source.kind) {
    case 'sqlite':
      return openSqliteRegionSource({ path: source.file, cityCode, fileMustExist: true });
    case 'postgres':
      return (await import('./postgres/index.ts')).openPostgresRegionSource({ url: source.url, cityCode });
    case 'mysql':
      return (await import('./mysql/index.ts')).openMysqlRegionSource({ url: source.url, cityCode });
  }
}

/**
 * The migrated database behind a server source, for writing into it (seedServerStores.ts); null for
 * the embedded store, which `npm run seed` writes. The caller owns the result.
 */
export async function openServerStore<DB>(config: SubgraphConfig, store: 'bureau' | 'region'): Promise<Kysely<DB> | null> {
  const { source, origin: cityCode } = config;
  switch (source.kind) {
    case 'sqlite':
      return null;
    case 'postgres':
      return (await import('./postgres/index.ts')).openMigratedPostgresStore<DB>({ url: source.url, cityCode }, store);
    case 'mysql':
      return (await import('./mysql/index.ts')).openMigratedMysqlStore<DB>({ url: source.url, cityCode }, store);
  }
}
