import { setTimeout as sleep } from 'node:timers/promises';
import { Pool, type Dispatcher } from 'undici';
import type { CityCode } from '../../kit/model.ts';
import type { BureauSource } from '../../kit/ports.ts';
import { LegacyCasesPort } from './LegacyCasesPort.ts';
import { LegacyClient, type LegacyAttemptEvent } from './LegacyClient.ts';
import type { LegacyContext } from './LegacyContext.ts';
import { LegacyEmergencyPort } from './LegacyEmergencyPort.ts';
import { LegacyMonitoringPort } from './LegacyMonitoringPort.ts';
import { LegacyProjectsPort } from './LegacyProjectsPort.ts';

export interface LegacyHttpSourceOptions {
  /** Base URL of the legacy system, e.g. 'http://127.0.0.1:4516' (a path prefix is kept). */
  readonly url: string;
  readonly cityCode: CityCode;
  /** Deadline of one attempt (connect, headers and body), ms. @default 800 */
  readonly timeoutMs?: number;
  /** Further attempts after a timeout, a dropped connection or a 5xx. @default 2 */
  readonly retries?: number;
  /** First backoff, ms; each retry doubles it, with jitter. @default 50 */
  readonly backoffMs?: number;
  /** Keep-alive connections of the default pool. @default 8 */
  readonly connections?: number;
  /** Requests one port call keeps in flight (pages, id chunks, windows). @default 4 */
  readonly concurrency?: number;
  /** Rows one call may read (a scan, or a walk to a deep page). @default 20000 */
  readonly maxScanRows?: number;
  /** Largest answer accepted, bytes. @default 4 MiB */
  readonly maxBodyBytes?: number;
}

/** The seams, injectable for tests: everything here has a working default. */
export interface LegacyHttpSourceContext {
  /** @default a keep-alive undici Pool on the URL's origin, owned (and closed) by the source */
  readonly dispatcher?: Dispatcher;
  /** @default timers/promises setTimeout */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Jitter source. @default Math.random */
  readonly random?: () => number;
  /** @default performance.now */
  readonly now?: () => number;
  /** Called after every request attempt. @default none */
  readonly onAttempt?: (event: LegacyAttemptEvent) => void;
}

/**
 * A bureau's ports over its legacy JSON/HTTP system (511600 广安市 in this federation): maps the
 * system's pinyin-keyed rows, code tables and CST wall-clock times onto the contract's records,
 * implements keyset lists on top of its page/pageSize paging, and batches id lookups into its
 * `…/batch?ids=` endpoints. Failures surface as CitySourceError (TIMEOUT, CONNECT, PROTOCOL, FAILED)
 * after bounded retries of these reads.
 */
export class LegacyHttpBureauSource implements BureauSource {
  readonly cityCode: CityCode;
  readonly projects: LegacyProjectsPort;
  readonly monitoring: LegacyMonitoringPort;
  readonly cases: LegacyCasesPort;
  readonly emergency: LegacyEmergencyPort;
  private readonly client: LegacyClient;
  private readonly ownedPool: Pool | null;
  private closing: Promise<void> | null = null;

  constructor(options: LegacyHttpSourceOptions, context: LegacyHttpSourceContext = {}) {
    const url = new URL(options.url);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError(`legacy system URL must be http(s), got ${url.protocol}`);
    const timeoutMs = options.timeoutMs ?? 800;
    this.cityCode = options.cityCode;
    this.ownedPool = context.dispatcher === undefined
      ? new Pool(url.origin, {
        connections: options.connections ?? 8,
        connectTimeout: timeoutMs,
        // Below the old system's own 20 s idle close, so we rarely send on a socket it is closing.
        keepAliveTimeout: 10_000,
      })
      : null;
    this.client = new LegacyClient({
      origin: url.origin,
      basePath: url.pathname.replace(/\/+$/, ''),
      cityCode: options.cityCode,
      dispatcher: context.dispatcher ?? (this.ownedPool as Pool),
      timeoutMs,
      retries: options.retries ?? 2,
      backoffMs: options.backoffMs ?? 50,
      maxBodyBytes: options.maxBodyBytes ?? 4 * 1024 * 1024,
      sleep: context.sleep ?? ((ms) => sleep(ms)),
      random: context.random ?? Math.random,
      now: context.now ?? (() => performance.now()),
      onAttempt: context.onAttempt,
    });
    const ctx: LegacyContext = {
      client: this.client,
      cityCode: options.cityCode,
      concurrency: options.concurrency ?? 4,
      maxScanRows: options.maxScanRows ?? 20_000,
    };
    this.projects = new LegacyProjectsPort(ctx);
    this.monitoring = new LegacyMonitoringPort(ctx);
    this.cases = new LegacyCasesPort(ctx);
    this.emergency = new LegacyEmergencyPort(ctx);
  }

  /** Pings the system (`/api/v1/ping`), with the same retries as any read. */
  async health(): Promise<void> {
    await this.client.get('/api/v1/ping', {}, 'health check');
  }

  /** Closes the pool it created (once; later calls wait for the same close); an injected dispatcher belongs to the caller. */
  close(): Promise<void> {
    this.client.markClosed();
    this.closing ??= this.ownedPool === null ? Promise.resolve() : this.ownedPool.close();
    return this.closing;
  }
}
