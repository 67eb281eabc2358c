import type { CityLoaders } from './createLoaders.ts';
import type { BureauSource } from './ports.ts';
import type { ForwardedCaller } from '../../schema/gateway-token/ForwardedCaller.ts';
import type { CooperationContext } from './cooperation/CooperationContext.ts';

/** What every resolver of a bureau's subgraph receives; one per request. */
export interface CityContext {
  readonly cityCode: string;
  readonly source: BureauSource;
  readonly loaders: CityLoaders;
  /** Whom this request serves, as the gateway's token says: row access decides from it alone. */
  readonly caller: ForwardedCaller;
  /** The request's id (x-request-id), recorded in the audit trail of every write. */
  readonly requestId: string;
  /** The verified gateway token of this request: the credential of the bureau's callbacks to the gateway. */
  readonly gatewayToken: string | null;
  /** Null when the bureau keeps no cooperation store (in-process test sources): the cooperation fields then fail. */
  readonly cooperation: CooperationContext | null;
}
