import type { CityCode } from '../../kit/model.ts';
import type { LegacyClient } from './LegacyClient.ts';

/** What every port of the legacy adapter shares. */
export interface LegacyContext {
  readonly client: LegacyClient;
  readonly cityCode: CityCode;
  /** Requests one port call may have in flight (pages, id chunks, windows). */
  readonly concurrency: number;
  /** Rows one call may read to answer (a scan or a walk to a deep page). */
  readonly maxScanRows: number;
}
