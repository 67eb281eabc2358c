import { HJ212_DEVIATION_LIST, type Hj212Deviation } from '../../hj212-codec/Hj212Deviation.ts';
import type { Hj212IngestStats } from './Hj212IngestStats.ts';
import { HJ212_REJECT_CODE_LIST, type Hj212RejectCode } from './Hj212RejectCode.ts';

type Counted = Exclude<keyof Hj212IngestStats, 'rejected' | 'tolerated' | 'backlog' | 'logsSuppressed'>;

/** The ingest's mutable counters; `Hj212IngestStats` is their snapshot. */
export type IngestCounters = { -readonly [K in Counted]: number } & {
  readonly rejected: Record<Hj212RejectCode, number>;
  readonly tolerated: Record<Hj212Deviation, number>;
};

export function createIngestCounters(): IngestCounters {
  const rejected = Object.create(null) as Record<Hj212RejectCode, number>;
  for (const code of HJ212_REJECT_CODE_LIST) rejected[code] = 0;
  const tolerated = Object.create(null) as Record<Hj212Deviation, number>;
  for (const code of HJ212_DEVIATION_LIST) tolerated[code] = 0;
  return {
    connectionsOpen: 0,
    connectionsTotal: 0,
    frames: 0,
    accepted: 0,
    stored: 0,
    duplicates: 0,
    readingsStored: 0,
    ignored: 0,
    acksSent: 0,
    rejected,
    tolerated,
    garbageBytes: 0,
    storeFailures: 0,
  };
}
