/**
 * Starts the process behind one target: our gateway over a registry of N bureaus, or the plain
 * Apollo Gateway over the region + the single bureau. The direct target is the bureau itself.
 */
import type { ChildProcesses, RunningChild } from './ChildProcesses.ts';
import { ENTRIES } from './entries.ts';
import { FAN_OUT_BUREAUS, SINGLE_BUREAU, type TargetName } from './scenarios.ts';
import type { Subgraphs } from './startSubgraphs.ts';
import { writeRegistry } from './writeRegistry.ts';
import type { BenchTrust } from './benchTrust.ts';

const READY_TIMEOUT_MS = 60_000;

export interface Target {
  readonly url: string;
  /** Bureaus behind it (what a fan-out must add up). */
  readonly bureaus: readonly string[];
  /** The gateway process in front of the bureaus; null when the target is a bureau itself. */
  readonly pid: number | null;
  /** Headers sent on every request, the same each time: a gateway gets the bench caller's token. */
  readonly headers: Readonly<Record<string, string>>;
  /**
   * Headers made anew for each request, or null: a bureau asked directly needs a fresh gateway
   * token each time (it refuses a replayed one).
   */
  readonly freshHeaders: (() => Record<string, string>) | null;
  stop(): Promise<void>;
}

export interface TargetContext {
  readonly children: ChildProcesses;
  readonly subgraphs: Subgraphs;
  /** Where registry files go. */
  readonly workDir: string;
  readonly verbose: boolean;
  readonly trust: BenchTrust;
}

export async function startTarget(name: TargetName, ctx: TargetContext): Promise<Target> {
  if (name === 'direct') {
    return {
      url: bureau(ctx, SINGLE_BUREAU).url, bureaus: [SINGLE_BUREAU], pid: null, stop: async () => {},
      headers: {}, freshHeaders: () => ctx.trust.headersFor(SINGLE_BUREAU),
    };
  }
  if (name === 'plain') {
    const child = await ctx.children.start({
      name: 'plain-apollo-gateway',
      entry: ENTRIES.plainGateway,
      env: {
        BENCH_REGION_URL: ctx.subgraphs.region.url, BENCH_BUREAU_CODE: SINGLE_BUREAU, BENCH_BUREAU_URL: bureau(ctx, SINGLE_BUREAU).url,
        BENCH_GATEWAY_SIGNING_KEY: ctx.trust.privateKeyPath,
      },
      readyTimeoutMs: READY_TIMEOUT_MS,
      verbose: ctx.verbose,
    });
    // The same request bytes as our gateway gets; it has no use for the caller token (it verifies none).
    return { url: child.url, bureaus: [SINGLE_BUREAU], pid: child.pid, stop: child.stop, headers: ctx.trust.callerHeaders, freshHeaders: null };
  }
  const codes = FAN_OUT_BUREAUS[name];
  const child = await startOurGateway(ctx, name, codes);
  return { url: child.url, bureaus: codes, pid: child.pid, stop: child.stop, headers: ctx.trust.callerHeaders, freshHeaders: null };
}

/**
 * Our gateway (gateway.main.ts) over the region and `codes`, in development mode trusting the bench
 * issuer (trust.gatewayEnv). The load is one caller from one address: rate limits it never meets
 * (including the bureaus' callbacks on a writer's behalf), so the limiter is measured but never
 * refuses. `env` adds to or overrides that (a fixed port, relay settings).
 */
export function startOurGateway(ctx: TargetContext, name: string, codes: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<RunningChild> {
  const registry = writeRegistry(ctx.workDir, name, ctx.subgraphs.region.url, codes.map((code) => ({ code, url: bureau(ctx, code).url })));
  return ctx.children.start({
    name,
    entry: ENTRIES.gateway,
    env: {
      ECOGRAPH_REGISTRY: registry, ECOGRAPH_GATEWAY_PORT: '0',
      ECOGRAPH_RATE_LIMIT_PUBLIC: '1000000000', ECOGRAPH_RATE_LIMIT_AUTHENTICATED: '1000000000',
      ECOGRAPH_RATE_LIMIT_REGION_CALLBACK: '1000000000', ...ctx.trust.gatewayEnv, ...env,
    },
    readyTimeoutMs: READY_TIMEOUT_MS,
    verbose: ctx.verbose,
  });
}

function bureau(ctx: TargetContext, code: string): RunningChild {
  const child = ctx.subgraphs.bureaus.get(code);
  if (!child) throw new Error(`bureau ${code} was not started`);
  return child;
}
