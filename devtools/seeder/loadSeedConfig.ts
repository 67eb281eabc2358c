/**
 * Settings of the first-run data generator. Environment (optional):
 * - ECOGRAPH_SCALE  multiplies the per-bureau counts (default 1 = 20 stations with 90 days of
 *                   readings and daily values for the months before, 50 projects, 200 cases,
 *                   150 emergency resources per bureau)
 * - ECOGRAPH_SEED   generator seed (default 'chengyu-ecograph'); same seed, same data
 */
import { ConfigError } from '../../subgraphs/config/loadSubgraphConfig.ts';

export interface SeedConfig {
  readonly seed: string;
  readonly scale: number;
}

const MIN_SCALE = 0.01;
const MAX_SCALE = 10; // ~10× the default is ~4 M readings: minutes to generate, GBs on disk

export function loadSeedConfig(env: Readonly<Record<string, string | undefined>> = process.env): SeedConfig {
  const rawScale = env['ECOGRAPH_SCALE'] ?? '1';
  const scale = Number(rawScale);
  if (!Number.isFinite(scale) || scale < MIN_SCALE || scale > MAX_SCALE) {
    throw new ConfigError(`ECOGRAPH_SCALE must be a number from ${MIN_SCALE} to ${MAX_SCALE}, got "${rawScale}".`);
  }
  const seed = env['ECOGRAPH_SEED'] ?? 'chengyu-ecograph';
  if (seed.length === 0 || seed.length > 100) throw new ConfigError('ECOGRAPH_SEED must be 1–100 characters.');
  return Object.freeze({ seed, scale });
}
