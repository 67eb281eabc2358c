/**
 * The region and the bureaus, each its own process on a free loopback port, as `npm start` runs
 * them (devtools/launcher/federation.main.ts) but with every port chosen by the system, so the
 * bench never collides with a running federation: a bureau whose system is a legacy web service
 * gets its simulated stand-in first, and HJ 212 ingests listen on any free port. The HJ 212
 * station simulator is not started: readings it would add are not what the queries measure.
 */
import { loadBureauConfig } from '../subgraphs/config/loadSubgraphConfig.ts';
import type { ChildProcesses, RunningChild } from './ChildProcesses.ts';
import { ENTRIES } from './entries.ts';

const READY_TIMEOUT_MS = 90_000; // seven tsx processes compiling at once on two cores

export interface Subgraphs {
  readonly region: RunningChild;
  readonly bureaus: ReadonlyMap<string, RunningChild>;
  /** Stand-ins for bureaus' legacy systems (part of those bureaus' cost). */
  readonly standIns: readonly RunningChild[];
  /** The environment they were started with (a bureau restarted later gets the same). */
  readonly env: Readonly<Record<string, string>>;
}

export interface SubgraphSettings {
  readonly dataDir: string;
  readonly codes: readonly string[];
  /** Added latency of the simulated legacy systems, as their `--latency` option ("0", "20-60"). */
  readonly legacyLatency: string;
  readonly verbose: boolean;
  /** ECOGRAPH_GATEWAY_PUBLIC_KEY: subgraphs refuse requests without a token it verifies. */
  readonly trustEnv: Readonly<Record<string, string>>;
  /**
   * ECOGRAPH_GATEWAY_URL: the gateway a bureau asks for a river's sections when an incident is
   * reported (the cooperation part); none by default.
   */
  readonly gatewayUrl?: string;
}

export async function startSubgraphs(children: ChildProcesses, settings: SubgraphSettings): Promise<Subgraphs> {
  const { dataDir, codes, legacyLatency, verbose } = settings;
  const env: Record<string, string> = {
    ECOGRAPH_DATA_DIR: dataDir, ECOGRAPH_PORT: '0', ECOGRAPH_HJ212_PORT: '0', ...settings.trustEnv,
    ...(settings.gatewayUrl && { ECOGRAPH_GATEWAY_URL: settings.gatewayUrl }),
  };
  const legacy = codes.map((code) => loadBureauConfig(code, env)).filter(({ source }) => source.kind === 'legacy-http');
  const standIns = await Promise.all(legacy.map(({ origin, source }) => children.start({
    name: `${origin}-legacy`,
    entry: ENTRIES.legacyStandIn,
    args: ['--port', '0', '--host', '127.0.0.1', '--city', origin, '--data', source.file, '--latency', legacyLatency],
    readyTimeoutMs: READY_TIMEOUT_MS,
    verbose,
  })));
  legacy.forEach(({ origin }, i) => (env[`ECOGRAPH_LEGACY_URL_${origin}`] = standIns[i]!.url));
  const [region, ...bureaus] = await Promise.all([
    children.start({ name: 'region', entry: ENTRIES.region, env, readyTimeoutMs: READY_TIMEOUT_MS, verbose }),
    ...codes.map((code) => children.start({ name: code, entry: ENTRIES.bureau, args: [code], env, readyTimeoutMs: READY_TIMEOUT_MS, verbose })),
  ]);
  return {
    region: region!,
    bureaus: new Map(codes.map((code, i) => [code, bureaus[i]!])),
    standIns,
    env,
  };
}

/** Starts bureau `code` again on `port` (its registry entry stays right), after its process was stopped. */
export function restartBureau(children: ChildProcesses, subgraphs: Subgraphs, code: string, port: string, verbose: boolean): Promise<RunningChild> {
  return children.start({
    name: `${code}-restarted`, entry: ENTRIES.bureau, args: [code], env: { ...subgraphs.env, ECOGRAPH_PORT: port }, readyTimeoutMs: READY_TIMEOUT_MS, verbose,
  });
}
