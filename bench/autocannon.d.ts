/**
 * The slice of autocannon 9's programmatic API the bench uses. autocannon ships no types and the
 * repo may not add @types packages, so this declares only what bench/ calls.
 */
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  export interface AutocannonOptions {
    url: string;
    method?: 'GET' | 'POST';
    headers?: Record<string, string>;
    body?: string;
    connections?: number;
    /** Seconds. */
    duration?: number;
    /** Seconds. */
    timeout?: number;
    pipelining?: number;
    /** Every response body (a string) goes through this; a falsy return counts as a mismatch. */
    verifyBody?: (body: string) => boolean;
    /** Requests sent in turn; one with `setupRequest` is rebuilt by it before every send. */
    requests?: Array<{ setupRequest?: (request: Record<string, unknown>) => Record<string, unknown> }>;
  }

  export interface AutocannonResult {
    /** Seconds, as measured by autocannon. */
    duration: number;
    errors: number;
    timeouts: number;
    mismatches: number;
    non2xx: number;
    resets: number;
    '2xx': number;
    requests: { average: number; total: number; sent: number };
  }

  export interface AutocannonInstance extends EventEmitter, PromiseLike<AutocannonResult> {
    stop(): void;
    /** `responseTime` is in milliseconds with sub-millisecond precision. */
    on(event: 'response', listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void): this;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }

  function autocannon(options: AutocannonOptions): AutocannonInstance;
  export default autocannon;
}
