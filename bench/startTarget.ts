/**
 * Starts the process behind one target (bench/scenarios.ts): our gateway over a registry of N
 * bureaus (with its in-flight deduplication as shipped, or off), or a peer (plain Apollo Gateway with its default fetcher or an undici one, Hive Gateway
 * with deduplication on or off) over the region + the single bureau. The direct target is the
 * bureau itself; the pass-through relays the request's bytes to it (bench/passThroughProxy.ts).
 * A replay target puts the record-replay bureaus (bench/replayBureaus.ts) where the
 * real bureaus were; the region stays real (the measured queries never reach it).
 */
import type { ChildProcesses, RunningChild } from './ChildProcesses.ts';
import { ENTRIES } from './entries.ts';
import { processRssMiB } from './processMemory.ts';
import type { ReplayBureaus } from './replayControl.ts';
import { SINGLE_BUREAU, TARGETS, type GatewayKind, type TargetName } from './scenarios.ts';
import type { Subgraphs } from './startSubgraphs.ts';
import { writeRegistry } from './writeRegistry.ts';
import type { BenchTrust } from './benchTrust.ts';

const READY_TIMEOUT_MS = 60_000;

export interface Target {
  readonly url: string;
  readonly kind: GatewayKind;
  /** Bureaus behind it (what a fan-out must add up). */
  readonly bureaus: readonly string[];
  /** The gateway process in front of the bureaus; null when the target is a bureau itself. */
  readonly pid: number | null;
  /** The gateway's resident memory once it said it was ready, before any request (MiB); null without one. */
  readonly rssAtStartMiB: number | null;
  /** Headers sent on every request, the same each time: a gateway gets the bench caller's token. */
  readonly headers: Readonly<Record<string, string>>;
  /**
   * Headers made anew for each request, or null: a bureau asked directly needs a fresh gateway
   * token each time (it refuses a replayed one).
   */
  readonly freshHeaders: (() => Record<string, string>) | null;
  /** The record-replay bureaus behind it, or null when the real bureaus are. */
  readonly replay: ReplayBureaus | null;
  stop(): Promise<void>;
}

export interface TargetContext {
  readonly children: ChildProcesses;
  readonly subgraphs: Subgraphs;
  /** Where registry files go. */
  readonly workDir: string;
  readonly verbose: boolean;
  readonly trust: BenchTrust;
  /** Started only when a replay target is measured. */
  readonly replay?: ReplayBureaus | null;
}

export async function startTarget(name: TargetName, ctx: TargetContext): Promise<Target> {
  const spec = TARGETS[name];
  const replay = spec.replay ? (ctx.replay ?? null) : null;
  if (spec.replay && replay === null) throw new Error(`${name} needs the record-replay bureaus, which were not started`);
  // What a gateway asks at start (a bureau's SDL) is recorded like its queries, and replayed after.
  await replay?.record();
  const urlOf = (code: string) => (replay ? replay.urlOf(code) : bureau(ctx, code).url);
  const common = { kind: spec.kind, bureaus: spec.bureaus, replay };
  switch (spec.kind) {
    case 'direct':
      return {
        ...common, url: urlOf(SINGLE_BUREAU), pid: null, rssAtStartMiB: null, stop: async () => {},
        headers: {}, freshHeaders: () => ctx.trust.headersFor(SINGLE_BUREAU),
      };
    case 'pass-through': {
      const child = await ctx.children.start({
        name,
        entry: ENTRIES.passThrough,
        env: { BENCH_BUREAU_CODE: SINGLE_BUREAU, BENCH_BUREAU_URL: urlOf(SINGLE_BUREAU), BENCH_GATEWAY_SIGNING_KEY: ctx.trust.privateKeyPath },
        readyTimeoutMs: READY_TIMEOUT_MS,
        verbose: ctx.verbose,
      });
      // The request goes to the bureau as it is: the bureau's answer to it is the direct target's.
      return { ...common, ...running(child), headers: ctx.trust.callerHeaders, freshHeaders: null };
    }
    case 'plain':
    case 'plain-undici':
    case 'hive':
    case 'hive-nodedup': {
      const hive = spec.kind === 'hive' || spec.kind === 'hive-nodedup';
      const child = await ctx.children.start({
        name: name,
        entry: hive ? ENTRIES.hiveGateway : ENTRIES.plainGateway,
        env: {
          BENCH_REGION_URL: ctx.subgraphs.region.url, BENCH_BUREAU_CODE: SINGLE_BUREAU, BENCH_BUREAU_URL: urlOf(SINGLE_BUREAU),
          BENCH_GATEWAY_SIGNING_KEY: ctx.trust.privateKeyPath,
          ...(hive ? { BENCH_HIVE_DEDUP: spec.kind === 'hive' ? 'on' : 'off' } : { BENCH_FETCHER: spec.kind === 'plain' ? 'default' : 'undici' }),
        },
        readyTimeoutMs: READY_TIMEOUT_MS,
        verbose: ctx.verbose,
      });
      // The same request bytes as our gateway gets; a peer has no use for the caller token (it verifies none).
      return { ...common, ...running(child), headers: ctx.trust.callerHeaders, freshHeaders: null };
    }
    case 'ours':
    case 'ours-nodedup': {
      // The cooperation relay polls every bureau's outbox once a second, and the event streams hold a
      // pull open at each bureau: background work whose requests change from one to the next (the
      // replay bureaus cannot answer them from a recording) and that the peers do not have.
      const background = { ECOGRAPH_RELAY_INTERVAL_MS: '0', ECOGRAPH_EVENT_STREAMS: 'false' };
      const env = { ...(replay && background), ...(spec.kind === 'ours-nodedup' && { ECOGRAPH_DEDUPE_BUREAU_REQUESTS: 'false' }) };
      const child = await startOurGateway(ctx, name, spec.bureaus, env, urlOf);
      return { ...common, ...running(child), headers: ctx.trust.callerHeaders, freshHeaders: null };
    }
    default:
      throw new Error(`unknown target kind ${String(spec satisfies never)}`);
  }
}

function running(child: RunningChild) {
  return { url: child.url, pid: child.pid, rssAtStartMiB: processRssMiB(child.pid)?.rss ?? null, stop: child.stop };
}

/**
 * Our gateway (gateway.main.ts) over the region and `codes`, in development mode trusting the bench
 * issuer (trust.gatewayEnv). The load is one caller from one address: rate limits it never meets
 * (including the bureaus' callbacks on a writer's behalf), so the limiter is measured but never
 * refuses. `env` adds to or overrides that (a fixed port, relay settings); `urlOf` says where each
 * bureau is (the real process by default).
 */
export function startOurGateway(
  ctx: TargetContext, name: string, codes: readonly string[], env: Readonly<Record<string, string>> = {},
  urlOf: (code: string) => string = (code) => bureau(ctx, code).url,
): Promise<RunningChild> {
  const registry = writeRegistry(ctx.workDir, name, ctx.subgraphs.region.url, codes.map((code) => ({ code, url: urlOf(code) })));
  return ctx.children.start({
    name,
    entry: ENTRIES.gateway,
    env: {
      ECOGRAPH_REGISTRY: registry, ECOGRAPH_GATEWAY_PORT: '0',
      ECOGRAPH_RATE_LIMIT_PUBLIC: '1000000000', ECOGRAPH_RATE_LIMIT_AUTHENTICATED: '1000000000',
      ECOGRAPH_RATE_LIMIT_REGION_CALLBACK: '1000000000', ...ctx.trust.gatewayEnv, ...env,
    },
    // Profiling our gateway alone, e.g. BENCH_GATEWAY_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof'
    // (bench/profileSummary.main.ts reads the result); the peers and the bureaus run as usual.
    nodeArgs: process.env['BENCH_GATEWAY_NODE_ARGS']?.split(' ').filter((arg) => arg !== ''),
    readyTimeoutMs: READY_TIMEOUT_MS,
    verbose: ctx.verbose,
  });
}

function bureau(ctx: TargetContext, code: string): RunningChild {
  const child = ctx.subgraphs.bureaus.get(code);
  if (!child) throw new Error(`bureau ${code} was not started`);
  return child;
}
