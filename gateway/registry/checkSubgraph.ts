/**
 * One registry check of a subgraph: fetch its served SDL, compare it with what it must serve,
 * definition by definition, then ask its health endpoint. The result says why in `detail`.
 */
import { parse, type DocumentNode } from 'graphql';
import { request } from 'undici';
import { compareToContract } from '../../schema/compareToContract.ts';
import { ERRORS } from '../../schema/errors.ts';
import type { SubgraphClient } from '../transport/createSubgraphClient.ts';
import { settleByDeadline } from '../transport/settleByDeadline.ts';
import type { CityCheck } from './CityLink.ts';

const SERVICE_QUERY = JSON.stringify({ query: '{ _service { sdl } }' });
const MAX_LISTED_DIFFERENCES = 5;

/**
 * `headers` are those of the subgraph's link (its gateway token, signed for the gateway's own
 * identity): `_service` is refused like any other request without one.
 */
export async function checkSubgraph(
  client: SubgraphClient,
  healthUrl: string,
  expected: DocumentNode,
  timeoutMs: number,
  headers: Readonly<Record<string, string>>,
  now: () => number = Date.now,
): Promise<CityCheck> {
  const checked = (status: CityCheck['status'], detail: string | null): CityCheck => ({ status, detail, checkedAt: now() });
  const answer = await client.post(SERVICE_QUERY, { timeoutMs, headers });
  if (answer.kind === 'failed') return checked('down', answer.message);
  const refusal = unauthenticated(answer.body);
  if (refusal !== null) return checked('down', `it refused the gateway's token: ${refusal}`);
  const sdl = (answer.body as { data?: { _service?: { sdl?: unknown } } } | null)?.data?._service?.sdl;
  if (typeof sdl !== 'string') return checked('off-contract', 'it does not serve _service { sdl }: not a Federation subgraph');

  let served: DocumentNode;
  try {
    served = parse(sdl);
  } catch (error) {
    return checked('off-contract', `its SDL does not parse: ${(error as Error).message}`);
  }
  const differences = compareToContract(expected, served);
  if (differences.length > 0) {
    const listed = differences.slice(0, MAX_LISTED_DIFFERENCES).map((d) => `${d.definition} ${d.problem}`);
    const more = differences.length > MAX_LISTED_DIFFERENCES ? ` (+${differences.length - MAX_LISTED_DIFFERENCES} more)` : '';
    return checked('off-contract', `differs from the contract: ${listed.join('; ')}${more}`);
  }

  try {
    const signal = AbortSignal.timeout(timeoutMs);
    const res = await settleByDeadline(request(healthUrl, { headersTimeout: timeoutMs, bodyTimeout: timeoutMs, signal }), signal);
    const body = await res.body.text();
    if (res.statusCode === 200) return checked('up', null);
    if (res.statusCode === 503) return checked('degraded', `its data source is unavailable: ${body.slice(0, 200)}`);
    return checked('down', `health answered HTTP ${res.statusCode}`);
  } catch (error) {
    return checked('down', `health check failed: ${(error as Error).message}`);
  }
}

/**
 * The reason a subgraph refused the gateway's token (a key mismatch, clocks apart), so /readyz
 * says so instead of calling a reachable subgraph off-contract.
 */
function unauthenticated(body: unknown): string | null {
  const error = (body as { errors?: Array<{ message?: unknown; extensions?: { code?: unknown; reason?: unknown } }> } | null)?.errors?.[0];
  if (error?.extensions?.code !== ERRORS.UNAUTHENTICATED.code) return null;
  return `${String(error.extensions.reason ?? 'refused')}: ${String(error.message ?? '').slice(0, 200)}`;
}
