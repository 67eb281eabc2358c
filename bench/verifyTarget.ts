/**
 * Before a target is measured, one request must return the expected data with no errors: a bench
 * that measures error responses (or empty ones) is worthless.
 */
import type { Fixtures } from './probeFixtures.ts';
import { postGraphQL } from './postGraphQL.ts';
import { FAN_OUT_PAGE } from './queries.ts';
import type { Scenario } from './scenarios.ts';
import type { Target } from './startTarget.ts';

interface Answer {
  enforcementCase?: { caseNumber?: string } | null;
  enforcementCases?: { totalCount?: number; edges?: Array<{ node: { cityCode: string } }> } | null;
}

export async function verifyTarget(scenario: Scenario, target: Target, body: string, fixtures: Fixtures): Promise<void> {
  const { status, body: answer } = await postGraphQL(target.url, body, { ...target.headers, ...target.freshHeaders?.() });
  const fail: (why: string) => never = (why) => {
    throw new Error(`${scenario.name} at ${target.url}: ${why}; got HTTP ${status} ${JSON.stringify(answer).slice(0, 500)}`);
  };
  if (status !== 200) fail('not HTTP 200');
  if (answer.errors?.length) fail('GraphQL errors');
  const data = answer.data as Answer | null | undefined;
  if (scenario.query === 'single') {
    if (data?.enforcementCase?.caseNumber !== fixtures.singleCase.caseNumber) fail(`expected case ${fixtures.singleCase.caseNumber}`);
    return;
  }
  const expectedTotal = target.bureaus.reduce((sum, code) => sum + (fixtures.caseTotals.get(code) ?? Number.NaN), 0);
  const cases = data?.enforcementCases;
  if (cases?.totalCount !== expectedTotal) fail(`expected totalCount ${expectedTotal} (the sum over ${target.bureaus.join(', ')})`);
  if (cases.edges?.length !== Math.min(FAN_OUT_PAGE, expectedTotal)) fail(`expected ${FAN_OUT_PAGE} edges`);
  const stray = cases.edges.find((e) => !target.bureaus.includes(e.node.cityCode));
  if (stray) fail(`case of bureau ${stray.node.cityCode}, which is not behind this target`);
}
