/**
 * The only gateway code that reads the environment and files for settings (style rule R10).
 * Environment (all optional):
 * - ECOGRAPH_REGISTRY       path of the city registry file (default gateway/registry.json)
 * - ECOGRAPH_GATEWAY_PORT   port of the gateway (default 4000; 0 = any free one)
 * - ECOGRAPH_HOST           interface to bind (default 127.0.0.1)
 * - ECOGRAPH_RECHECK_MS     how often the registry re-checks every bureau (default 10000 ms)
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readJsonConfig } from '../../subgraphs/config/readJsonConfig.ts';
import { registrySchema, resolveRegistry, type Registry } from './registrySchema.ts';

const GATEWAY_DIR = fileURLToPath(new URL('../', import.meta.url));

export class GatewayConfigError extends Error {
  override readonly name = 'GatewayConfigError';
}

export interface GatewayConfig {
  readonly host: string;
  readonly port: number;
  readonly registryPath: string;
  readonly recheckMs: number;
}

type Env = Readonly<Record<string, string | undefined>>;

export function loadGatewayConfig(env: Env = process.env): GatewayConfig {
  return Object.freeze({
    host: env['ECOGRAPH_HOST'] ?? '127.0.0.1',
    port: integer(env, 'ECOGRAPH_GATEWAY_PORT', 4000, 0, 65_535),
    registryPath: resolve(env['ECOGRAPH_REGISTRY'] ?? resolve(GATEWAY_DIR, 'registry.json')),
    recheckMs: integer(env, 'ECOGRAPH_RECHECK_MS', 10_000, 200, 3_600_000),
  });
}

/** Reads and validates the registry; the message names the file and each wrong key. */
export function loadRegistry(path: string): Registry {
  return resolveRegistry(readJsonConfig(path, registrySchema, (m) => new GatewayConfigError(m)));
}

function integer(env: Env, key: string, fallback: number, min: number, max: number): number {
  const raw = env[key];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new GatewayConfigError(`${key} must be an integer from ${min} to ${max}, got "${raw}".`);
  }
  return value;
}
