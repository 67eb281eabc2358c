import type { Hj212RejectCode } from './Hj212RejectCode.ts';

/** One structured log line of the ingest. `peer` is the device's `address:port`. */
export type Hj212IngestLogEvent =
  | {
    readonly level: 'warn';
    readonly event: 'hj212.rejected';
    readonly code: Hj212RejectCode;
    readonly reason: string;
    readonly peer: string;
    readonly mn?: string;
    readonly cn?: string;
    readonly qn?: string | null;
  }
  | { readonly level: 'info'; readonly event: 'hj212.garbage'; readonly bytes: number; readonly peer: string }
  | { readonly level: 'error'; readonly event: 'hj212.store_failed'; readonly rows: number; readonly error: string }
  /** A bug in the ingest while handling one frame; the frame is lost, the connection goes on. */
  | { readonly level: 'error'; readonly event: 'hj212.internal_error'; readonly peer: string; readonly error: string }
  | { readonly level: 'warn'; readonly event: 'hj212.log_suppressed'; readonly lines: number };

export type Hj212IngestLog = (event: Hj212IngestLogEvent) => void;

/** Writes each event as one JSON line with an ISO time (the default sink is stderr). */
export function jsonLineLog(write: (line: string) => void, now: () => number = Date.now): Hj212IngestLog {
  return (event) => write(`${JSON.stringify({ time: new Date(now()).toISOString(), ...event })}\n`);
}
