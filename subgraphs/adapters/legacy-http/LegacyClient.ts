import type { Dispatcher } from 'undici';
import { CitySourceError } from '../../kit/CitySourceError.ts';
import type { CityCode } from '../../kit/model.ts';
import { backoffDelay } from './backoffDelay.ts';
import { classifyEnvelopeCode, classifyStatus, classifyThrown, type AttemptFailure } from './classifyFailure.ts';
import { envelopeSchema, pageSchema, type LegacyPage } from './legacyEnvelope.ts';
import { readBoundedBody } from './readBoundedBody.ts';

/** One request attempt as it ended, for metrics and tests. */
export interface LegacyAttemptEvent {
  readonly path: string;
  /** 1 for the first try. */
  readonly attempt: number;
  readonly durationMs: number;
  readonly outcome: 'ok' | AttemptFailure['code'];
}

export interface LegacyClientOptions {
  readonly origin: string;
  /** Path prefix of the system under its origin, '' or e.g. '/zhpt'. */
  readonly basePath: string;
  readonly cityCode: CityCode;
  readonly dispatcher: Dispatcher;
  readonly timeoutMs: number;
  readonly retries: number;
  readonly backoffMs: number;
  readonly maxBodyBytes: number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly random: () => number;
  readonly now: () => number;
  readonly onAttempt?: ((event: LegacyAttemptEvent) => void) | undefined;
}

export type QueryParams = Readonly<Record<string, string | undefined>>;

/**
 * GETs from the legacy system with a deadline per attempt and bounded retries with backoff. Every
 * call here is a read, which is why retrying is safe. Please leave it that way: a write must never
 * go through this retry loop (a timed-out write may have happened).
 */
export class LegacyClient {
  private state: 'open' | 'closed' = 'open';

  constructor(private readonly options: LegacyClientOptions) {}

  /** After this, every call fails with CITY_SOURCE_FAILED, including the ones that need no request. */
  markClosed(): void {
    this.state = 'closed';
  }

  /** For answers computed without a request (unknown ids, empty windows): a closed source still fails. */
  assertOpen(operation: string): void {
    if (this.state === 'closed') {
      throw new CitySourceError('CITY_SOURCE_FAILED', `The legacy adapter is closed (during ${operation}).`, this.options.cityCode, {
        cause: new Error('LegacyHttpBureauSource.close() was called'),
      });
    }
  }

  /** `data` of a successful answer; a CitySourceError naming `operation` after the last attempt. */
  async get(path: string, params: QueryParams, operation: string): Promise<unknown> {
    this.assertOpen(operation);
    const { retries, backoffMs, random, sleep } = this.options;
    const url = path + toQueryString(params);
    let failure: AttemptFailure | undefined;
    for (let attempt = 1; attempt <= retries + 1; attempt += 1) {
      if (attempt > 1) await sleep(backoffDelay(attempt - 1, backoffMs, random));
      const outcome = await this.attempt(url, path, attempt);
      if (outcome.ok) return outcome.data;
      failure = outcome.failure;
      if (!failure.retryable) break;
    }
    throw this.toError(failure as AttemptFailure, operation);
  }

  /** `data` as a page `{ total, rows }` (rows not yet validated). */
  async getPage(path: string, params: QueryParams, operation: string): Promise<LegacyPage> {
    const data = await this.get(path, params, operation);
    const page = pageSchema.safeParse(data);
    if (!page.success) {
      throw new CitySourceError('CITY_SOURCE_PROTOCOL', `The legacy system sent an unexpected page during ${operation}.`,
        this.options.cityCode, { cause: page.error });
    }
    return page.data;
  }

  private async attempt(url: string, path: string, attempt: number):
    Promise<{ ok: true; data: unknown } | { ok: false; failure: AttemptFailure }> {
    const { origin, basePath, dispatcher, timeoutMs, maxBodyBytes, now, onAttempt } = this.options;
    const started = now();
    const signal = AbortSignal.timeout(timeoutMs);
    const result = await (async () => {
      try {
        const res = await dispatcher.request({
          origin, path: basePath + url, method: 'GET', signal, headers: { accept: 'application/json' },
        });
        if (res.statusCode !== 200) {
          await res.body.dump().catch(() => undefined);
          return { ok: false as const, failure: classifyStatus(res.statusCode) };
        }
        return parseEnvelope(await readBoundedBody(res.body, maxBodyBytes));
      } catch (error) {
        return { ok: false as const, failure: classifyThrown(error, signal.aborted) };
      }
    })();
    onAttempt?.({ path, attempt, durationMs: now() - started, outcome: result.ok ? 'ok' : result.failure.code });
    return result;
  }

  private toError(failure: AttemptFailure, operation: string): CitySourceError {
    const { cityCode, retries, timeoutMs } = this.options;
    const tries = !failure.retryable ? '' : retries === 0 ? ' (1 attempt)' : ` (${retries + 1} attempts)`;
    const detail = failure.code === 'CITY_SOURCE_TIMEOUT' ? `did not answer within ${timeoutMs} ms` : failure.reason;
    return new CitySourceError(failure.code, `The legacy system ${detail} during ${operation}${tries}.`, cityCode, {
      cause: failure.cause,
    });
  }
}

function parseEnvelope(text: string): { ok: true; data: unknown } | { ok: false; failure: AttemptFailure } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, failure: { code: 'CITY_SOURCE_PROTOCOL', retryable: false, reason: 'sent an answer that is not JSON', cause: error } };
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) {
    return { ok: false, failure: { code: 'CITY_SOURCE_PROTOCOL', retryable: false, reason: 'sent an unexpected answer', cause: envelope.error } };
  }
  const { code, msg, data } = envelope.data;
  return code === 0 ? { ok: true, data } : { ok: false, failure: classifyEnvelopeCode(code, msg ?? undefined) };
}

function toQueryString(params: QueryParams): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== undefined) search.set(name, value);
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}
