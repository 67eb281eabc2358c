/**
 * The simulated legacy service's settings, from its command line, falling back to the environment.
 * The only code of the process that reads either. Invalid settings throw a RangeError whose message
 * names the option.
 *
 *   --port N          LEGACY_PORT        port on --host (default 0: any free port, printed at start)
 *   --host H          LEGACY_HOST        default 127.0.0.1 (loopback: nothing exposed by accident)
 *   --city CODE       LEGACY_CITY        default 511600 广安市
 *   --data FILE       LEGACY_DATA        a .json of contract records or a bureau .sqlite store;
 *                                        default: the seeded generator with --seed/--scale/--until
 *   --seed S          ECOGRAPH_SEED      default 'chengyu-ecograph' (as npm start seeds)
 *   --scale X         ECOGRAPH_SCALE     default 1
 *   --until T         LEGACY_UNTIL       end of the readings period, epoch ms or ISO 8601 (default: this hour)
 *   --latency A-B     LEGACY_LATENCY_MS  added to every answer, ms (default 20-60)
 *   --fault-rate R    LEGACY_FAULT_RATE  share of failed requests, 0–1 (default 0)
 *   --fault-seed S    LEGACY_FAULT_SEED  repeatable faults (default random)
 */
import { parseArgs } from 'node:util';
import type { LegacyDataOrigin } from './loadLegacySourceData.ts';

export interface LegacyServiceOptions {
  readonly host: string;
  readonly port: number;
  readonly cityCode: string;
  readonly data: LegacyDataOrigin;
  readonly latencyMs: { readonly min: number; readonly max: number };
  readonly faultRate: number;
  readonly faultSeed: string | undefined;
}

const HOUR_MS = 3_600_000;

export function parseLegacyServiceOptions(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  now: number = Date.now(),
): LegacyServiceOptions {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      port: { type: 'string' }, host: { type: 'string' }, city: { type: 'string' }, data: { type: 'string' },
      seed: { type: 'string' }, scale: { type: 'string' }, until: { type: 'string' }, latency: { type: 'string' },
      'fault-rate': { type: 'string' }, 'fault-seed': { type: 'string' },
    },
  });
  const pick = (flag: keyof typeof values, name: string) => (values[flag] as string | undefined) ?? env[name];

  const port = Number(pick('port', 'LEGACY_PORT') ?? '0');
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new RangeError(`--port must be 0–65535, got "${pick('port', 'LEGACY_PORT')}"`);
  const cityCode = pick('city', 'LEGACY_CITY') ?? '511600';
  if (!/^\d{6}$/.test(cityCode)) throw new RangeError(`--city must be a 6-digit code, got "${cityCode}"`);

  const latencyText = pick('latency', 'LEGACY_LATENCY_MS') ?? '20-60';
  const latency = /^(\d+)(?:-(\d+))?$/.exec(latencyText);
  if (!latency) throw new RangeError(`--latency must be "MIN-MAX" or "MS", got "${latencyText}"`);
  const min = Number(latency[1]);
  const max = latency[2] === undefined ? min : Number(latency[2]);
  if (max < min) throw new RangeError(`--latency needs MIN ≤ MAX, got "${latencyText}"`);

  const faultRate = Number(pick('fault-rate', 'LEGACY_FAULT_RATE') ?? '0');
  if (!(faultRate >= 0 && faultRate <= 1)) throw new RangeError(`--fault-rate must be 0–1, got "${pick('fault-rate', 'LEGACY_FAULT_RATE')}"`);

  return {
    host: pick('host', 'LEGACY_HOST') ?? '127.0.0.1',
    port,
    cityCode,
    data: dataOrigin(pick('data', 'LEGACY_DATA'), pick('seed', 'ECOGRAPH_SEED'), pick('scale', 'ECOGRAPH_SCALE'), pick('until', 'LEGACY_UNTIL'), now),
    latencyMs: { min, max },
    faultRate,
    faultSeed: pick('fault-seed', 'LEGACY_FAULT_SEED'),
  };
}

function dataOrigin(file: string | undefined, seed: string | undefined, scaleText: string | undefined, untilText: string | undefined, now: number): LegacyDataOrigin {
  if (file !== undefined) return { kind: 'file', path: file };
  const scale = Number(scaleText ?? '1');
  if (!(scale >= 0.01 && scale <= 10)) throw new RangeError(`--scale must be 0.01–10, got "${scaleText}"`);
  let until = Math.floor(now / HOUR_MS) * HOUR_MS;
  if (untilText !== undefined) {
    until = /^\d+$/.test(untilText) ? Number(untilText) : Date.parse(untilText);
    if (!Number.isFinite(until)) throw new RangeError(`--until must be epoch ms or ISO 8601, got "${untilText}"`);
  }
  return { kind: 'seed', seed: seed ?? 'chengyu-ecograph', scale, until };
}
