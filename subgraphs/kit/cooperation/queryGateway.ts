/**
 * One GraphQL query a bureau sends to the gateway while serving a request, with that request's gateway
 * token as the credential (the gateway takes its own token for a bureau's audience back as the request's
 * caller: gateway/bureau-tokens/createRegionCallbackVerifier.ts), so the answer is what that caller may
 * see. Bounded by the link's deadline. A gateway that does not answer with JSON is
 * RECIPIENTS_UNAVAILABLE (`gateway-unreachable`): nothing is written and the client retries.
 */
import { request } from 'undici';
import { ERRORS } from '../../../schema/errors.ts';
import type { GatewayLink } from '../../config/loadGatewayLink.ts';

export interface GatewayAnswerError {
  readonly path?: ReadonlyArray<string | number>;
  readonly extensions?: Readonly<Record<string, unknown>>;
}

export interface GatewayAnswer {
  readonly data?: Readonly<Record<string, unknown>> | null;
  readonly errors?: readonly GatewayAnswerError[];
}

export async function queryGateway(
  link: GatewayLink, query: string, variables: Readonly<Record<string, unknown>>, gatewayToken: string | null,
): Promise<GatewayAnswer> {
  try {
    const res = await request(link.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(gatewayToken !== null && { authorization: `Bearer ${gatewayToken}` }),
      },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(link.timeoutMs),
      headersTimeout: link.timeoutMs,
      bodyTimeout: link.timeoutMs,
    });
    const answer: unknown = await res.body.json();
    return answer !== null && typeof answer === 'object' ? answer as GatewayAnswer : {};
  } catch (error) {
    throw ERRORS.RECIPIENTS_UNAVAILABLE.err(`The gateway did not answer (${(error as Error)?.name ?? 'error'}).`, {
      extensions: { reason: 'gateway-unreachable' },
    });
  }
}
