/**
 * The only code of a subgraph process that reads files and the environment for its settings.
 * Environment overrides (all optional):
 * - ECOGRAPH_HOST      interface to bind (default 127.0.0.1: nothing is exposed by accident)
 * - ECOGRAPH_DATA_DIR  folder of the embedded stores (default <repo>/data)
 * - ECOGRAPH_PORT      port of this process (default from its config file)
 */
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { readJsonConfig } from './readJsonConfig.ts';
import { bureauFileSchema, regionFileSchema, type SourceConfig } from './subgraphConfigSchema.ts';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export interface SubgraphConfig {
  /** '500152' for a bureau, 'region' for the region. */
  readonly origin: string;
  /** Human name for logs and errors, e.g. '500152 潼南区生态环境局'. */
  readonly name: string;
  readonly host: string;
  readonly port: number;
  readonly source: SourceConfig & { readonly file: string };
}

type Env = Readonly<Record<string, string | undefined>>;

export function bureauConfigPath(code: string): string {
  return resolve(REPO_ROOT, 'subgraphs/cities', code, 'bureau.json');
}

export function loadBureauConfig(code: string, env: Env = process.env): SubgraphConfig {
  if (!/^\d{6}$/.test(code)) throw new ConfigError(`Bureau code must be 6 digits, got "${code}".`);
  const path = bureauConfigPath(code);
  const file = readJsonConfig(path, bureauFileSchema, (m) => new ConfigError(m));
  if (file.code !== code) throw new ConfigError(`${path}: "code" is ${file.code} but the folder is ${code}.`);
  return finish({ origin: code, name: `${code} ${file.bureau}`, port: file.port, source: file.source }, env);
}

export function loadRegionConfig(env: Env = process.env): SubgraphConfig {
  const file = readJsonConfig(resolve(REPO_ROOT, 'subgraphs/region/region.json'), regionFileSchema, (m) => new ConfigError(m));
  return finish({ origin: 'region', name: 'region 区域共享数据', port: file.port, source: file.source }, env);
}

export function dataDir(env: Env = process.env): string {
  return resolve(REPO_ROOT, env['ECOGRAPH_DATA_DIR'] ?? 'data');
}

function finish(base: { origin: string; name: string; port: number; source: SourceConfig }, env: Env): SubgraphConfig {
  const port = env['ECOGRAPH_PORT'] === undefined ? base.port : Number(env['ECOGRAPH_PORT']);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new ConfigError(`ECOGRAPH_PORT must be an integer port (0 for any free one), got "${env['ECOGRAPH_PORT']}".`);
  }
  const file = resolve(dataDir(env), base.source.file ?? `${base.origin}.sqlite`);
  return Object.freeze({ ...base, host: env['ECOGRAPH_HOST'] ?? '127.0.0.1', port, source: Object.freeze({ ...base.source, file }) });
}
