/**
 * Who may write for a bureau (the cooperation mutations): an authenticated caller with the scope,
 * whose token's `bureau` is the bureau the write is routed to (a 遂宁 officer cannot report for 潼南),
 * and whose jurisdiction, when it names any, includes it. Decided from the identity the gateway
 * vouched for; the gateway checks the scope first (@requiresScopes), this is the bureau's own check.
 * Returns the refusal's reason, or null when the write may go ahead. Pure.
 */
import type { ForwardedCaller } from '../../../schema/gateway-token/ForwardedCaller.ts';

export type WriteRefusal = 'not-authenticated' | 'missing-scope' | 'not-own-bureau' | 'out-of-jurisdiction';

export function mayWriteForBureau(caller: ForwardedCaller, cityCode: string, scope: string): WriteRefusal | null {
  if (caller.role !== 'authenticated' || caller.subject === null) return 'not-authenticated';
  if (!caller.scopes.has(scope)) return 'missing-scope';
  if (caller.bureau !== cityCode) return 'not-own-bureau';
  if (caller.jurisdiction !== null && !caller.jurisdiction.has(cityCode)) return 'out-of-jurisdiction';
  return null;
}
