import type { CityLoaders } from './createLoaders.ts';
import type { BureauSource } from './ports.ts';
import type { ForwardedCaller } from '../../schema/gateway-token/ForwardedCaller.ts';

/** What every resolver of a bureau's subgraph receives; one per request. */
export interface CityContext {
  readonly cityCode: string;
  readonly source: BureauSource;
  readonly loaders: CityLoaders;
  /** Whom this request serves, as the gateway's token says: row access decides from it alone. */
  readonly caller: ForwardedCaller;
}
