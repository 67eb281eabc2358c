/**
 * The city registry at run time (README.md, "How the gateway joins the bureaus"): loads the
 * registry file, keeps one CityLink per bureau, checks every bureau at start, on every change of
 * the file and every `recheckMs`. It owns what follows the file: the shard engine over the enabled
 * bureaus, each subgraph's client and deadline (read per request, so an edited `timeoutMs` applies
 * at once), and tells its listeners when the region's URL changes (the supergraph must be rebuilt).
 *
 * Every enabled bureau stays in the shard engine's set: one that is down fails fast (open circuit)
 * and one that is off-contract is refused, each with CITY_UNAVAILABLE naming it, so a client always
 * learns that a part is missing instead of getting a silently smaller answer. /readyz says why.
 */
import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { DocumentNode } from 'graphql';
import { loadRegistry } from '../config/loadGatewayConfig.ts';
import type { CityEntry, Registry } from '../config/registrySchema.ts';
import type { CityFetch, CityOutcome, ShardEngine } from '../shard-engine/index.ts';
import { createUndiciTransport, type PostOutcome, type SubgraphClient, type SubgraphTransport } from '../transport/createSubgraphClient.ts';
import { REGION_AUDIENCE } from '../../schema/gateway-token/gatewayTokenRules.ts';
import { withGatewayToken, type BureauTokenSigner } from '../bureau-tokens/createBureauTokenSigner.ts';
import { GATEWAY_SERVICE_IDENTITY, type OutgoingIdentity } from '../bureau-tokens/OutgoingIdentity.ts';
import type { OutgoingRequest } from '../bureau-tokens/OutgoingRequest.ts';
import { fetchBudget } from '../request/fetchBudget.ts';
import { checkSubgraph } from './checkSubgraph.ts';
import { CityLink, type CityCheck } from './CityLink.ts';

export interface CityRegistryOptions {
  readonly path: string;
  readonly recheckMs: number;
  /** What every bureau must serve at `_service { sdl }` (the expanded city contract). */
  readonly contract: DocumentNode;
  /** What the region must serve. */
  readonly region: DocumentNode;
  readonly log: (event: Record<string, unknown>) => void;
  /** Signs the gateway token of every request to a bureau or the region, checks included. */
  readonly signer: BureauTokenSigner;
  /** The shard engine (over any bureaus): the registry keeps it serving the enabled ones. */
  readonly engine: ShardEngine;
  /** How requests reach a bureau or the region (every request, checks included). @default createUndiciTransport() */
  readonly transport?: SubgraphTransport;
  /** Told of every bureau request once it settled, refused ones included (metrics hook it here). */
  readonly observeSend?: (outcome: CityOutcome, durationMs: number) => void;
  /**
   * Identical queries in flight at once (same bureau, document, variables and access profile) share
   * one bureau request (CityLink.ts); false = each is sent. @default true
   */
  readonly dedupe?: boolean;
  /** Told of each bureau request saved that way, with the bureau's code (metrics hook it here). */
  readonly observeShared?: (city: string) => void;
}

export interface Readiness {
  readonly ready: boolean;
  readonly region: { readonly url: string } & CityCheck;
  readonly cities: ReadonlyArray<{ readonly code: string; readonly name: string; readonly url: string; readonly circuit: string } & CityCheck>;
}

/** A bureau's state as a check changed it (the `bureauStatusChanged` subscription follows these). */
export interface CityStatusChange {
  readonly code: string;
  readonly name: string;
  readonly status: CityCheck['status'];
  /** Epoch ms of the check that found it. */
  readonly at: number;
}

export class CityRegistry {
  private links = new Map<string, CityLink>();
  private registry!: Registry;
  private engine_: ShardEngine;
  private regionClient!: SubgraphClient;
  private readonly regionUrlListeners = new Set<(url: string) => void>();
  private readonly cityListeners = new Set<() => void>();
  private readonly statusListeners = new Set<(change: CityStatusChange) => void>();
  private readonly transport: SubgraphTransport;
  private regionCheck: CityCheck = { status: 'pending', detail: null, checkedAt: null };
  private watcher: FSWatcher | null = null;
  private timer: NodeJS.Timeout | null = null;
  private reloadTimer: NodeJS.Timeout | null = null;
  private checking: Promise<void> | null = null;
  private checkAgain: Promise<void> | null = null;

  constructor(private readonly options: CityRegistryOptions) {
    this.engine_ = options.engine;
    this.transport = options.transport ?? createUndiciTransport();
  }

  /** Loads and checks once (a bad file here is a startup error), then watches and re-checks. */
  async start(): Promise<Registry> {
    this.apply(loadRegistry(this.options.path));
    await this.checkAll();
    // Watch the folder, not the file: editors and deploy tools save by writing a new file and
    // renaming it over the old one, and a watch on the file would stay on the replaced one.
    const file = basename(this.options.path);
    this.watcher = watch(dirname(this.options.path), (_event, changed) => {
      if (changed === null || changed === file) this.scheduleReload();
    });
    this.timer = setInterval(() => void this.checkAll(), this.options.recheckMs);
    this.timer.unref();
    return this.registry;
  }

  get region(): Registry['region'] {
    return this.registry.region;
  }

  /** The shard engine serving the enabled bureaus of the registry file as it is now. */
  get engine(): ShardEngine {
    return this.engine_;
  }

  /** Calls `listener` with the region's new URL whenever an edit changes it; returns the unsubscribe. */
  watchRegionUrl(listener: (url: string) => void): () => void {
    this.regionUrlListeners.add(listener);
    return () => void this.regionUrlListeners.delete(listener);
  }

  /** Calls `listener` whenever a check changes a bureau's state; returns the unsubscribe. */
  watchCityStatus(listener: (change: CityStatusChange) => void): () => void {
    this.statusListeners.add(listener);
    return () => void this.statusListeners.delete(listener);
  }

  /** How many listeners watchCityStatus has now (open bureauStatusChanged subscriptions; /metrics shows it). */
  get cityStatusWatchers(): number {
    return this.statusListeners.size;
  }

  /** One request to the region, within its deadline as the registry file says now. */
  async sendToRegion(body: string, { headers, identity, signal, deadline }: OutgoingRequest): Promise<PostOutcome> {
    const { timeoutMs } = fetchBudget(this.registry.region.timeoutMs, deadline, performance.now());
    if (timeoutMs <= 0) return { kind: 'failed', reason: 'timeout', message: 'the request\'s deadline passed before the region was asked' };
    return this.regionClient.post(body, { timeoutMs, signal, headers: this.regionHeadersFor(identity, headers) });
  }

  /**
   * The bureaus the cooperation relay delivers between (the enabled ones), each reached through its
   * link: this registry's transport, the bureau's deadline, a token signed for it as the gateway
   * itself (gateway/cooperation/, CityLink.relay).
   */
  relayTargets(): ReadonlyArray<{ readonly code: string; post(path: string, body: unknown, signal: AbortSignal): Promise<PostOutcome> }> {
    return [...this.links.values()].filter((l) => l.entry.enabled).map((link) => ({
      code: link.entry.code,
      post: (path, body, signal) => link.relay(path, body, signal),
    }));
  }

  /**
   * The bureaus whose event streams the gateway follows (the enabled ones): each with its client (the
   * transport seam every bureau request goes through), deadline, and the headers of one request
   * signed for it as the gateway itself (gateway/events/). Its stream answering again after failing
   * closes its circuit, as a check that sees it up again does (FollowedBureau.answered).
   */
  followedBureaus(): ReadonlyArray<{
    readonly code: string; readonly url: string; readonly client: SubgraphClient; readonly timeoutMs: number;
    headers(): Record<string, string>; answered(): void;
  }> {
    return [...this.links.values()].filter((l) => l.entry.enabled).map((link) => ({
      code: link.entry.code,
      url: link.entry.url,
      client: link.client,
      timeoutMs: link.entry.timeoutMs,
      headers: () => link.headersFor(GATEWAY_SERVICE_IDENTITY),
      answered: () => {
        if (link.breaker.state !== 'closed') link.breaker.succeeded();
      },
    }));
  }

  /** Calls `listener` after every registry edit is applied (bureaus added, removed or changed); returns the unsubscribe. */
  watchCities(listener: () => void): () => void {
    this.cityListeners.add(listener);
    return () => void this.cityListeners.delete(listener);
  }

  /** The longest deadline of any subgraph in the registry file as it is now. */
  longestTimeoutMs(): number {
    return Math.max(this.registry.region.timeoutMs, ...this.registry.cities.map((city) => city.timeoutMs));
  }

  /** The shard engine's I/O: one request to one bureau, on behalf of one client request. */
  async send(fetch: CityFetch, outgoing: OutgoingRequest): Promise<CityOutcome> {
    const started = performance.now();
    const link = this.links.get(fetch.city);
    const outcome: CityOutcome = link
      ? await link.send(fetch, outgoing)
      : { kind: 'failed', city: fetch.city, reason: 'unreachable', message: 'not in the registry' };
    this.options.observeSend?.(outcome, performance.now() - started);
    return outcome;
  }

  readiness(): Readiness {
    const cities = [...this.links.values()].map((l) => ({
      code: l.entry.code, name: l.entry.name, url: l.entry.url, circuit: l.breaker.state, ...l.check,
    }));
    const serving = cities.some((c) => c.status === 'up' || c.status === 'degraded');
    return { ready: this.regionCheck.status === 'up' && serving, region: { url: this.registry.region.url, ...this.regionCheck }, cities };
  }

  /** Runs one check of every bureau and the region (concurrent runs are coalesced). */
  checkAll(): Promise<void> {
    if (this.checking) {
      // A registry edit during a running check must not wait for the next interval: run once more after.
      this.checkAgain ??= this.checking.then(() => {
        this.checkAgain = null;
        return this.checkAll();
      });
      return this.checkAgain;
    }
    this.checking = this.runChecks().finally(() => (this.checking = null));
    return this.checking;
  }

  async stop(): Promise<void> {
    this.watcher?.close();
    if (this.timer) clearInterval(this.timer);
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    this.regionUrlListeners.clear();
    this.cityListeners.clear();
    this.statusListeners.clear();
    await Promise.all([...[...this.links.values()].map((l) => l.close()), this.regionClient.close()]);
  }

  private async runChecks(): Promise<void> {
    const { contract, region } = this.options;
    const regionUrl = this.registry.region.url;
    await Promise.all([
      checkSubgraph(this.regionClient, regionUrl.replace(/\/graphql\/?$/, '/health'), region, this.registry.region.timeoutMs,
        this.regionHeadersFor(GATEWAY_SERVICE_IDENTITY))
        .then((check) => this.record('region', check, (c) => (this.regionCheck = c), () => this.regionCheck)),
      ...[...this.links.values()].filter((l) => l.entry.enabled).map(async (link) => {
        const check = await checkSubgraph(link.client, link.entry.healthUrl, contract, link.entry.timeoutMs, link.headersFor(GATEWAY_SERVICE_IDENTITY));
        if (check.status === 'down') link.breaker.trip();
        else if (link.check.status === 'down' || link.check.status === 'pending') link.breaker.succeeded();
        const before = link.check.status;
        this.record(link.entry.code, check, (c) => (link.check = c), () => link.check);
        if (before !== check.status) {
          const change = { code: link.entry.code, name: link.entry.name, status: check.status, at: check.checkedAt ?? Date.now() };
          for (const listener of this.statusListeners) listener(change);
        }
      }),
    ]);
  }

  private record(who: string, check: CityCheck, set: (c: CityCheck) => void, get: () => CityCheck): void {
    const before = get();
    set(check);
    if (before.status !== check.status || before.detail !== check.detail) {
      this.options.log({ level: check.status === 'up' ? 'info' : 'warn', msg: 'subgraph state', subgraph: who, state: check.status, detail: check.detail });
    }
  }

  private scheduleReload(): void {
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    // Editors write a file in several steps; wait until it settles.
    this.reloadTimer = setTimeout(() => {
      try {
        this.apply(loadRegistry(this.options.path));
        this.options.log({ level: 'info', msg: 'registry reloaded', path: this.options.path });
        void this.checkAll();
      } catch (error) {
        // A broken edit keeps the last good registry serving.
        this.options.log({ level: 'error', msg: 'registry file rejected; keeping the previous one', detail: (error as Error).message });
      }
    }, 200);
  }

  private apply(next: Registry): void {
    const previous = this.registry as Registry | undefined;
    const links = new Map<string, CityLink>();
    for (const entry of next.cities) {
      const old = this.links.get(entry.code);
      const unchanged = old && JSON.stringify(old.entry) === JSON.stringify(entry);
      const link = unchanged ? old : this.linkFor(entry);
      if (!entry.enabled) link.check = { status: 'disabled', detail: 'disabled in the registry', checkedAt: Date.now() };
      links.set(entry.code, link);
    }
    for (const [code, link] of this.links) if (links.get(code) !== link) void link.close();
    this.links = links;
    this.registry = next;
    if (!previous || previous.region.url !== next.region.url) {
      void this.regionClient?.close();
      this.regionClient = this.transport('region', next.region.url);
      if (previous) for (const listener of this.regionUrlListeners) listener(next.region.url);
    }
    this.engine_ = this.engine_.withCities(next.cities.filter((c) => c.enabled).map((c) => c.code));
    if (previous) for (const listener of this.cityListeners) listener();
  }

  private linkFor(entry: CityEntry): CityLink {
    const { signer, dedupe = true, observeShared } = this.options;
    const sharing = dedupe ? { onShared: () => observeShared?.(entry.code) } : null;
    return new CityLink(entry, signer, this.transport(entry.code, entry.url), sharing);
  }

  /** The region's outgoing headers: `headers` plus a fresh gateway token for the region. */
  private regionHeadersFor(identity: OutgoingIdentity, headers: Readonly<Record<string, string>> = {}): Record<string, string> {
    return withGatewayToken(this.options.signer, REGION_AUDIENCE, identity, headers);
  }
}
