/** The cooperation part's figures, as printed and as written to bench/results/latest.json. */
import type { Measurement } from '../measureTarget.ts';

/** Latency percentiles in ms over `count` samples. */
export interface Percentiles {
  readonly count: number;
  readonly p50Ms: number;
  readonly p90Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

export interface WriteVsRead {
  /** reportIncident with a fresh idempotency key per request, one connection. */
  readonly write: Measurement;
  /** node(id) of one of those incidents, the same fields, one connection. */
  readonly read: Measurement;
}

export interface NoticeLatency {
  readonly incidents: number;
  /** From reportIncident answered at the gateway to the notice listed in the recipient's inbox, per recipient. */
  readonly byRecipient: Readonly<Record<string, Percentiles>>;
  /** How often each inbox was asked (the resolution of the figures above). */
  readonly pollIntervalMs: number;
}

export interface BacklogDrain {
  readonly sender: string;
  readonly recipient: string;
  readonly messages: number;
  /** How the backlog was written. */
  readonly writtenBy: string;
  readonly writeSeconds: number;
  /** From the recipient ready again to the first message in its inbox (the pair's backoff, mostly). */
  readonly firstDeliveryAfterMs: number;
  /** From the first to the last message in the recipient's inbox (its own clock). */
  readonly drainMs: number;
  /** From the recipient ready again to the last message marked DELIVERED at the sender. */
  readonly allDeliveredAfterMs: number;
  /** messages ÷ drain time. */
  readonly drainPerSecond: number;
  /** messages ÷ time from the recipient ready to all DELIVERED. */
  readonly overallPerSecond: number;
  /**
   * CPU ms per delivered message from the recipient ready to all DELIVERED, by process (gateway,
   * sender, recipient, loadGenerator = the bench polling): unlike the rates, hardly changed by
   * other work on the machine. Null off Linux.
   */
  readonly cpuMsPerMessage: Record<string, number> | null;
  /** Share of all cores that processes outside the bench used meanwhile. */
  readonly otherCpuShare: number | null;
  /** What the stores hold afterwards; all must hold for the figures to count. */
  readonly checks: {
    /** As many messages arrived after the restart as were pending before it. */
    readonly allArrived: boolean;
    readonly allMarkedDelivered: boolean;
    /** The inbox's sequences from this sender are 1…n, each once, in the order written. */
    readonly inboxSequencesContiguous: boolean;
    /** The inbox holds exactly the outbox's message ids. */
    readonly sameMessages: boolean;
  };
}

export interface CooperationResult {
  readonly relaySettings: string;
  readonly writeVsRead: WriteVsRead | null;
  readonly noticeLatency: NoticeLatency | null;
  readonly backlog: BacklogDrain | null;
}
