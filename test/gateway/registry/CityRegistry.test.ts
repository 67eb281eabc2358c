/**
 * The city registry over an injected transport (no bureau process): what it passes to the transport
 * for the shard engine's sends and the region's, and what its circuit breakers learn from the outcomes.
 * Only the health endpoints are real (a loopback server answering 200): the checks ask them directly.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { graphql, parse } from 'graphql';
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import { expandSubgraphSdl } from '../../../schema/expandSubgraphSdl.ts';
import { loadContract, loadContractSdl, loadRegion, loadRegionSdl } from '../../../schema/loadContract.ts';
import { createBureauTokenSigner } from '../../../gateway/bureau-tokens/createBureauTokenSigner.ts';
import type { OutgoingRequest } from '../../../gateway/bureau-tokens/OutgoingRequest.ts';
import { CityRegistry, type CityRegistryOptions } from '../../../gateway/registry/CityRegistry.ts';
import { createShardEngine, type CityFetch } from '../../../gateway/shard-engine/index.ts';
import type { PostOptions, PostOutcome, SubgraphTransport } from '../../../gateway/transport/createSubgraphClient.ts';
import { PUBLIC_CALLER, type Caller } from '../../../gateway/request/Caller.ts';
import type { OutgoingIdentity } from '../../../gateway/bureau-tokens/OutgoingIdentity.ts';
import { testGatewayKeys } from '../../fixtures/gatewayTrust.ts';

const CITY = '500152';
const QUERY: CityFetch = { city: CITY, query: '{ enforcementCases { totalCount } }', variables: {}, operation: 'query' };

/** What a subgraph serving the contract (or the region's SDL) answers at `_service { sdl }`. */
async function served(sdl: string): Promise<string> {
  const answer = await graphql({ schema: buildSubgraphSchema({ typeDefs: parse(sdl) }), source: '{ _service { sdl } }' });
  return (answer.data as { _service: { sdl: string } })._service.sdl;
}
let CONTRACT_SDL: string;
let REGION_SDL: string;

interface Sent { readonly subgraph: string; readonly body: string; readonly options: PostOptions }

/**
 * A transport that records every post and answers the schema checks with the contract (or the
 * region's SDL), and every other request with `answer` (a successful empty response by default).
 */
function recordingTransport(answer: (sent: Sent) => PostOutcome = () => ({ kind: 'ok', body: { data: {} } })) {
  const sent: Sent[] = [];
  const transport: SubgraphTransport = (subgraph, url) => ({
    url,
    async post(body, options) {
      if (body.includes('_service')) {
        return { kind: 'ok', body: { data: { _service: { sdl: subgraph === 'region' ? REGION_SDL : CONTRACT_SDL } } } };
      }
      const request = { subgraph, body, options };
      sent.push(request);
      return answer(request);
    },
    close: async () => {},
  });
  return { transport, sent };
}

let health: Server;
let origin: string;
let dir: string;
let registry: CityRegistry | undefined;

beforeAll(async () => {
  [CONTRACT_SDL, REGION_SDL] = await Promise.all([served(loadContractSdl()), served(loadRegionSdl())]);
  health = createServer((_req, res) => res.end('ok'));
  await new Promise<void>((resolve) => health.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(health.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => health.close(() => resolve())));
afterEach(async () => {
  await registry?.stop();
  registry = undefined;
  rmSync(dir, { recursive: true, force: true });
});

async function startRegistry(
  transport: SubgraphTransport, regionTimeoutMs = 3_000, sharing: Pick<CityRegistryOptions, 'dedupe' | 'observeShared'> = { dedupe: false },
): Promise<{ registry: CityRegistry; path: string }> {
  dir = mkdtempSync(join(tmpdir(), 'ecograph-registry-'));
  const path = join(dir, 'registry.json');
  writeRegistry(path, regionTimeoutMs);
  registry = new CityRegistry({
    path,
    recheckMs: 60_000,
    contract: expandSubgraphSdl(loadContract()),
    region: expandSubgraphSdl(loadRegion()),
    log: () => {},
    signer: createBureauTokenSigner(testGatewayKeys().privateJwk),
    engine: createShardEngine({ contract: loadContract(), cities: [] }),
    transport,
    ...sharing,
  });
  await registry.start();
  expect(registry.readiness().cities).toMatchObject([{ code: CITY, status: 'up', circuit: 'closed' }]);
  return { registry, path };
}

function writeRegistry(path: string, regionTimeoutMs: number) {
  writeFileSync(path, JSON.stringify({
    region: { url: `${origin}/graphql`, timeoutMs: regionTimeoutMs },
    cities: [{ code: CITY, name: '潼南区', url: `${origin}/graphql`, timeoutMs: 1_500 }],
  }));
}

const onBehalf = (signal?: AbortSignal, deadline?: number): OutgoingRequest => ({ identity: PUBLIC_CALLER, headers: { 'x-request-id': 'r-1' }, signal, deadline });

describe('CityRegistry with an injected transport, each fetch its own request', () => {
  it('serves the enabled bureaus in its shard engine, and sends through the transport with the bureau\'s deadline and the client\'s signal', async () => {
    const { transport, sent } = recordingTransport();
    const { registry } = await startRegistry(transport);
    expect(registry.engine.cities).toEqual([CITY]);

    const client = new AbortController();
    const outcome = await registry.send(QUERY, onBehalf(client.signal));

    expect(outcome).toEqual({ kind: 'ok', city: CITY, response: { data: {} } });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ subgraph: CITY, options: { timeoutMs: 1_500, signal: client.signal } });
    expect(sent[0]!.options.headers).toMatchObject({ 'x-request-id': 'r-1', authorization: expect.stringMatching(/^Bearer /) });
  });

  it('counts the listeners of its bureau state changes while they listen', async () => {
    const { registry } = await startRegistry(recordingTransport().transport);
    const first = registry.watchCityStatus(() => {});
    const second = registry.watchCityStatus(() => {});
    expect(registry.cityStatusWatchers).toBe(2);
    first();
    expect(registry.cityStatusWatchers).toBe(1);
    second();
    expect(registry.cityStatusWatchers).toBe(0);
  });

  it('keeps the circuit closed when clients cancel, however often; failures of the bureau still open it', async () => {
    let reason: 'aborted' | 'unreachable' = 'aborted';
    const { transport } = recordingTransport(() => ({ kind: 'failed', reason, message: 'for logs only' }));
    const { registry } = await startRegistry(transport);
    const circuit = () => registry.readiness().cities[0]!.circuit;

    for (let i = 0; i < 5; i += 1) {
      expect(await registry.send(QUERY, onBehalf())).toMatchObject({ kind: 'failed', reason: 'aborted' });
    }
    expect(circuit()).toBe('closed');

    reason = 'unreachable';
    for (let i = 0; i < 3; i += 1) await registry.send(QUERY, onBehalf());
    expect(circuit()).toBe('open');
  });

  it('sends nothing for a client that has already hung up', async () => {
    const { transport, sent } = recordingTransport();
    const { registry } = await startRegistry(transport);
    const gone = new AbortController();
    gone.abort();

    expect(await registry.send(QUERY, onBehalf(gone.signal))).toMatchObject({ kind: 'failed', city: CITY, reason: 'aborted' });
    expect(sent).toEqual([]);
  });

  it('sends to the region through the transport with the region\'s deadline as the file says now, and the client\'s signal', async () => {
    const { transport, sent } = recordingTransport();
    const { registry, path } = await startRegistry(transport, 3_000);
    const client = new AbortController();

    await registry.sendToRegion('{"query":"{ cities { code } }"}', onBehalf(client.signal));
    writeRegistry(path, 700); // only the region's timeout changes
    await expect.poll(async () => {
      await registry.sendToRegion('{"query":"{ cities { code } }"}', onBehalf(client.signal));
      return sent.at(-1)!.options.timeoutMs;
    }, { timeout: 10_000 }).toBe(700);

    expect(sent[0]).toMatchObject({ subgraph: 'region', options: { timeoutMs: 3_000, signal: client.signal } });
  });

  it('gives a bureau only what is left of the request\'s deadline, sends nothing once it has passed, and does not blame the bureau for it', async () => {
    const { transport, sent } = recordingTransport(() => ({ kind: 'failed', reason: 'timeout', message: 'cut by the request deadline' }));
    const { registry } = await startRegistry(transport);

    for (let i = 0; i < 3; i += 1) {
      expect(await registry.send(QUERY, onBehalf(undefined, performance.now() + 400))).toMatchObject({ kind: 'failed', reason: 'timeout' });
    }
    expect(sent).toHaveLength(3);
    for (const { options } of sent) expect(options.timeoutMs).toBeLessThanOrEqual(400);
    expect(registry.readiness().cities[0]!.circuit).toBe('closed'); // three of its own timeouts would open it

    expect(await registry.send(QUERY, onBehalf(undefined, performance.now() - 1))).toMatchObject({ kind: 'failed', city: CITY, reason: 'timeout' });
    expect(await registry.sendToRegion('{"query":"{ cities { code } }"}', onBehalf(undefined, performance.now() - 1))).toMatchObject({ kind: 'failed', reason: 'timeout' });
    expect(sent).toHaveLength(3);
  });

  it('relays through the transport to the bureau\'s relay route as the gateway, within its deadline; never opens or closes its circuit, and asks nothing while it is open', async () => {
    let answer: PostOutcome = { kind: 'failed', reason: 'timeout', message: 'a slow batch of writes' };
    const { transport, sent } = recordingTransport(() => answer);
    const { registry } = await startRegistry(transport);
    const [target] = registry.relayTargets();
    const relay = () => target!.post('/cooperation/outbox', { limit: 200 }, new AbortController().signal);
    const circuit = () => registry.readiness().cities[0]!.circuit;

    for (let i = 0; i < 5; i += 1) expect(await relay()).toMatchObject({ kind: 'failed', reason: 'timeout' });
    expect(circuit()).toBe('closed'); // five query timeouts would have opened it
    expect(sent).toHaveLength(5);
    expect(sent[0]).toMatchObject({ subgraph: CITY, body: '{"limit":200}', options: { path: '/cooperation/outbox', timeoutMs: 1_500 } });
    const token = sent[0]!.options.headers!['authorization']!.replace(/^Bearer /, '');
    expect(JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString())).toMatchObject({ aud: CITY, role: 'gateway' });

    answer = { kind: 'failed', reason: 'unreachable', message: 'down' };
    for (let i = 0; i < 3; i += 1) await registry.send(QUERY, onBehalf());
    expect(circuit()).toBe('open');
    expect(await relay()).toMatchObject({ kind: 'failed', reason: 'circuit-open' });
    expect(sent).toHaveLength(8); // 5 relay requests + 3 queries: none while open
  });

  it('closes a bureau\'s open circuit when its event stream answers again, so the next query reaches it at once', async () => {
    let answer: PostOutcome = { kind: 'failed', reason: 'unreachable', message: 'down' };
    const { transport, sent } = recordingTransport(() => answer);
    const { registry } = await startRegistry(transport);
    const [followed] = registry.followedBureaus();
    const circuit = () => registry.readiness().cities[0]!.circuit;
    for (let i = 0; i < 3; i += 1) await registry.send(QUERY, onBehalf());
    expect(circuit()).toBe('open');
    expect(await registry.send(QUERY, onBehalf())).toMatchObject({ kind: 'failed', reason: 'circuit-open' });

    answer = { kind: 'ok', body: { data: {} } };
    followed!.answered();
    expect(circuit()).toBe('closed');
    expect(await registry.send(QUERY, onBehalf())).toMatchObject({ kind: 'ok' });
    expect(sent).toHaveLength(4); // 3 failures, none while open, then this one
  });
});

/**
 * A transport whose bureau answers wait until the test releases them; a cancelled request settles
 * 'aborted' at once, as undici's does.
 */
function heldTransport() {
  const sent: Array<Sent & { release(outcome?: PostOutcome): void }> = [];
  const transport: SubgraphTransport = (subgraph, url) => ({
    url,
    post(body, options) {
      if (body.includes('_service')) {
        return Promise.resolve({ kind: 'ok', body: { data: { _service: { sdl: subgraph === 'region' ? REGION_SDL : CONTRACT_SDL } } } });
      }
      return new Promise<PostOutcome>((resolve) => {
        const cancelled = () => resolve({ kind: 'failed', reason: 'aborted', message: 'cancelled' });
        options.signal?.addEventListener('abort', cancelled, { once: true });
        const n = sent.length + 1;
        sent.push({
          subgraph, body, options,
          release: (outcome = { kind: 'ok', body: { data: { enforcementCases: { totalCount: n } } } }) => {
            options.signal?.removeEventListener('abort', cancelled);
            resolve(outcome);
          },
        });
      });
    },
    close: async () => {},
  });
  return { transport, sent };
}

const officer = (claims: Partial<Caller> = {}): Caller => Object.freeze({
  role: 'authenticated', subject: 'officer-1', bureau: '500152', scopes: new Set(['cases:read', 'cases:internal']), jurisdiction: null, ...claims,
});
const as = (identity: OutgoingIdentity, signal?: AbortSignal, deadline?: number): OutgoingRequest => ({ identity, headers: {}, signal, deadline });
const ANSWER = { kind: 'ok', city: CITY, response: { data: { enforcementCases: { totalCount: 1 } } } };

describe('CityRegistry sharing identical queries in flight', () => {
  async function sharing(dedupe = true) {
    const { transport, sent } = heldTransport();
    const shared: string[] = [];
    const { registry } = await startRegistry(transport, 3_000, { dedupe, observeShared: (city) => void shared.push(city) });
    return { registry, sent, shared };
  }

  it('sends one bureau request for two identical queries of callers with the same access profile, and answers both with their own copy', async () => {
    const { registry, sent, shared } = await sharing();
    const first = registry.send(QUERY, as(officer({ subject: 'officer-1' })));
    const second = registry.send(QUERY, as(officer({ subject: 'officer-2', scopes: new Set(['cases:internal', 'cases:read']) })));
    expect(sent).toHaveLength(1);
    sent[0]!.release();

    const [a, b] = await Promise.all([first, second]);
    expect(a).toEqual(ANSWER);
    expect(b).toEqual(ANSWER);
    expect((a as { response: unknown }).response).not.toBe((b as { response: unknown }).response); // the gateway merges into each
    expect(shared).toEqual([CITY]);
  });

  it.each<[string, Caller]>([
    ['other scopes', officer({ scopes: new Set(['cases:read']) })],
    ['another bureau', officer({ bureau: '510900' })],
    ['no bureau', officer({ bureau: null })],
    ['a jurisdiction', officer({ jurisdiction: new Set(['500152']) })],
    ['the public role', PUBLIC_CALLER],
  ])('never shares between callers who could see different rows: %s', async (_name, other) => {
    const { registry, sent, shared } = await sharing();
    const first = registry.send(QUERY, as(officer()));
    const second = registry.send(QUERY, as(other));
    expect(sent).toHaveLength(2);
    for (const s of sent) s.release();
    await Promise.all([first, second]);
    expect(shared).toEqual([]);
  });

  it('sends each query with other variables, and each mutation, however identical', async () => {
    const { registry, sent } = await sharing();
    const mutation: CityFetch = { ...QUERY, query: 'mutation { acknowledgeNotice(id: "n1") { id } }', operation: 'mutation' };
    const pending = [
      registry.send(QUERY, as(officer())),
      registry.send({ ...QUERY, variables: { first: 1 } }, as(officer())),
      registry.send(mutation, as(officer())),
      registry.send(mutation, as(officer())),
    ];
    expect(sent).toHaveLength(4);
    for (const s of sent) s.release();
    await Promise.all(pending);
  });

  it('keeps answering a follower when the client that started the request hangs up, and cancels the request once no client waits', async () => {
    const { registry, sent } = await sharing();
    const leader = new AbortController();
    const follower = new AbortController();
    const first = registry.send(QUERY, as(officer(), leader.signal));
    const second = registry.send(QUERY, as(officer(), follower.signal));

    leader.abort();
    expect(await first).toMatchObject({ kind: 'failed', city: CITY, reason: 'aborted' });
    expect(sent[0]!.options.signal!.aborted).toBe(false);
    sent[0]!.release();
    expect(await second).toEqual(ANSWER);

    const third = registry.send(QUERY, as(officer(), leader.signal)); // this client is gone: nothing sent
    const fourth = new AbortController();
    const fifth = registry.send(QUERY, as(officer(), fourth.signal));
    fourth.abort();
    expect(await third).toMatchObject({ reason: 'aborted' });
    expect(await fifth).toMatchObject({ reason: 'aborted' });
    expect(sent).toHaveLength(2);
    expect(sent[1]!.options.signal!.aborted).toBe(true);
    expect(registry.readiness().cities[0]!.circuit).toBe('closed');
  });

  it("settles a follower with an earlier deadline on its own deadline, without blaming the bureau, while the others still get the answer", async () => {
    const { registry, sent } = await sharing();
    const patient = registry.send(QUERY, as(officer()));
    const hurried = registry.send(QUERY, as(officer(), undefined, performance.now() + 50));
    expect(sent).toHaveLength(1);
    expect(sent[0]!.options.timeoutMs).toBe(1_500); // the bureau's own deadline, whoever started it

    expect(await hurried).toMatchObject({ kind: 'failed', city: CITY, reason: 'timeout' });
    sent[0]!.release();
    expect(await patient).toEqual(ANSWER);

    for (let i = 0; i < 3; i += 1) {
      expect(await registry.send(QUERY, as(officer(), undefined, performance.now() + 20))).toMatchObject({ reason: 'timeout' });
    }
    expect(sent.slice(1).every((s) => s.options.signal!.aborted)).toBe(true); // nobody left waiting: cancelled
    expect(registry.readiness().cities[0]!.circuit).toBe('closed'); // three of its own timeouts would open it
  });

  it('shares only while in flight: a query after the answer is sent again', async () => {
    const { registry, sent } = await sharing();
    const first = registry.send(QUERY, as(officer()));
    sent[0]!.release();
    await first;
    const second = registry.send(QUERY, as(officer()));
    expect(sent).toHaveLength(2);
    sent[1]!.release();
    await second;
  });

  it('sends every identical query when switched off', async () => {
    const { registry, sent, shared } = await sharing(false);
    const pending = [registry.send(QUERY, as(officer())), registry.send(QUERY, as(officer()))];
    expect(sent).toHaveLength(2);
    for (const s of sent) s.release();
    expect(await Promise.all(pending)).toEqual([ANSWER, { ...ANSWER, response: { data: { enforcementCases: { totalCount: 2 } } } }]);
    expect(shared).toEqual([]);
  });
});
