/**
 * The gateway's structured JSON log: pino on stderr (stdout carries the "ready" line the launcher
 * waits for), one line per event, ISO time, level as a word. Events keep the shape the gateway has
 * always logged, `{ level, msg, ...fields }`, so registry and request events read the same.
 *
 * Lines are written in batches (issue 13: one write per request line was a measurable part of the
 * gateway's own cost): up to BATCH_BYTES are buffered and written together, and whatever is
 * buffered is written at least every FLUSH_EVERY_MS, so a quiet gateway's last lines do not wait
 * for more. `flush()` writes the rest on shutdown (gateway.main.ts awaits it before exiting), and
 * pino writes it synchronously on any other exit of the process.
 */
import { pino, type DestinationStream } from 'pino';
import type { GatewayLog } from './createGateway.ts';

const LEVELS = new Set(['trace', 'debug', 'info', 'warn', 'error', 'fatal']);
/** About 15 request lines per write. */
const BATCH_BYTES = 4_096;
/** The longest a line waits in the buffer. */
const FLUSH_EVERY_MS = 1_000;

export type GatewayLogger = GatewayLog & {
  /**
   * Resolves once every line logged so far has been written. Never rejects: after the write, pino
   * fsyncs, which a pipe or terminal refuses (EINVAL), and a log that cannot be written has nowhere
   * to report it; shutdown goes on either way.
   */
  readonly flush: () => Promise<void>;
};

/** A file descriptor (standard error by default) or a file path, written in batches. */
export function batchedDestination(dest: number | string = 2): ReturnType<typeof pino.destination> {
  return pino.destination({ dest, sync: false, minLength: BATCH_BYTES, periodicFlush: FLUSH_EVERY_MS });
}

export function createGatewayLogger(destination: DestinationStream = batchedDestination()): GatewayLogger {
  const logger = pino({
    base: { origin: 'gateway' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    // Defence in depth: no event should carry these, but a stray one must not leak a token.
    redact: { paths: ['authorization', '*.authorization', 'headers', 'variables'], remove: true },
  }, destination);
  const log: GatewayLog = (event) => {
    const { level, msg, ...fields } = event;
    const method = typeof level === 'string' && LEVELS.has(level) ? (level as 'info') : 'info';
    logger[method](fields, typeof msg === 'string' ? msg : undefined);
  };
  return Object.assign(log, {
    flush: () => new Promise<void>((resolve) => logger.flush(() => resolve())),
  });
}
