/**
 * The `authorize` hook of every bureau's and the region's HTTP edge: a /graphql request passes only
 * with a valid gateway token as its bearer token; its verified identity becomes the request's caller.
 * The token itself comes along too: the region forwards it when it calls the gateway back on the
 * request's behalf (subgraphs/region/createGatewayPost.ts); bureaus ignore it.
 */
import type { IncomingMessage } from 'node:http';
import type { Authorization } from '../../../schema/http/serveApollo.ts';
import type { ForwardedCaller } from '../../../schema/gateway-token/ForwardedCaller.ts';
import type { GatewayTokenVerifier } from '../../../schema/gateway-token/createGatewayTokenVerifier.ts';

/** RFC 6750 §2.1 b64token; bounded, so a huge header costs nothing to refuse. */
const BEARER = /^Bearer ([A-Za-z0-9\-._~+/]{1,4096}=*)$/;

/** A request the gateway signed: whom it speaks for, and the verified token that says so. */
export interface VerifiedGatewayRequest {
  readonly caller: ForwardedCaller;
  readonly token: string;
}

export function authorizeGatewayRequest(verifier: GatewayTokenVerifier, origin: string) {
  return async (req: IncomingMessage): Promise<Authorization<VerifiedGatewayRequest>> => {
    const header = req.headers.authorization;
    if (header === undefined) {
      return {
        ok: false,
        message: `${origin} answers only requests signed by the gateway; this one has no gateway token.`,
        challenge: 'Bearer',
        extensions: { city: origin, reason: 'no-token' },
      };
    }
    const token = BEARER.exec(header)?.[1];
    const check = token === undefined
      ? { ok: false as const, reason: 'malformed', message: 'The Authorization header is not a bearer token.' }
      : await verifier.verify(token);
    if (check.ok) return { ok: true, identity: { caller: check.caller, token: token! } };
    return {
      ok: false,
      message: check.message,
      challenge: 'Bearer error="invalid_token"',
      extensions: { city: origin, reason: check.reason },
    };
  };
}
