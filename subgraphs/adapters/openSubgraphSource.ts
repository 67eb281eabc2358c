/**
 * Resolves a subgraph's configured source (`source.kind` in its config file) to the adapter that
 * implements it. Adding a kind = one schema entry in subgraphConfigSchema.ts + one case here.
 */
import type { SubgraphConfig } from '../config/loadSubgraphConfig.ts';
import type { BureauSource } from '../kit/ports.ts';
import type { RegionSource } from '../region/ports.ts';
import { openSqliteBureauSource, openSqliteRegionSource } from './sqlite/index.ts';

export function openBureauSource(config: SubgraphConfig): Promise<BureauSource> {
  switch (config.source.kind) {
    case 'sqlite':
      return openSqliteBureauSource({ path: config.source.file, cityCode: config.origin, fileMustExist: true });
  }
}

export function openRegionSource(config: SubgraphConfig): Promise<RegionSource> {
  switch (config.source.kind) {
    case 'sqlite':
      return openSqliteRegionSource({ path: config.source.file, cityCode: config.origin, fileMustExist: true });
  }
}
