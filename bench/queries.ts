/**
 * The operations measured. The single-bureau one uses only fields of the city contract, so the
 * plain Apollo gateway (region + one bureau) answers it too; the fan-out one is a merged list
 * that our gateway asks every registered bureau for.
 */

/** Routed to one bureau by `cityCode`: one subgraph request whatever the registry holds. */
export const SINGLE_BUREAU_QUERY = `query BenchCase($code: ID!, $id: ID!) {
  enforcementCase(cityCode: $code, id: $id) { caseNumber partyName cause filedAt status }
}`;

/** Fans out to every bureau, k-way merged on filedAt and cut to 20; totalCount is the sum. */
export const FAN_OUT_QUERY = `query BenchCases {
  enforcementCases(first: 20) { totalCount edges { node { caseNumber cityCode filedAt } } }
}`;

/** Finds a real case to ask for, and the bureau's case count (to check fan-out totals). */
export const PROBE_QUERY = `{ enforcementCases(first: 1) { totalCount edges { node { id cityCode caseNumber } } } }`;

export const FAN_OUT_PAGE = 20;
