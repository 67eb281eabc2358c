/**
 * Who is asking: the verified claims of the caller's bearer token, or the public role when the
 * request carries none. Built once at the HTTP edge of the gateway; everything after it (field
 * access, jurisdiction, cost, rate limits, the identity forwarded to bureaus) reads this value.
 * It is the identity the gateway forwards in its bureau tokens (ForwardedCaller), limited to the
 * roles a client can have: `gateway` is the gateway's own, never a client's.
 */
import { PUBLIC_FORWARDED_CALLER, type ForwardedCaller } from '../../schema/gateway-token/ForwardedCaller.ts';

export interface Caller extends ForwardedCaller {
  /** `public` = no token; `authenticated` = a verified token. */
  readonly role: 'public' | 'authenticated';
}

export const PUBLIC_CALLER: Caller = PUBLIC_FORWARDED_CALLER;
