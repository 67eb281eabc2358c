import type { SubgraphClient } from '../transport/createSubgraphClient.ts';

/**
 * A bureau whose event stream the gateway follows, as the registry gives it (CityRegistry.followedBureaus):
 * its client on the transport seam every bureau request goes through, its deadline, and fresh headers
 * signed for it as the gateway itself (role `gateway`, the only role its event route admits).
 */
export interface FollowedBureau {
  readonly code: string;
  readonly client: SubgraphClient;
  /** The bureau's own deadline (ms); a held pull may take its waitMs on top. */
  readonly timeoutMs: number;
  headers(): Record<string, string>;
  /**
   * Told when a pull answers after failed ones (the bureau is back), before that answer's events are
   * handed on: the bureau answers signed requests again, as a registry check that sees it up would
   * tell, so its circuit closes now instead of after the next check or its cooldown, and the graph
   * queries those events start are not refused CITY_UNAVAILABLE for the very bureau that sent them.
   */
  answered(): void;
}
