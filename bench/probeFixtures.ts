/**
 * Reads what the expected answers are, straight from the bureaus: a real case of the single
 * bureau (so the routed query returns data, not null) and every bureau's case count (so a fan-out
 * through the gateway can be checked to have reached each bureau it should).
 */
import { postGraphQL, requestBody } from './postGraphQL.ts';
import { PROBE_QUERY } from './queries.ts';
import { SINGLE_BUREAU } from './scenarios.ts';
import type { Subgraphs } from './startSubgraphs.ts';
import type { BenchTrust } from './benchTrust.ts';

export interface Fixtures {
  readonly singleCase: { readonly id: string; readonly cityCode: string; readonly caseNumber: string };
  readonly caseTotals: ReadonlyMap<string, number>;
}

interface ProbeData {
  enforcementCases?: { totalCount?: number; edges?: Array<{ node: { id: string; cityCode: string; caseNumber: string } }> };
}

export async function probeFixtures(subgraphs: Subgraphs, trust: BenchTrust): Promise<Fixtures> {
  const totals = new Map<string, number>();
  let singleCase: Fixtures['singleCase'] | undefined;
  for (const [code, child] of subgraphs.bureaus) {
    const { status, body } = await postGraphQL(child.url, requestBody(PROBE_QUERY), trust.headersFor(code));
    const cases = (body.data as ProbeData | null | undefined)?.enforcementCases;
    if (status !== 200 || body.errors || typeof cases?.totalCount !== 'number') {
      throw new Error(`bureau ${code} did not answer the probe: HTTP ${status} ${JSON.stringify(body.errors ?? body)}`);
    }
    totals.set(code, cases.totalCount);
    if (code === SINGLE_BUREAU) singleCase = cases.edges?.[0]?.node;
  }
  if (!singleCase) throw new Error(`bureau ${SINGLE_BUREAU} has no enforcement case to ask for; is the data seeded?`);
  return { singleCase, caseTotals: totals };
}
