/**
 * What every cooperation write resolver does before its store call (cooperationResolvers.ts,
 * jointEnforcementResolvers.ts): the bureau's cooperation context, the caller's check and its write
 * metadata, the region's bureaus, the own-copy check; and the audit trail as the contract shows it.
 */
import { ERRORS, type ErrorCodeDefinition } from '../../../schema/errors.ts';
import type { NodeType } from '../../../schema/globalId.ts';
import type { CityContext } from '../CityContext.ts';
import { mayWriteForBureau } from '../access/mayWriteForBureau.ts';
import type { CooperationContext } from '../cooperation/CooperationContext.ts';
import type { Actor, AuditRecord, WriteMeta } from '../cooperation/CooperationStore.ts';
import { checkIdempotencyKey } from '../cooperation/checkCooperationInput.ts';
import { computeFingerprint } from '../cooperation/computeFingerprint.ts';
import type { RegionFacts } from '../cooperation/createRegionDirectory.ts';
import { ownId } from './arguments.ts';

export function coop(ctx: CityContext): CooperationContext {
  if (ctx.cooperation === null) {
    throw ERRORS.CITY_SOURCE_UNAVAILABLE.err(`Bureau ${ctx.cityCode} keeps no cooperation store.`, { extensions: { city: ctx.cityCode } });
  }
  return ctx.cooperation;
}

/** The caller as the audit trail records it, once mayWriteForBureau has let it through. */
export function writeMeta(ctx: CityContext, scope: string, cityCode: string, idempotencyKey: string, operation: string, input: unknown): WriteMeta {
  const refusal = mayWriteForBureau(ctx.caller, cityCode, scope);
  if (refusal === 'not-authenticated') {
    throw ERRORS.UNAUTHENTICATED.err('Writes need a signed-in caller.', { extensions: { reason: refusal } });
  }
  if (refusal !== null) {
    throw ERRORS.FORBIDDEN.err(refusal === 'missing-scope'
      ? `This write needs the ${scope} scope.`
      : `A caller of bureau ${ctx.caller.bureau ?? '(none)'} cannot write for bureau ${cityCode}.`, {
      extensions: { reason: refusal, city: cityCode, ...(refusal === 'missing-scope' && { requiredScopes: [[scope]] }) },
    });
  }
  if (cityCode !== ctx.cityCode) throw ERRORS.UNKNOWN_CITY.err(`This is bureau ${ctx.cityCode}, not ${cityCode}.`, { extensions: { argument: 'cityCode' } });
  const actor: Actor = { sub: ctx.caller.subject as string, bureau: cityCode };
  return {
    idempotencyKey: checkIdempotencyKey(idempotencyKey),
    fingerprint: computeFingerprint(operation, cityCode, input),
    actor,
    requestId: ctx.requestId,
    now: coop(ctx).now(),
  };
}

export const auditView = (r: AuditRecord) => ({ at: r.at, actor: r.actor, requestId: r.requestId, action: r.action, changes: r.changes });

/** Every bureau a write addresses must be one the region knows: INVALID_RECIPIENT (unknown-bureau) otherwise. */
export function requireKnownBureaus(region: RegionFacts, codes: Iterable<string>): void {
  for (const code of codes) {
    if (!region.bureaus.has(code)) {
      throw ERRORS.INVALID_RECIPIENT.err(`The region knows no bureau ${code}.`, { extensions: { cityCode: code, reason: 'unknown-bureau' } });
    }
  }
}

/**
 * `id` must name this bureau's own record of `type` — for a recipient's write, its inbox copy; a
 * well-formed id of another bureau gets `refusal` (a malformed one INVALID_ID, from ownId).
 */
export function requireOwnCopy(id: string, type: NodeType, argument: string, ctx: CityContext, refusal: ErrorCodeDefinition, message: string): void {
  if (!ownId(id, type, ctx.cityCode, argument)) throw refusal.err(message, { extensions: { argument } });
}
