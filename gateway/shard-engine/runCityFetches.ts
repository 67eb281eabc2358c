/**
 * Sends the planned fetches through the injected `send`: all at once for a query, one after another
 * for a mutation (never in parallel, never retried). Settles per bureau, so one bureau never fails
 * the others: a `send` that breaks its promise never to reject, or answers with something that is
 * not an outcome, counts as that bureau's `bad-response`, never as the whole fetch failing.
 */
import type { CityFetch, CityOutcome, SendCityFetch } from './CityFetch.ts';
import { isRecord } from './isRecord.ts';

export async function runCityFetches(fetches: readonly CityFetch[], serial: boolean, send: SendCityFetch): Promise<CityOutcome[]> {
  if (!serial) return Promise.all(fetches.map((fetch) => settle(fetch, send)));
  const outcomes: CityOutcome[] = [];
  for (const fetch of fetches) outcomes.push(await settle(fetch, send));
  return outcomes;
}

async function settle(fetch: CityFetch, send: SendCityFetch): Promise<CityOutcome> {
  try {
    const outcome: unknown = await send(fetch);
    if (isRecord(outcome) && (outcome['kind'] === 'ok' || outcome['kind'] === 'failed')) return outcome as CityOutcome;
    return { kind: 'failed', city: fetch.city, reason: 'bad-response', message: 'send() settled with something that is not a CityOutcome' };
  } catch (error) {
    return { kind: 'failed', city: fetch.city, reason: 'bad-response', message: `send() rejected: ${String(error)}` };
  }
}
