/**
 * `npm run bench`: the issue's side-by-side benchmark in one process tree. Seeds a data folder,
 * starts the region and the bureaus, starts every target and checks it answers the expected data,
 * then measures in rounds: in each, every scenario in turn is loaded with autocannon (warm-up, then
 * measured) — one target at a time, never two at once, as they share the cores. Prints the tables
 * (each figure the rounds' median) and the ratios against the issue's targets (the median of the
 * ratios within each round) and writes bench/results/latest.json. Every child dies with the bench.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchReport, ScenarioResult, ScenarioRound } from './BenchReport.ts';
import { ChildProcesses } from './ChildProcesses.ts';
import { codeVersion } from './codeVersion.ts';
import { computeRatios } from './computeRatios.ts';
import { formatReport } from './formatReport.ts';
import { currentLoad, machineInfo } from './machineInfo.ts';
import { combineRounds, measureRound, prepareScenario } from './measureScenario.ts';
import { parseBenchArgs, USAGE } from './parseBenchArgs.ts';
import { requestBody } from './postGraphQL.ts';
import { prepareDataDir } from './prepareDataDir.ts';
import { probeFixtures } from './probeFixtures.ts';
import { FAN_OUT_QUERY, SINGLE_BUREAU_QUERY } from './queries.ts';
import { SCENARIOS, selectScenarios, TARGET_ORDER, TARGETS, type TargetName } from './scenarios.ts';
import { startReplayBureaus } from './replayControl.ts';
import { startSubgraphs } from './startSubgraphs.ts';
import { startTarget, type Target } from './startTarget.ts';
import { prepareBenchTrust } from './benchTrust.ts';
import { cooperationChecksPassed } from './cooperation/formatCooperation.ts';
import { COOPERATION_BUREAUS } from './cooperation/cooperationQueries.ts';
import { runCooperation } from './cooperation/runCooperation.ts';
import { freePort } from './freePort.ts';
import { formatLive, liveChecksPassed } from './live/formatLive.ts';
import { LIVE_BUREAU, runLive } from './live/runLive.ts';

const RESULTS_FILE = fileURLToPath(new URL('./results/latest.json', import.meta.url));
const BUSY_LOAD = 1;
/** Share of all cores used by other processes during a run above which its figures are suspect. */
const BUSY_SHARE = 0.1;

if (process.argv.includes('--help')) {
  console.log(USAGE);
  process.exit(0);
}
const { options, scenarios } = (() => {
  try {
    const parsed = parseBenchArgs(process.argv.slice(2));
    return { options: parsed, scenarios: selectScenarios(parsed.scenarios) };
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  }
})();
// Data, registries and the children's logs; removed at the end.
const workDir = mkdtempSync(join(tmpdir(), 'ecograph-bench-'));
mkdirSync(join(workDir, 'logs'));
const children = new ChildProcesses(join(workDir, 'logs'));
const began = Date.now();
const say = (text: string) => process.stderr.write(`[bench ${((Date.now() - began) / 1000).toFixed(0).padStart(3)} s] ${text}\n`);

let cleaning: Promise<void> | null = null;
const cleanUp = () => (cleaning ??= (async () => {
  await children.stopAll();
  rmSync(workDir, { recursive: true, force: true });
})());
// Ctrl-C or a kill must not leave seven servers behind. A terminal's Ctrl-C arrives more than once
// (directly and relayed by tsx), so the handler stays installed: a second signal must not kill
// the bench mid-cleanup. 'exit' is the synchronous last resort.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void cleanUp().finally(() => process.exit(130)));
}
process.once('exit', () => children.killAllNow());

try {
  const report = await runBench();
  console.log(formatReport(report));
  if (report.live) console.log(`\n${formatLive(report.live)}`);
  mkdirSync(join(RESULTS_FILE, '..'), { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`);
  say(`wrote ${RESULTS_FILE}`);
  const busy = report.scenarios.filter((r) => Math.max(r.loaded.otherCpuShare ?? 0, r.serial?.otherCpuShare ?? 0) > BUSY_SHARE);
  if (busy.length > 0) {
    say(`warning: other processes used more than ${BUSY_SHARE * 100} % of the cores during ${busy.map((r) => r.name).join(', ')}; rerun when the machine is idle.`);
  }
  const failed = report.scenarios.filter((r) => r.loaded.failures + (r.serial?.failures ?? 0) > 0);
  if (failed.length > 0) {
    say(`FAILED: error responses during ${failed.map((r) => r.name).join(', ')}: those figures are not valid.`);
    process.exitCode = 1;
  }
  const coop = report.cooperation;
  if (coop && (!cooperationChecksPassed(coop) || (coop.writeVsRead && coop.writeVsRead.write.failures + coop.writeVsRead.read.failures > 0))) {
    say('FAILED: the cooperation part had error responses or lost, doubled or reordered messages: its figures are not valid.');
    process.exitCode = 1;
  }
  if (report.live && !liveChecksPassed(report.live)) {
    say('FAILED: the live part had errors or lost, doubled or reordered events: its figures are not valid.');
    process.exitCode = 1;
  }
} catch (error) {
  say(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await cleanUp();
}

async function runBench(): Promise<BenchReport> {
  const machine = machineInfo();
  if (machine.loadAtStart > BUSY_LOAD) {
    say(`warning: load average is ${machine.loadAtStart.toFixed(2)}; other work on this machine will skew the figures.`);
  }
  say(options.dataDir ? `checking the data in ${options.dataDir} …` : 'seeding a temporary data folder (scale 1) …');
  const dataDir = await prepareDataDir(children, options.dataDir, workDir);

  const sideBySide = options.parts.includes('side-by-side');
  const cooperation = options.parts.includes('cooperation');
  const live = options.parts.includes('live');
  const targets = sideBySide ? TARGET_ORDER.filter((t) => scenarios.some((s) => s.target === t)) : [];
  const codes = [...new Set([
    ...targets.flatMap((t) => TARGETS[t].bureaus),
    ...(cooperation ? COOPERATION_BUREAUS : []),
    ...(live ? [LIVE_BUREAU] : []),
  ])];
  say(`starting the region and bureaus ${codes.join(', ')} …`);
  const trust = await prepareBenchTrust(workDir);
  // A bureau asks the gateway for a river's sections when an incident is reported: the cooperation
  // gateway's port is chosen now, before the bureaus start, and that gateway listens on it later.
  const coopGatewayPort = cooperation ? await freePort() : null;
  const subgraphs = await startSubgraphs(children, {
    dataDir, codes, legacyLatency: options.legacyLatency, verbose: options.verbose, trustEnv: trust.subgraphEnv,
    ...(coopGatewayPort !== null && { gatewayUrl: `http://127.0.0.1:${coopGatewayPort}/graphql` }),
  });
  // A legacy stand-in is part of its bureau's cost: it plays the bureau's own system.
  const subgraphCpu = { bureaus: [...subgraphs.bureaus.values(), ...subgraphs.standIns].map((c) => c.pid), region: [subgraphs.region.pid] };

  const replayCodes = [...new Set(targets.flatMap((t) => (TARGETS[t].replay ? TARGETS[t].bureaus : [])))];
  const replay = replayCodes.length === 0 ? null : await startReplayBureaus(
    children, new Map(replayCodes.map((code) => [code, subgraphs.bureaus.get(code)!.url])), options.replayLatency, trust.publicKeyPath, options.verbose,
  );
  // Behind replay bureaus, the bureaus' CPU is the replay process's (it verifies every token).
  const replayCpu = replay && { bureaus: [replay.child.pid], region: [subgraphs.region.pid] };

  const results = new Map<string, ScenarioResult>();
  if (targets.length > 0) {
    const fixtures = await probeFixtures(subgraphs, trust);
    const bodies = {
      single: requestBody(SINGLE_BUREAU_QUERY, { code: fixtures.singleCase.cityCode, id: fixtures.singleCase.id }),
      fanout: requestBody(FAN_OUT_QUERY),
    };
    // Every target is started (and its answers checked) first, and stays up: the rounds interleave
    // them. Only one is ever loaded; the idle ones' background work shows as "other processes".
    const started = new Map<TargetName, Target>();
    try {
      for (const targetName of targets) {
        say(`starting target ${targetName} …`);
        const target = await startTarget(targetName, { children, subgraphs, workDir, verbose: options.verbose, trust, replay });
        started.set(targetName, target);
        for (const scenario of scenarios.filter((s) => s.target === targetName)) {
          await prepareScenario(scenario, target, bodies[scenario.query], fixtures, options, say);
        }
      }
      await replay?.replay();
      const measured = scenarios.filter((s) => started.has(s.target));
      const rounds = new Map<string, ScenarioRound[]>(measured.map((s) => [s.name, []]));
      for (let round = 0; round < options.rounds; round++) {
        // Forward, then backward: no scenario always runs right after the same other one.
        for (const scenario of round % 2 === 0 ? measured : [...measured].reverse()) {
          const target = started.get(scenario.target)!;
          const cpu = TARGETS[scenario.target].replay && replayCpu ? replayCpu : subgraphCpu;
          rounds.get(scenario.name)!.push(await measureRound(scenario, target, bodies[scenario.query], options, round, say, cpu));
        }
      }
      for (const scenario of measured) results.set(scenario.name, combineRounds(scenario, started.get(scenario.target)!, rounds.get(scenario.name)!));
    } finally {
      for (const target of started.values()) await target.stop();
    }
  }
  const cooperationResult = coopGatewayPort === null ? null : await runCooperation({
    children, subgraphs, workDir, verbose: options.verbose, trust, gatewayPort: coopGatewayPort, dataDir, options, cpu: subgraphCpu, say,
  });

  const liveSettings = { subscribers: options.liveSubscribers, connections: options.liveConnections, rate: options.liveRate, seconds: options.liveSeconds };
  const liveResult = live ? await runLive({ children, subgraphs, workDir, dataDir, verbose: options.verbose, trust, settings: liveSettings, say }) : null;

  machine.loadAtEnd = currentLoad();
  const ordered = SCENARIOS.flatMap((s) => results.get(s.name) ?? []);
  return {
    startedAt: new Date(began).toISOString(),
    machine,
    code: codeVersion(),
    settings: {
      warmupSeconds: options.warmup,
      rounds: options.rounds,
      durationSeconds: options.duration,
      connections: options.connections,
      serialDurationSeconds: options.serialDuration,
      data: 'seeded data at scale 1 (200 cases per bureau)',
      legacyLatencyMs: options.legacyLatency,
      ...(replay && { replayLatencyMs: options.replayLatency }),
      ...(cooperation && {
        cooperation: { durationSeconds: options.coopDuration, incidents: options.coopIncidents, pending: options.coopPending, concurrency: options.coopConcurrency },
      }),
    },
    queries: { single: SINGLE_BUREAU_QUERY, fanout: FAN_OUT_QUERY },
    scenarios: ordered,
    ratios: computeRatios(ordered),
    cooperation: cooperationResult,
    live: liveResult,
  };
}
