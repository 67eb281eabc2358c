/**
 * Row access to a case's internal details (evidence, violation facts, and the penalty before the
 * decision is published): only the handling bureau's own officers and, for a joint case, the
 * partner bureaus' officers, each with the `cases:internal` scope. Decided from the identity the
 * gateway vouched for, never from anything the request itself says. Pure.
 */
import type { ForwardedCaller } from '../../../schema/gateway-token/ForwardedCaller.ts';

/** The scope that opens a case's internal details (README, "Scopes"). */
export const CASES_INTERNAL_SCOPE = 'cases:internal';

export interface CaseRowKeys {
  readonly cityCode: string;
  readonly jointPartnerCityCodes: readonly string[];
}

export function mayReadCaseInternals(row: CaseRowKeys, caller: ForwardedCaller): boolean {
  if (caller.role !== 'authenticated' || caller.bureau === null || !caller.scopes.has(CASES_INTERNAL_SCOPE)) return false;
  return caller.bureau === row.cityCode || row.jointPartnerCityCodes.includes(caller.bureau);
}
