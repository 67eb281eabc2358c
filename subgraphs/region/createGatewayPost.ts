/**
 * POSTs one GraphQL operation to the gateway over undici (keep-alive, as the gateway's own client).
 * Transport failures become CityDataErrors with a reason: unreachable, timed out, or a gateway that
 * answered with something other than a GraphQL response. A GraphQL response (with or without errors)
 * is returned as parsed; the caller reads errors per field.
 */
import { request } from 'undici';
import { CityDataError } from './CityDataError.ts';
import type { GatewayLink } from '../config/loadGatewayLink.ts';

export interface GatewayRequest {
  readonly query: string;
  readonly variables: Readonly<Record<string, unknown>>;
  readonly operationName: string;
}

export interface GatewayResponse {
  readonly data?: Record<string, unknown> | null;
  readonly errors?: ReadonlyArray<{ readonly message?: string; readonly path?: readonly (string | number)[]; readonly extensions?: Record<string, unknown> }>;
}

/** `gatewayToken`: the token of the region request this call serves, forwarded as its credential (null = none). */
export type GatewayPost = (body: GatewayRequest, gatewayToken: string | null) => Promise<GatewayResponse>;

const CONNECT_FAILURES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

export function createGatewayPost(link: GatewayLink): GatewayPost {
  return async (body, gatewayToken) => {
    let res;
    try {
      res = await request(link.url, {
        method: 'POST',
        // The one place the region's headers to the gateway are made. The bearer token is the one
        // the gateway signed for the region request being served (aud "region", ≤ 30 s), verified on
        // arrival: the gateway accepts it back as that request's caller, so jurisdiction, field
        // access and cost apply as for the caller, and the callback spends no public address budget.
        // The region holds no credentials of its own.
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          ...(gatewayToken !== null && { authorization: `Bearer ${gatewayToken}` }),
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(link.timeoutMs),
        headersTimeout: link.timeoutMs,
        bodyTimeout: link.timeoutMs,
      });
    } catch (error) {
      throw transportError(error, link);
    }
    let parsed: unknown;
    try {
      parsed = await res.body.json();
    } catch (error) {
      if (isTimeout(error)) throw transportError(error, link);
      throw new CityDataError('GATEWAY_FAILED', `The gateway answered HTTP ${res.statusCode} without a GraphQL response.`);
    }
    if (typeof parsed !== 'object' || parsed === null || (!('data' in parsed) && !('errors' in parsed))) {
      throw new CityDataError('GATEWAY_FAILED', `The gateway answered HTTP ${res.statusCode} without a GraphQL response.`);
    }
    return parsed as GatewayResponse;
  };
}

function isTimeout(error: unknown): boolean {
  const e = error as { name?: string; code?: string } | null;
  return e?.name === 'TimeoutError' || e?.name === 'AbortError' || e?.code === 'UND_ERR_HEADERS_TIMEOUT' || e?.code === 'UND_ERR_BODY_TIMEOUT';
}

function transportError(error: unknown, link: GatewayLink): CityDataError {
  if (isTimeout(error)) return new CityDataError('GATEWAY_TIMEOUT', `The gateway did not answer within ${link.timeoutMs} ms.`);
  const code = (error as { code?: string; cause?: { code?: string } } | null);
  if (CONNECT_FAILURES.has(code?.code ?? '') || CONNECT_FAILURES.has(code?.cause?.code ?? '')) {
    return new CityDataError('GATEWAY_UNREACHABLE', 'The gateway is unreachable.');
  }
  return new CityDataError('GATEWAY_FAILED', `The call to the gateway failed (${(error as Error)?.name ?? 'error'}).`);
}
