/**
 * Everything the gateway holds for one bureau at run time: its registry entry, its HTTP client (from
 * the registry's transport), its circuit breaker, and what the last check found. `send` is the shard
 * engine's I/O for this bureau, and `headersFor` the one place its outgoing headers are made: every
 * request, the registry's checks included, carries a fresh gateway token for this bureau speaking
 * for one identity.
 *
 * Identical queries in flight at once share one bureau request (`inflight`, on unless switched off):
 * same document and variables, same access profile (accessProfileKey.ts). Never a mutation: each
 * must reach the bureau, and its answer is its own. The shared request runs within the bureau's own
 * deadline; each client request still settles by its own deadline and its own cancellation, and the
 * shared request is cancelled only when no client request waits for it any more.
 */
import type { CityEntry } from '../config/registrySchema.ts';
import type { CityFetch, CityOutcome } from '../shard-engine/index.ts';
import { CircuitBreaker } from '../transport/CircuitBreaker.ts';
import { InflightRequests, type LeaveReason } from '../transport/InflightRequests.ts';
import type { PostOutcome, SubgraphClient } from '../transport/createSubgraphClient.ts';
import { copyParsedJson } from '../transport/copyParsedJson.ts';
import { withGatewayToken, type BureauTokenSigner } from '../bureau-tokens/createBureauTokenSigner.ts';
import { GATEWAY_SERVICE_IDENTITY, type OutgoingIdentity } from '../bureau-tokens/OutgoingIdentity.ts';
import { accessProfileKey } from '../bureau-tokens/accessProfileKey.ts';
import type { OutgoingRequest } from '../bureau-tokens/OutgoingRequest.ts';
import { fetchBudget } from '../request/fetchBudget.ts';

/**
 * - pending: not checked yet; up: on contract and healthy; degraded: on contract, its data source
 *   failing (still served: its errors say so); down: unreachable; off-contract: serves another schema;
 *   disabled: switched off in the registry.
 */
export type CityStatus = 'pending' | 'up' | 'degraded' | 'down' | 'off-contract' | 'disabled';

export interface CityCheck {
  readonly status: CityStatus;
  readonly detail: string | null;
  readonly checkedAt: number | null;
}

export class CityLink {
  readonly breaker = new CircuitBreaker();
  check: CityCheck = { status: 'pending', detail: null, checkedAt: null };
  private readonly inflight: InflightRequests<CityOutcome> | null;

  constructor(
    readonly entry: CityEntry,
    private readonly sign: BureauTokenSigner,
    readonly client: SubgraphClient,
    /** Share identical queries in flight, telling `onShared` of each request saved; null = every fetch is its own request. */
    sharing: { readonly onShared: () => void } | null = null,
  ) {
    this.inflight = sharing && new InflightRequests(copyOutcome, sharing.onShared);
  }

  /** `headers` plus a bearer token signed now, for this bureau only, speaking for `identity`. */
  headersFor(identity: OutgoingIdentity, headers: Readonly<Record<string, string>> = {}): Record<string, string> {
    return withGatewayToken(this.sign, this.entry.code, identity, headers);
  }

  async send(fetch: CityFetch, { headers, identity, signal, deadline }: OutgoingRequest): Promise<CityOutcome> {
    const city = this.entry.code;
    // A client already gone (e.g. before the next group of a mutation): nothing is sent for it.
    if (signal?.aborted) return { kind: 'failed', city, reason: 'aborted', message: 'the client\'s request was cancelled before it was sent' };
    const budget = fetchBudget(this.entry.timeoutMs, deadline, performance.now());
    if (budget.timeoutMs <= 0) return { kind: 'failed', city, reason: 'timeout', message: `the request's deadline passed before ${city} was asked` };
    if (this.check.status === 'off-contract') {
      return { kind: 'failed', city, reason: 'off-contract', message: this.check.detail ?? 'off contract' };
    }
    // A bureau added or changed by a registry edit gets no traffic until its schema has been checked.
    if (this.check.status === 'pending') return { kind: 'failed', city, reason: 'unchecked', message: 'not checked yet' };
    const body = JSON.stringify({ query: fetch.query, variables: fetch.variables });
    if (this.inflight === null || fetch.operation !== 'query') return this.post(body, budget, identity, headers, signal);
    // Shared: the request runs within the bureau's own deadline (a timeout then is the bureau's
    // fault); each client request waits within its own, when its overall deadline is the shorter.
    const own = { timeoutMs: this.entry.timeoutMs, byRequest: false };
    return this.inflight.join(
      `${accessProfileKey(identity)}\n${body}`,
      { signal, ...(budget.byRequest && { timeoutMs: budget.timeoutMs }) },
      (shared) => this.post(body, own, identity, headers, shared),
      (reason) => this.gaveUp(reason, budget.timeoutMs),
    );
  }

  close(): Promise<void> {
    return this.client.close();
  }

  /** One request to the bureau, with the circuit's say before it and its lesson after. */
  private async post(
    body: string, budget: { timeoutMs: number; byRequest: boolean }, identity: OutgoingIdentity,
    headers: Readonly<Record<string, string>>, signal: AbortSignal | undefined,
  ): Promise<CityOutcome> {
    const city = this.entry.code;
    if (!this.breaker.tryAcquire()) return { kind: 'failed', city, reason: 'circuit-open', message: `circuit open for ${city}` };
    const outcome = await this.client.post(body, {
      timeoutMs: budget.timeoutMs,
      signal,
      headers: this.headersFor(identity, headers), // signed per request: a jti is never sent twice
    });
    if (outcome.kind === 'failed') {
      // A cancelled request is the client's doing, and a timeout the request's deadline set (not
      // the bureau's own) may be the fault of fetches before it: the circuit learns nothing from either.
      if (outcome.reason === 'aborted' || (outcome.reason === 'timeout' && budget.byRequest)) this.breaker.abandoned();
      else this.breaker.failed();
      return { kind: 'failed', city, reason: outcome.reason, message: outcome.message };
    }
    this.breaker.succeeded();
    const answer = outcome.body;
    if (typeof answer !== 'object' || answer === null || (!('data' in answer) && !('errors' in answer))) {
      return { kind: 'failed', city, reason: 'bad-response', message: `${this.entry.url} answered no GraphQL response` };
    }
    return { kind: 'ok', city, response: answer as Extract<CityOutcome, { kind: 'ok' }>['response'] };
  }

  /**
   * One request of the cooperation relay to a route of this bureau (`path`, e.g. /cooperation/inbox),
   * as the gateway itself, through the same client and deadline as its queries. While the circuit
   * is open the bureau is not asked (it is known down: the relay's backoff takes over). The relay's
   * outcomes never feed the circuit: it is bulk background work whose failures include protocol
   * refusals (out of order, 4xx) and slow batches of writes, and a burst of those must not turn this
   * bureau's queries away with CITY_UNAVAILABLE; nor may a relay route that answers close a circuit
   * that failing GraphQL requests opened. Queries, the registry's checks and the bureau's event
   * stream coming back after failing (CityRegistry.followedBureaus) decide it.
   */
  relay(path: string, body: unknown, signal: AbortSignal): Promise<PostOutcome> {
    if (this.breaker.state === 'open') {
      return Promise.resolve({ kind: 'failed', reason: 'circuit-open', message: `circuit open for ${this.entry.code}` });
    }
    return this.client.post(JSON.stringify(body), {
      path, timeoutMs: this.entry.timeoutMs, signal, headers: this.headersFor(GATEWAY_SERVICE_IDENTITY),
    });
  }

  /** A client request that stopped waiting for a shared request (which goes on for the others). */
  private gaveUp(reason: LeaveReason, timeoutMs: number): CityOutcome {
    const city = this.entry.code;
    return reason === 'aborted'
      ? { kind: 'failed', city, reason, message: `the client's request was cancelled; ${this.entry.url} was not waited for` }
      : { kind: 'failed', city, reason, message: `${this.entry.url} did not answer within ${timeoutMs} ms` };
  }
}

/** An answer for one more client request: its own objects, as the gateway merges later fetches into them. */
function copyOutcome(outcome: CityOutcome): CityOutcome {
  return outcome.kind === 'ok' ? { ...outcome, response: copyParsedJson(outcome.response) } : outcome;
}
