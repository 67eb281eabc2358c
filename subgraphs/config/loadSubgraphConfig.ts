/**
 * The only code of a subgraph process that reads files and the environment for its settings.
 * Environment overrides (all optional):
 * - ECOGRAPH_HOST      interface to bind (default 127.0.0.1: nothing is exposed by accident)
 * - ECOGRAPH_DATA_DIR  folder of the embedded stores (default <repo>/data)
 * - ECOGRAPH_PORT      port of this process (default from its config file)
 * - ECOGRAPH_HJ212_PORT      port of a bureau's HJ 212 ingest (default from its config file; 0 = any free one)
 * - ECOGRAPH_LEGACY_URL_<code>  the legacy web service of a bureau whose source is `legacy-http`
 * - ECOGRAPH_PG_URL_<code>     the PostgreSQL server of a subgraph whose source is `postgres`
 * - ECOGRAPH_MYSQL_URL_<code>  the MariaDB/MySQL server of a subgraph whose source is `mysql`
 *   (<code> is the bureau code, or REGION; a `url` in the config file comes first). Without a URL such
 *   a subgraph uses its embedded store, so its resolved `source.kind` is 'sqlite'.
 * - ECOGRAPH_COOPERATION_PG_URL_<code>  the PostgreSQL server of a bureau whose `cooperation.kind` is
 *   `postgres` (comes before `cooperation.url`)
 * - ECOGRAPH_GATEWAY_PUBLIC_KEY  path of the gateway's public JWK (read by loadGatewayPublicKey.ts)
 */
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import type { Hj212IngestConfig } from './hj212IngestConfigSchema.ts';
import { readJsonConfig } from '../../schema/config/readJsonConfig.ts';
import {
  bureauFileSchema, eventsConfigSchema, hasProtocol, keepsCooperationApart, MYSQL_PROTOCOLS, POSTGRES_PROTOCOLS, regionFileSchema,
  type BureauFile, type EventsConfig, type SourceConfig,
} from './subgraphConfigSchema.ts';

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
  readonly source: EffectiveSource;
  /** The bureau's HJ 212 ingest, when its system is a monitoring platform fed over TCP. */
  readonly hj212: Hj212IngestConfig | null;
  /** The bureau's event log and readings poll (the region's are unused defaults). */
  readonly events: EventsConfig;
  /** `gatewayPublicKey` of the config file, resolved; read by loadGatewayPublicKey. */
  readonly gatewayPublicKeyFile: string | null;
  /** Where the cooperation records live when not in the bureau's own store; null: in it (and for the region). */
  readonly cooperation: CooperationStoreConfig | null;
}

/** A cooperation store apart from the bureau's own system (its `cooperation` key, environment applied). */
export type CooperationStoreConfig =
  | { readonly kind: 'sqlite'; readonly file: string }
  | {
    readonly kind: 'postgres';
    readonly url: string;
    readonly schema: string | null;
    readonly queryTimeoutMs: number;
    readonly maxConnections: number;
    readonly connectTimeoutMs: number;
  };

/**
 * The store a subgraph opens, once the environment is applied. Every variant names the embedded
 * store's `file`: the one `npm start` seeds and opens when `kind` is 'sqlite', and the one a server
 * source falls back to when its URL is removed (seeding and opening need no other switch).
 */
export type EffectiveSource =
  | {
    readonly kind: 'sqlite';
    readonly file: string;
    /** Set when the config file asks for this server but no URL is configured. */
    readonly fallbackFor?: 'postgres' | 'mysql';
  }
  | { readonly kind: 'postgres'; readonly url: string; readonly queryTimeoutMs: number; readonly file: string }
  | { readonly kind: 'mysql'; readonly url: string; readonly queryTimeoutMs: number; readonly file: string }
  | { readonly kind: 'legacy-http'; readonly url: string; readonly timeoutMs: number; readonly retries: number; readonly file: string }
  | { readonly kind: 'spreadsheet'; readonly dir: string; readonly watch: boolean; readonly file: string };

const SERVER_URL = {
  postgres: { env: 'ECOGRAPH_PG_URL_', protocols: POSTGRES_PROTOCOLS },
  mysql: { env: 'ECOGRAPH_MYSQL_URL_', protocols: MYSQL_PROTOCOLS },
} as const;

type Env = Readonly<Record<string, string | undefined>>;

export function bureauConfigPath(code: string): string {
  return resolve(REPO_ROOT, 'subgraphs/cities', code, 'bureau.json');
}

/** `path`: @default subgraphs/cities/<code>/bureau.json (tests pass a file of their own). */
export function loadBureauConfig(code: string, env: Env = process.env, path = bureauConfigPath(code)): SubgraphConfig {
  if (!/^\d{6}$/.test(code)) throw new ConfigError(`Bureau code must be 6 digits, got "${code}".`);
  const file = readJsonConfig(path, bureauFileSchema, (m) => new ConfigError(m));
  if (file.code !== code) throw new ConfigError(`${path}: "code" is ${file.code} but the folder is ${code}.`);
  const base = finish({ origin: code, name: `${code} ${file.bureau}`, port: file.port, source: file.source, events: file.events }, env, keyFile(path, file.gatewayPublicKey));
  const config = Object.freeze({ ...base, cooperation: cooperationStore(path, file, base.source, env) });
  if (!file.hj212) return config;
  const hj212Port = env['ECOGRAPH_HJ212_PORT'] === undefined ? file.hj212.port : Number(env['ECOGRAPH_HJ212_PORT']);
  if (!Number.isInteger(hj212Port) || hj212Port < 0 || hj212Port > 65_535) {
    throw new ConfigError(`ECOGRAPH_HJ212_PORT must be an integer port (0 for any free one), got "${env['ECOGRAPH_HJ212_PORT']}".`);
  }
  return Object.freeze({ ...config, hj212: Object.freeze({ ...file.hj212, host: config.host, port: hj212Port }) });
}

export function loadRegionConfig(env: Env = process.env): SubgraphConfig {
  const path = resolve(REPO_ROOT, 'subgraphs/region/region.json');
  const file = readJsonConfig(path, regionFileSchema, (m) => new ConfigError(m));
  return finish({ origin: 'region', name: 'region 区域共享数据', port: file.port, source: file.source, events: eventsConfigSchema.parse({}) }, env, keyFile(path, file.gatewayPublicKey));
}

export function dataDir(env: Env = process.env): string {
  return resolve(REPO_ROOT, env['ECOGRAPH_DATA_DIR'] ?? 'data');
}

/** A key path of a config file, relative to that file's folder. */
function keyFile(configPath: string, value: string | undefined): string | null {
  return value === undefined ? null : resolve(dirname(configPath), value);
}

function finish(
  base: { origin: string; name: string; port: number; source: SourceConfig; events: EventsConfig },
  env: Env,
  gatewayPublicKeyFile: string | null,
): SubgraphConfig {
  const port = env['ECOGRAPH_PORT'] === undefined ? base.port : Number(env['ECOGRAPH_PORT']);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new ConfigError(`ECOGRAPH_PORT must be an integer port (0 for any free one), got "${env['ECOGRAPH_PORT']}".`);
  }
  const file = resolve(dataDir(env), base.source.file ?? `${base.origin}.sqlite`);
  const source = Object.freeze(effectiveSource(base.origin, base.source, file, env));
  return Object.freeze({ ...base, events: Object.freeze(base.events), host: env['ECOGRAPH_HOST'] ?? '127.0.0.1', port, source, hj212: null, gatewayPublicKeyFile, cooperation: null });
}

/**
 * The configured PostgreSQL cooperation store, else the embedded file beside the data of a bureau whose
 * system takes no writes (an HJ 212 bureau's embedded store holds them itself: null, as for the others).
 */
function cooperationStore(path: string, file: BureauFile, source: EffectiveSource, env: Env): CooperationStoreConfig | null {
  const { cooperation } = file;
  if (cooperation === undefined) {
    return keepsCooperationApart(file) && source.kind !== 'sqlite'
      ? { kind: 'sqlite', file: join(dirname(source.file), `${file.code}-cooperation.sqlite`) }
      : null;
  }
  const variable = `ECOGRAPH_COOPERATION_PG_URL_${file.code}`;
  const fromEnv = env[variable] === '' ? undefined : env[variable];
  // The message names the variable, never its value: the URL may hold a password.
  if (fromEnv !== undefined && !hasProtocol(fromEnv, POSTGRES_PROTOCOLS)) {
    throw new ConfigError(`${variable} must be a ${POSTGRES_PROTOCOLS.map((p) => `${p}//`).join(' or ')} URL.`);
  }
  const url = fromEnv ?? cooperation.url;
  if (url === undefined) {
    throw new ConfigError(`${path}: "cooperation.url": a postgres cooperation store needs a URL, here or in ${variable}.`);
  }
  const { queryTimeoutMs, maxConnections, connectTimeoutMs } = cooperation;
  return { kind: 'postgres', url, schema: cooperation.schema ?? null, queryTimeoutMs, maxConnections, connectTimeoutMs };
}

/** The configured server when it has a URL (file first, then environment), the embedded store otherwise. */
function effectiveSource(origin: string, source: SourceConfig, file: string, env: Env): EffectiveSource {
  if (source.kind === 'sqlite') return { kind: 'sqlite', file };
  if (source.kind === 'legacy-http') {
    const url = env[`ECOGRAPH_LEGACY_URL_${origin}`] || source.url;
    if (!/^https?:\/\//.test(url)) throw new ConfigError(`ECOGRAPH_LEGACY_URL_${origin} must be an http(s) URL.`);
    return { kind: 'legacy-http', url, timeoutMs: source.timeoutMs, retries: source.retries, file };
  }
  if (source.kind === 'spreadsheet') {
    return { kind: 'spreadsheet', dir: resolve(dataDir(env), source.dir ?? `${origin}-exports`), watch: source.watch, file };
  }
  const { env: prefix, protocols } = SERVER_URL[source.kind];
  const variable = `${prefix}${origin.toUpperCase()}`;
  const fromEnv = env[variable] === '' ? undefined : env[variable];
  // The message names the variable, never its value: the URL may hold a password.
  if (fromEnv !== undefined && !hasProtocol(fromEnv, protocols)) {
    throw new ConfigError(`${variable} must be a ${protocols.map((p) => `${p}//`).join(' or ')} URL.`);
  }
  const url = source.url ?? fromEnv;
  if (url === undefined) return { kind: 'sqlite', file, fallbackFor: source.kind };
  return { kind: source.kind, url, queryTimeoutMs: source.queryTimeoutMs, file };
}
