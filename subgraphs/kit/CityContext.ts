import type { CityLoaders } from './createLoaders.ts';
import type { BureauSource } from './ports.ts';

/** What every resolver of a bureau's subgraph receives; one per request. */
export interface CityContext {
  readonly cityCode: string;
  readonly source: BureauSource;
  readonly loaders: CityLoaders;
}
