/**
 * Whom an outgoing bureau (or region) request speaks for: the client's verified caller, or the
 * gateway itself for its own checks (`_service { sdl }`, health). Bureaus read it from the token
 * the gateway signs (createBureauTokenSigner) and decide row access from it.
 */
import type { ForwardedCaller } from '../../schema/gateway-token/ForwardedCaller.ts';
import { PUBLIC_CALLER, type Caller } from '../request/Caller.ts';

/** The claims the gateway signs are exactly those a bureau reads back. */
export type OutgoingIdentity = ForwardedCaller;

/** The gateway's own service identity: no bureau, no scopes, so no row of a case's internals. */
export const GATEWAY_SERVICE_IDENTITY: OutgoingIdentity = Object.freeze({
  role: 'gateway',
  subject: 'ecograph-gateway',
  bureau: null,
  scopes: new Set<string>(),
  jurisdiction: null,
});

/** The caller of a gateway request context; a context without one is served as the public role. */
export function outgoingIdentityOf(context: unknown): OutgoingIdentity {
  const caller = typeof context === 'object' && context !== null ? (context as { caller?: Caller }).caller : undefined;
  return caller ?? PUBLIC_CALLER;
}
