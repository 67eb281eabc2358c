import type { CitySourceErrorCode } from '../../kit/CitySourceError.ts';

/** What one failed attempt means: the code it would surface as, and whether another try may help. */
export interface AttemptFailure {
  readonly code: CitySourceErrorCode;
  readonly retryable: boolean;
  /** Safe to show clients: no host names, no driver text. */
  readonly reason: string;
  readonly cause?: unknown;
}

/** Error codes of undici and Node sockets that mean "the connection failed; the request may not have run". */
const CONNECT_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT',
  'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT',
]);
const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

/**
 * Classifies an exception thrown by a request attempt. `timedOut` is whether the attempt's own
 * deadline fired (undici then rejects with the abort reason, whatever its type).
 */
export function classifyThrown(error: unknown, timedOut: boolean): AttemptFailure {
  if (timedOut) return { code: 'CITY_SOURCE_TIMEOUT', retryable: true, reason: 'timed out', cause: error };
  const code = errorCode(error);
  if (code !== undefined && TIMEOUT_CODES.has(code)) return { code: 'CITY_SOURCE_TIMEOUT', retryable: true, reason: 'timed out', cause: error };
  if (code !== undefined && CONNECT_CODES.has(code)) {
    return { code: 'CITY_SOURCE_CONNECT', retryable: true, reason: 'could not be reached or dropped the connection', cause: error };
  }
  // Our own pool closed (shutdown) or anything unknown: retrying cannot help.
  return { code: 'CITY_SOURCE_FAILED', retryable: false, reason: 'request failed', cause: error };
}

/** An HTTP status other than 200: gateways and the old Tomcat answer 5xx when overloaded or restarting. */
export function classifyStatus(status: number): AttemptFailure {
  if (status >= 500 || status === 429) return { code: 'CITY_SOURCE_FAILED', retryable: true, reason: `answered HTTP ${status}` };
  return { code: 'CITY_SOURCE_PROTOCOL', retryable: false, reason: `answered HTTP ${status}` };
}

/** A `{ code }` other than 0: 5xx are its "系统繁忙" kind of failure, anything else a refusal of our request. */
export function classifyEnvelopeCode(code: number, msg: string | undefined): AttemptFailure {
  if (code >= 500) return { code: 'CITY_SOURCE_FAILED', retryable: true, reason: `answered code ${code}`, cause: msg };
  return { code: 'CITY_SOURCE_PROTOCOL', retryable: false, reason: `refused the request (code ${code})`, cause: msg };
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  // Node wraps some socket errors (e.g. fetch-style `cause`); look one level down.
  const cause = (error as { cause?: unknown }).cause;
  return typeof cause === 'object' && cause !== null && typeof (cause as { code?: unknown }).code === 'string'
    ? (cause as { code: string }).code
    : undefined;
}
