/**
 * CPU time of the processes behind a target, read from /proc (Linux), so the report can say where
 * the time per request goes: the gateway, the bureaus, or the load generator itself (all share the
 * same cores here). Elsewhere the readings are simply absent.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';

export type CpuGroups = Readonly<Record<string, readonly number[]>>;

/** CPU milliseconds so far, per group (sum over its pids), plus `loadGenerator` (this process). */
export type CpuSnapshot = Record<string, number>;

/** The whole machine's busy CPU ms so far, to tell how much other work ran beside the bench. */
const MACHINE = '\u0000machine';

const TICKS_PER_SECOND = clockTicks();

export function snapshotCpu(groups: CpuGroups): CpuSnapshot | null {
  const snapshot: CpuSnapshot = {};
  for (const [name, pids] of Object.entries(groups)) {
    let total = 0;
    for (const pid of pids) {
      const ms = processCpuMs(pid);
      if (ms === null) return null;
      total += ms;
    }
    snapshot[name] = total;
  }
  const own = process.cpuUsage();
  snapshot['loadGenerator'] = (own.user + own.system) / 1000;
  const machine = machineBusyMs();
  if (machine !== null) snapshot[MACHINE] = machine;
  return snapshot;
}

/** CPU ms per request of each group between two snapshots. */
export function cpuPerRequest(before: CpuSnapshot | null, after: CpuSnapshot | null, requests: number): Record<string, number> | null {
  if (!before || !after || requests === 0) return null;
  return Object.fromEntries(Object.keys(after).filter((name) => name !== MACHINE)
    .map((name) => [name, ((after[name] ?? 0) - (before[name] ?? 0)) / requests]));
}

/**
 * Share of the machine's CPU capacity that processes outside the bench used between two snapshots
 * (0.25 = a quarter of all cores): other engineers' tests on a shared box skew every figure.
 */
export function otherCpuShare(before: CpuSnapshot | null, after: CpuSnapshot | null, seconds: number, cores: number): number | null {
  if (!before || !after || before[MACHINE] === undefined || after[MACHINE] === undefined) return null;
  let ours = 0;
  for (const name of Object.keys(after)) if (name !== MACHINE) ours += (after[name] ?? 0) - (before[name] ?? 0);
  const others = after[MACHINE] - before[MACHINE] - ours;
  return Math.max(0, others / (seconds * 1000 * cores));
}

/** Share of all cores below which the machine counts as quiet, over one sample window. */
const QUIET_SHARE = 0.05;
const QUIET_WINDOW_MS = 500;
/** The longest a round waits for quiet before it is measured anyway. */
const QUIET_MAX_WAIT_MS = 20_000;

/**
 * Waits until the whole machine is nearly idle for one sample window (or the wait runs out), and says
 * how busy the last window was. Targets left idle finish their warm-up's garbage collection and
 * compilation seconds later; a round that started meanwhile measured their work too (up to half of
 * both cores in the first rounds of this bench). Null where /proc/stat cannot be read.
 */
export async function waitForQuiet(): Promise<{ readonly quiet: boolean; readonly share: number } | null> {
  const cores = cpus().length;
  const until = Date.now() + QUIET_MAX_WAIT_MS;
  for (;;) {
    const before = machineBusyMs();
    await delay(QUIET_WINDOW_MS);
    const after = machineBusyMs();
    if (before === null || after === null) return null;
    const share = (after - before) / (QUIET_WINDOW_MS * cores);
    if (share < QUIET_SHARE || Date.now() >= until) return { quiet: share < QUIET_SHARE, share };
  }
}

/** user + nice + system + steal of all cores; interrupts are left out (our own loopback traffic). */
function machineBusyMs(): number | null {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const [user = 0, nice = 0, system = 0, , , , , steal = 0] = fields;
    return ((user + nice + system + steal) * 1000) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

function processCpuMs(pid: number): number | null {
  try {
    // Fields after the parenthesised command name; utime and stime are the 14th and 15th of the line.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

function clockTicks(): number {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100; // Linux's usual USER_HZ
  }
}
