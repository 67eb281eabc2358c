/**
 * The only gateway code that reads the environment and files for settings, so every setting is read
 * and validated in one place.
 * Environment (all optional):
 * - ECOGRAPH_REGISTRY       path of the city registry file (default gateway/registry.json)
 * - ECOGRAPH_GATEWAY_PORT   port of the gateway (default 4000; 0 = any free one)
 * - ECOGRAPH_HOST           interface to bind (default 127.0.0.1)
 * - ECOGRAPH_RECHECK_MS     how often the registry re-checks every bureau (default 10000 ms)
 * - ECOGRAPH_REQUEST_DEADLINE_MS  one deadline for all the subgraph requests of a client request
 *                          (default: the registry's longest timeoutMs)
 * - ECOGRAPH_MODE           production (default) or development (`npm start`, tests)
 * - ECOGRAPH_GATEWAY_SIGNING_KEY  path of the gateway's private JWK, which signs every request to a
 *                           bureau or the region (required in every mode: they refuse unsigned requests)
 * - ECOGRAPH_JWKS, ECOGRAPH_JWT_*  caller token verification (see readCallerTokenConfig.ts;
 *                           required in production mode)
 * - ECOGRAPH_OTEL_ENDPOINT  OTLP/HTTP traces URL of a collector inside the network; unset (the
 *                           default) = no OpenTelemetry at all
 * - ECOGRAPH_OTEL_SERVICE_NAME  service.name of the exported spans (default ecograph-gateway)
 * - ECOGRAPH_REDIS_URL      redis:// or rediss:// URL shared by the replicas (APQ, rate limits); unset = memory
 * - ECOGRAPH_RATE_LIMIT_AUTHENTICATED  requests per window per token subject (default 600; 0 = unlimited)
 * - ECOGRAPH_RATE_LIMIT_PUBLIC  requests per window per client address without a token (default 120; 0 = unlimited)
 * - ECOGRAPH_RATE_LIMIT_REGION_CALLBACK  requests per window of the region calling back on behalf of one caller
 *   (its token subject; every public caller shares one budget) (default 6000; 0 = unlimited)
 * - ECOGRAPH_RATE_LIMIT_WINDOW_S  the rate-limit window in seconds (default 60)
 * - ECOGRAPH_TRUST_PROXY    false (default), true (one reverse proxy in front) or how many: how much
 *                           of X-Forwarded-For names the client (gateway/server/readClientAddress.ts)
 * - ECOGRAPH_CORS_ORIGINS   comma-separated exact origins (https://portal.example.cn) whose pages may
 *                           call /graphql from a browser; unset (default) = none
 * - ECOGRAPH_CORS_CREDENTIALS  true | false (default): may those pages send cookies/HTTP auth?
 * - ECOGRAPH_DEDUPE_BUREAU_REQUESTS  true (default) | false: identical queries in flight at once (same
 *                           bureau, document, variables and access profile) share one bureau request
 * - ECOGRAPH_RELAY_INTERVAL_MS  pause between passes of the cooperation relay (default 1000 ms; 0 = relay off)
 * - ECOGRAPH_RELAY_BACKOFF_BASE_MS, ECOGRAPH_RELAY_BACKOFF_MAX_MS  a failed pair's first wait and its cap
 *                           (default 500 ms and 300000 ms; gateway/cooperation/deliveryBackoff.ts)
 * - ECOGRAPH_EVENT_STREAMS  true (default) | false: follow every bureau's event stream (gateway/events/)
 * - ECOGRAPH_EVENT_PULL_WAIT_MS  how long a bureau may hold one pull of its stream (default 25000 ms, at
 *                           most 30000: the protocol's MAX_PULL_WAIT_MS)
 * - ECOGRAPH_EVENT_BACKOFF_BASE_MS, ECOGRAPH_EVENT_BACKOFF_MAX_MS  a failing stream's first wait and its
 *                           cap (default 500 ms and 30000 ms: a restarted bureau is followed again within 30 s)
 * - ECOGRAPH_MAX_SUBSCRIPTIONS_PER_CALLER  subscriptions one caller (token subject, else address) may have
 *                           open at once on one replica (default 20; gateway/live/)
 * Operation limits (gateway/limits/OperationLimits.ts; every one an integer ≥ 1):
 * - ECOGRAPH_MAX_DEPTH 15, ECOGRAPH_MAX_ALIASES 30, ECOGRAPH_MAX_ROOT_FIELDS 10,
 *   ECOGRAPH_MAX_DIRECTIVES 50, ECOGRAPH_MAX_DIRECTIVES_PER_FIELD 4, ECOGRAPH_MAX_FIELDS 1000,
 *   ECOGRAPH_MAX_TOKENS 15000, ECOGRAPH_MAX_DOCUMENT_BYTES 65536, ECOGRAPH_MAX_COST 200000,
 *   ECOGRAPH_COST_LIST_SIZE 10 (the length the cost estimate assumes for a list without a page size)
 * - ECOGRAPH_INTROSPECTION_PUBLIC  true | false: may callers without a token introspect? (default: true
 *                           in development mode, false in production; signed-in callers always may)
 * - ECOGRAPH_APQ_TTL_S      how long a registered automatic persisted query is kept (default 86400 s)
 * - ECOGRAPH_SAFELIST       path of a persisted query manifest (Apollo's format): when set, only its
 *                           documents run (gateway/persisted/Safelist.ts); unset (default) = any document
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { readJsonConfig } from '../../schema/config/readJsonConfig.ts';
import { gatewayPrivateJwkSchema, type GatewayPrivateJwk } from '../../schema/gateway-token/gatewayJwkSchema.ts';
import type { CorsPolicy } from '../../schema/http/CorsPolicy.ts';
import type { TelemetryConfig } from '../telemetry/createTracer.ts';
import { DEFAULT_OPERATION_LIMITS, type OperationLimits } from '../limits/OperationLimits.ts';
import { Safelist, safelistManifestSchema } from '../persisted/Safelist.ts';
import type { RateLimits } from '../ratelimit/createRateLimitGuard.ts';
import { readCallerTokenConfig, type CallerTokenConfig } from './readCallerTokenConfig.ts';
import { registrySchema, resolveRegistry, type Registry } from './registrySchema.ts';
import { MAX_PULL_WAIT_MS } from '../../schema/events/bureauEvents.ts';

const GATEWAY_DIR = fileURLToPath(new URL('../', import.meta.url));

export class GatewayConfigError extends Error {
  override readonly name = 'GatewayConfigError';
}

export interface GatewayConfig {
  readonly host: string;
  readonly port: number;
  readonly registryPath: string;
  readonly recheckMs: number;
  /** One deadline for all the subgraph requests of a client request. @default the registry's longest timeoutMs */
  readonly requestDeadlineMs: number | null;
  /** `production` (the default) or `development` (`npm start`, tests). */
  readonly mode: GatewayMode;
  /** How callers' bearer tokens are verified; null only in development mode without an issuer (then every token is refused). */
  readonly callerTokens: CallerTokenConfig | null;
  /** Signs the token on every bureau and region request (ECOGRAPH_GATEWAY_SIGNING_KEY). */
  readonly signingKey: GatewayPrivateJwk;
  /** Where spans go (ECOGRAPH_OTEL_ENDPOINT); null = tracing off, nothing exported. */
  readonly telemetry: TelemetryConfig | null;
  /** The Redis the replicas share (ECOGRAPH_REDIS_URL); null = each keeps its state in memory. */
  readonly redisUrl: string | null;
  /** Requests per window by role, 0 = unlimited (ECOGRAPH_RATE_LIMIT_*). */
  readonly rateLimits: RateLimits;
  /** Reverse proxies in front whose X-Forwarded-For entry is trusted (ECOGRAPH_TRUST_PROXY); 0 = none. */
  readonly trustedProxies: number;
  /** Browsers on other origins: null (the default) = no CORS headers at all. */
  readonly cors: CorsPolicy | null;
  /** Caps every operation must fit (ECOGRAPH_MAX_*, ECOGRAPH_COST_LIST_SIZE). */
  readonly limits: OperationLimits;
  /** Whether callers without a token may introspect (ECOGRAPH_INTROSPECTION_PUBLIC). */
  readonly publicIntrospection: boolean;
  /** Automatic persisted queries: TTL (ECOGRAPH_APQ_TTL_S) and the safelist, if any (ECOGRAPH_SAFELIST). */
  readonly persistedQueries: { readonly ttlSeconds: number; readonly safelist: Safelist | null };
  /**
   * Identical queries in flight at once (same bureau, document, variables and access profile) share
   * one bureau request (ECOGRAPH_DEDUPE_BUREAU_REQUESTS). @default true
   */
  readonly dedupeBureauRequests: boolean;
  /**
   * Queries Apollo Server has answered before are answered again without its per-request pipeline
   * (gateway/known-operations/), byte for byte as it would (ECOGRAPH_KNOWN_OPERATION_PATH). @default true
   */
  readonly knownOperationPath: boolean;
  /** The cooperation relay (gateway/cooperation/); null = off (ECOGRAPH_RELAY_INTERVAL_MS=0). */
  readonly relay: { readonly intervalMs: number; readonly backoff: { readonly baseMs: number; readonly maxMs: number } } | null;
  /** Following the bureaus' event streams (gateway/events/); null = off (ECOGRAPH_EVENT_STREAMS=false). */
  readonly events: { readonly waitMs: number; readonly backoff: { readonly baseMs: number; readonly maxMs: number } } | null;
  /** Subscriptions one caller may have open at once on this replica. @default 20 (ECOGRAPH_MAX_SUBSCRIPTIONS_PER_CALLER) */
  readonly maxSubscriptionsPerCaller: number;
}

export type GatewayMode = 'development' | 'production';

type Env = Readonly<Record<string, string | undefined>>;

export function loadGatewayConfig(env: Env = process.env): GatewayConfig {
  const mode = loadGatewayMode(env);
  return Object.freeze({
    mode,
    callerTokens: readCallerTokenConfig(env, mode, (m) => new GatewayConfigError(m)),
    signingKey: loadSigningKey(env),
    host: env['ECOGRAPH_HOST'] ?? '127.0.0.1',
    port: integer(env, 'ECOGRAPH_GATEWAY_PORT', 4000, 0, 65_535),
    registryPath: resolve(env['ECOGRAPH_REGISTRY'] ?? resolve(GATEWAY_DIR, 'registry.json')),
    recheckMs: integer(env, 'ECOGRAPH_RECHECK_MS', 10_000, 200, 3_600_000),
    relay: loadRelayConfig(env),
    dedupeBureauRequests: loadDedupeBureauRequests(env),
    knownOperationPath: loadKnownOperationPath(env),
    events: loadEventStreamConfig(env),
    maxSubscriptionsPerCaller: integer(env, 'ECOGRAPH_MAX_SUBSCRIPTIONS_PER_CALLER', 20, 1, 10_000),
    requestDeadlineMs: env['ECOGRAPH_REQUEST_DEADLINE_MS'] === undefined ? null : integer(env, 'ECOGRAPH_REQUEST_DEADLINE_MS', 0, 50, 600_000),
    telemetry: loadTelemetryConfig(env),
    redisUrl: loadRedisUrl(env),
    rateLimits: loadRateLimits(env),
    trustedProxies: loadTrustedProxies(env),
    cors: loadCorsPolicy(env),
    limits: loadOperationLimits(env),
    publicIntrospection: loadPublicIntrospection(env, mode),
    persistedQueries: Object.freeze({
      ttlSeconds: integer(env, 'ECOGRAPH_APQ_TTL_S', 86_400, 1, 30 * 86_400),
      safelist: loadSafelist(env),
    }),
  });
}

/** ECOGRAPH_REDIS_URL: a redis:// or rediss:// URL, or null when unset. */
export function loadRedisUrl(env: Env = process.env): string | null {
  const raw = env['ECOGRAPH_REDIS_URL'];
  if (raw === undefined || raw === '') return null;
  let protocol = '';
  try {
    protocol = new URL(raw).protocol;
  } catch {
    // reported below
  }
  if (protocol !== 'redis:' && protocol !== 'rediss:') {
    throw new GatewayConfigError(`ECOGRAPH_REDIS_URL must be a redis:// or rediss:// URL (e.g. redis://127.0.0.1:6379), got "${raw}".`);
  }
  return raw;
}

/** ECOGRAPH_RATE_LIMIT_*: requests per window (0 = unlimited) by role, and the window. */
export function loadRateLimits(env: Env = process.env): RateLimits {
  return Object.freeze({
    authenticated: integer(env, 'ECOGRAPH_RATE_LIMIT_AUTHENTICATED', 600, 0, 1_000_000_000),
    public: integer(env, 'ECOGRAPH_RATE_LIMIT_PUBLIC', 120, 0, 1_000_000_000),
    // Generous: each assessment or settlement request calls back once per 10 stations (twice per
    // period for a settlement), and the request itself was charged already; this only caps a runaway.
    regionCallback: integer(env, 'ECOGRAPH_RATE_LIMIT_REGION_CALLBACK', 6_000, 0, 1_000_000_000),
    windowMs: integer(env, 'ECOGRAPH_RATE_LIMIT_WINDOW_S', 60, 1, 86_400) * 1000,
  });
}

/** A switch that is on unless set to "false": true (the default, also when empty) or false. */
function onByDefault(env: Env, name: string): boolean {
  const raw = env[name];
  const parsed = z
    .enum(['true', 'false'], { error: (issue) => `${name} must be "true" or "false", got "${String(issue.input)}".` })
    .default('true')
    .safeParse(raw === '' ? undefined : raw);
  if (!parsed.success) throw new GatewayConfigError(parsed.error.issues[0]!.message);
  return parsed.data === 'true';
}

/** ECOGRAPH_DEDUPE_BUREAU_REQUESTS: true (the default, also when empty) or false. */
export function loadDedupeBureauRequests(env: Env = process.env): boolean {
  return onByDefault(env, 'ECOGRAPH_DEDUPE_BUREAU_REQUESTS');
}

/** ECOGRAPH_KNOWN_OPERATION_PATH: true (the default, also when empty) or false. */
export function loadKnownOperationPath(env: Env = process.env): boolean {
  return onByDefault(env, 'ECOGRAPH_KNOWN_OPERATION_PATH');
}

/** ECOGRAPH_TRUST_PROXY: false (the default) = 0, true = 1, or how many proxies (0–10). */
export function loadTrustedProxies(env: Env = process.env): number {
  const raw = env['ECOGRAPH_TRUST_PROXY'];
  if (raw === undefined || raw === '' || raw === 'false') return 0;
  if (raw === 'true') return 1;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 10) {
    throw new GatewayConfigError(`ECOGRAPH_TRUST_PROXY must be "true", "false" or a number of proxies from 0 to 10, got "${raw}".`);
  }
  return value;
}

/**
 * ECOGRAPH_CORS_ORIGINS (comma-separated exact origins; unset or empty = null, no CORS) and
 * ECOGRAPH_CORS_CREDENTIALS (default false). An origin is `scheme://host[:port]` exactly as a
 * browser sends it: no path, no trailing slash, no wildcard.
 */
export function loadCorsPolicy(env: Env = process.env): CorsPolicy | null {
  const raw = env['ECOGRAPH_CORS_ORIGINS'];
  const credentials = flag(env, 'ECOGRAPH_CORS_CREDENTIALS', false);
  if (raw === undefined || raw.trim() === '') return null;
  const origins = raw.split(',').map((o) => o.trim()).filter((o) => o !== '');
  for (const origin of origins) {
    let canonical: string | null = null;
    try {
      const url = new URL(origin);
      if ((url.protocol === 'http:' || url.protocol === 'https:') && !url.hostname.includes('*')) canonical = url.origin;
    } catch {
      // reported below
    }
    if (canonical !== origin) {
      throw new GatewayConfigError(
        `ECOGRAPH_CORS_ORIGINS must list exact origins (scheme://host[:port], e.g. https://portal.example.cn, no path, ` +
        `no trailing slash, no wildcard), separated by commas; "${origin}" is not one${canonical === null ? '' : ` (did you mean "${canonical}"?)`}.`,
      );
    }
  }
  return Object.freeze({ allowedOrigins: Object.freeze([...new Set(origins)]), credentials });
}

/** The operation limits: each ECOGRAPH_MAX_* an integer from 1 up, its default when unset. */
export function loadOperationLimits(env: Env = process.env): OperationLimits {
  const d = DEFAULT_OPERATION_LIMITS;
  const limit = (key: string, fallback: number) => integer(env, key, fallback, 1, 1_000_000_000);
  return Object.freeze({
    maxDepth: limit('ECOGRAPH_MAX_DEPTH', d.maxDepth),
    maxAliases: limit('ECOGRAPH_MAX_ALIASES', d.maxAliases),
    maxRootFields: limit('ECOGRAPH_MAX_ROOT_FIELDS', d.maxRootFields),
    maxDirectives: limit('ECOGRAPH_MAX_DIRECTIVES', d.maxDirectives),
    maxDirectivesPerField: limit('ECOGRAPH_MAX_DIRECTIVES_PER_FIELD', d.maxDirectivesPerField),
    maxFields: limit('ECOGRAPH_MAX_FIELDS', d.maxFields),
    maxTokens: limit('ECOGRAPH_MAX_TOKENS', d.maxTokens),
    maxDocumentBytes: limit('ECOGRAPH_MAX_DOCUMENT_BYTES', d.maxDocumentBytes),
    maxCost: limit('ECOGRAPH_MAX_COST', d.maxCost),
    listSize: limit('ECOGRAPH_COST_LIST_SIZE', d.listSize),
  });
}

/** ECOGRAPH_INTROSPECTION_PUBLIC: true or false; unset = true in development mode, false in production. */
export function loadPublicIntrospection(env: Env, mode: GatewayMode): boolean {
  return flag(env, 'ECOGRAPH_INTROSPECTION_PUBLIC', mode === 'development');
}

/** ECOGRAPH_SAFELIST: the manifest, checked (shape, ids, bodies parse); null when unset. */
export function loadSafelist(env: Env = process.env): Safelist | null {
  const path = env['ECOGRAPH_SAFELIST'];
  if (path === undefined || path === '') return null;
  const fail = (m: string) => new GatewayConfigError(`ECOGRAPH_SAFELIST ${m}`);
  return new Safelist(readJsonConfig(path, safelistManifestSchema, fail).operations, (m) => fail(`${path}: ${m}`));
}

/** ECOGRAPH_OTEL_ENDPOINT (an http(s) URL, used as given) and ECOGRAPH_OTEL_SERVICE_NAME; null when no endpoint is set. */
export function loadTelemetryConfig(env: Env = process.env): TelemetryConfig | null {
  const endpoint = env['ECOGRAPH_OTEL_ENDPOINT'];
  const serviceName = env['ECOGRAPH_OTEL_SERVICE_NAME'];
  if (serviceName !== undefined && serviceName.trim() === '') {
    throw new GatewayConfigError('ECOGRAPH_OTEL_SERVICE_NAME must not be empty (unset it for the default "ecograph-gateway").');
  }
  if (endpoint === undefined || endpoint === '') return null;
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    url = new URL('invalid:');
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') {
    throw new GatewayConfigError(
      `ECOGRAPH_OTEL_ENDPOINT must be the http(s) URL of an OTLP/HTTP traces collector inside the network (e.g. http://otel-collector:4318/v1/traces), got "${endpoint}".`,
    );
  }
  return { endpoint, serviceName: serviceName?.trim() ?? 'ecograph-gateway' };
}

/** ECOGRAPH_MODE: production unless set to development. */
export function loadGatewayMode(env: Env = process.env): GatewayMode {
  return readGatewayMode(env) ?? 'production';
}

/** ECOGRAPH_MODE as set, or null when it is not (tools that behave differently then, like `npm run token`). */
export function readGatewayMode(env: Env = process.env): GatewayMode | null {
  const raw = env['ECOGRAPH_MODE'];
  if (raw === undefined || raw === '') return null;
  if (raw === 'development' || raw === 'production') return raw;
  throw new GatewayConfigError(`ECOGRAPH_MODE must be "development" or "production", got "${raw}".`);
}

/** The gateway's private JWK; the message names the variable and, for a bad file, each wrong key. */
function loadSigningKey(env: Env): GatewayPrivateJwk {
  const path = env['ECOGRAPH_GATEWAY_SIGNING_KEY'];
  if (!path) {
    throw new GatewayConfigError(
      'ECOGRAPH_GATEWAY_SIGNING_KEY is not set: it must be the path of the gateway\'s private JWK (ES256 or EdDSA, with "kid"). ' +
      'Every bureau and the region refuse requests the gateway did not sign with it. `npm start` makes one under <data dir>/keys/.',
    );
  }
  return readJsonConfig(path, gatewayPrivateJwkSchema, (m) => new GatewayConfigError(`ECOGRAPH_GATEWAY_SIGNING_KEY ${m}`));
}

/** Reads and validates the registry; the message names the file and each wrong key. */
export function loadRegistry(path: string): Registry {
  return resolveRegistry(readJsonConfig(path, registrySchema, (m) => new GatewayConfigError(m)));
}

function flag(env: Env, key: string, fallback: boolean): boolean {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true' || raw === 'false') return raw === 'true';
  throw new GatewayConfigError(`${key} must be "true" or "false", got "${raw}".`);
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

function loadEventStreamConfig(env: Env): GatewayConfig['events'] {
  if (!flag(env, 'ECOGRAPH_EVENT_STREAMS', true)) return null;
  const waitMs = integer(env, 'ECOGRAPH_EVENT_PULL_WAIT_MS', 25_000, 1_000, MAX_PULL_WAIT_MS);
  const baseMs = integer(env, 'ECOGRAPH_EVENT_BACKOFF_BASE_MS', 500, 1, 3_600_000);
  const maxMs = integer(env, 'ECOGRAPH_EVENT_BACKOFF_MAX_MS', 30_000, baseMs, 86_400_000);
  return Object.freeze({ waitMs, backoff: Object.freeze({ baseMs, maxMs }) });
}

function loadRelayConfig(env: Env): GatewayConfig['relay'] {
  const intervalMs = integer(env, 'ECOGRAPH_RELAY_INTERVAL_MS', 1_000, 0, 3_600_000);
  if (intervalMs === 0) return null;
  const baseMs = integer(env, 'ECOGRAPH_RELAY_BACKOFF_BASE_MS', 500, 1, 3_600_000);
  const maxMs = integer(env, 'ECOGRAPH_RELAY_BACKOFF_MAX_MS', 300_000, baseMs, 86_400_000);
  return Object.freeze({ intervalMs, backoff: Object.freeze({ baseMs, maxMs }) });
}
