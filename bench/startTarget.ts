/**
 * Starts the process behind one target: our gateway over a registry of N bureaus, or the plain
 * Apollo Gateway over the region + the single bureau. The direct target is the bureau itself.
 */
import type { ChildProcesses, RunningChild } from './ChildProcesses.ts';
import { ENTRIES } from './entries.ts';
import { FAN_OUT_BUREAUS, SINGLE_BUREAU, type TargetName } from './scenarios.ts';
import type { Subgraphs } from './startSubgraphs.ts';
import { writeRegistry } from './writeRegistry.ts';

const READY_TIMEOUT_MS = 60_000;

export interface Target {
  readonly url: string;
  /** Bureaus behind it (what a fan-out must add up). */
  readonly bureaus: readonly string[];
  /** The gateway process in front of the bureaus; null when the target is a bureau itself. */
  readonly pid: number | null;
  stop(): Promise<void>;
}

export interface TargetContext {
  readonly children: ChildProcesses;
  readonly subgraphs: Subgraphs;
  /** Where registry files go. */
  readonly workDir: string;
  readonly verbose: boolean;
}

export async function startTarget(name: TargetName, ctx: TargetContext): Promise<Target> {
  if (name === 'direct') {
    return { url: bureau(ctx, SINGLE_BUREAU).url, bureaus: [SINGLE_BUREAU], pid: null, stop: async () => {} };
  }
  if (name === 'plain') {
    const child = await ctx.children.start({
      name: 'plain-apollo-gateway',
      entry: ENTRIES.plainGateway,
      env: { BENCH_REGION_URL: ctx.subgraphs.region.url, BENCH_BUREAU_CODE: SINGLE_BUREAU, BENCH_BUREAU_URL: bureau(ctx, SINGLE_BUREAU).url },
      readyTimeoutMs: READY_TIMEOUT_MS,
      verbose: ctx.verbose,
    });
    return { url: child.url, bureaus: [SINGLE_BUREAU], pid: child.pid, stop: child.stop };
  }
  const codes = FAN_OUT_BUREAUS[name];
  const registry = writeRegistry(ctx.workDir, name, ctx.subgraphs.region.url, codes.map((code) => ({ code, url: bureau(ctx, code).url })));
  const child = await ctx.children.start({
    name,
    entry: ENTRIES.gateway,
    env: { ECOGRAPH_REGISTRY: registry, ECOGRAPH_GATEWAY_PORT: '0' },
    readyTimeoutMs: READY_TIMEOUT_MS,
    verbose: ctx.verbose,
  });
  return { url: child.url, bureaus: codes, pid: child.pid, stop: child.stop };
}

function bureau(ctx: TargetContext, code: string): RunningChild {
  const child = ctx.subgraphs.bureaus.get(code);
  if (!child) throw new Error(`bureau ${code} was not started`);
  return child;
}
