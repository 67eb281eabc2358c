/**
 * The gateway's structured JSON log: pino on stderr (stdout carries the "ready" line the launcher
 * waits for), one line per event, ISO time, level as a word. Events keep the shape the gateway has
 * always logged, `{ level, msg, ...fields }`, so registry and request events read the same.
 */
import { pino, type DestinationStream } from 'pino';
import type { GatewayLog } from './createGateway.ts';

const LEVELS = new Set(['trace', 'debug', 'info', 'warn', 'error', 'fatal']);

export function createGatewayLogger(destination: DestinationStream = pino.destination(2)): GatewayLog {
  const logger = pino({
    base: { origin: 'gateway' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    // Defence in depth: no event should carry these, but a stray one must not leak a token.
    redact: { paths: ['authorization', '*.authorization', 'headers', 'variables'], remove: true },
  }, destination);
  return (event) => {
    const { level, msg, ...fields } = event;
    const method = typeof level === 'string' && LEVELS.has(level) ? (level as 'info') : 'info';
    logger[method](fields, typeof msg === 'string' ? msg : undefined);
  };
}
