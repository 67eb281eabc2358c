/**
 * The files that configure a subgraph process (subgraphs/cities/<code>/bureau.json and
 * subgraphs/region/region.json), validated once at startup. Unknown keys are refused so that a typo
 * cannot silently fall back to a default.
 */
import { z } from 'zod';
import { hj212IngestConfigSchema } from './hj212IngestConfigSchema.ts';
import { MIN_EVENT_RETENTION_MS } from '../../schema/events/bureauEvents.ts';

const port = z.number().int().min(1).max(65_535);

/** The embedded store's file, relative to the data folder. @default <code>.sqlite (or region.sqlite) */
const file = z.string().min(1).optional();

/** Whether `value` parses as a URL with one of `protocols` (e.g. 'postgres:'). */
export function hasProtocol(value: string, protocols: readonly string[]): boolean {
  try {
    return protocols.includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** A connection URL with one of `protocols`. Messages never repeat it: it may hold a password. */
function serverUrl(protocols: readonly string[]) {
  return z.string().refine((value) => hasProtocol(value, protocols), `must be a ${protocols.map((p) => `${p}//`).join(' or ')} URL`);
}

export const POSTGRES_PROTOCOLS = ['postgres:', 'postgresql:'] as const;
export const MYSQL_PROTOCOLS = ['mysql:', 'mariadb:'] as const;

/**
 * Where a subgraph's data lives:
 * - `sqlite`: the embedded store at `file`;
 * - `postgres` / `mysql`: the bureau's own server at `url` (@default from the environment,
 *   ECOGRAPH_PG_URL_<code> / ECOGRAPH_MYSQL_URL_<code>); with no URL anywhere, the embedded store at
 *   `file`, so that `npm start` works on a machine without the bureau's server. `queryTimeoutMs`
 *   bounds every statement (client side, so a hung server cannot hold a request; and server side,
 *   so a runaway statement is cancelled there): below the gateway's per-bureau deadline (3000 ms),
 *   so the bureau answers CITY_SOURCE_UNAVAILABLE before the gateway gives up on it.
 */
/** ms per statement on a server source. */
const queryTimeoutMs = z.number().int().min(100).max(600_000).default(2_500);
export const sourceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('sqlite'), file }),
  z.strictObject({ kind: z.literal('postgres'), url: serverUrl(POSTGRES_PROTOCOLS).optional(), queryTimeoutMs, file }),
  z.strictObject({ kind: z.literal('mysql'), url: serverUrl(MYSQL_PROTOCOLS).optional(), queryTimeoutMs, file }),
  /** A bureau's existing JSON/HTTP system. `file` seeds the simulated stand-in that npm start runs. */
  z.strictObject({
    kind: z.literal('legacy-http'),
    url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
    /** ms per attempt. */
    timeoutMs: z.number().int().min(50).max(60_000).default(800),
    /** extra attempts for idempotent reads. */
    retries: z.number().int().min(0).max(5).default(2),
    file,
  }),
  /** A folder of xlsx/csv exports; `dir` is under the data folder unless absolute. */
  z.strictObject({ kind: z.literal('spreadsheet'), dir: z.string().min(1).optional(), watch: z.boolean().default(true), file }),
]);

/**
 * Where a bureau whose own system takes no writes (a spreadsheet share, a legacy web service, an HJ 212
 * monitoring platform) keeps its cooperation records (incidents, notices, bulletins, resource requests,
 * meetings, patrol proposals). @default its embedded store: `<data dir>/<code>-cooperation.sqlite` for
 * the spreadsheet and legacy-HTTP bureaus, the embedded store itself for an HJ 212 bureau.
 * `{ "kind": "postgres" }` keeps them on a PostgreSQL server instead, the cooperation migrations applied
 * there at start:
 * - `url`: @default ECOGRAPH_COOPERATION_PG_URL_<code> (which comes first, so the password can stay
 *   out of the file); one of the two is required;
 * - `schema`: the schema holding the tables, created when missing, so several bureaus can share one
 *   server (one schema each). @default the login's search_path (normally `public`);
 * - `queryTimeoutMs`, `maxConnections`, `connectTimeoutMs`: as for a postgres source.
 * A bureau with a PostgreSQL or MariaDB source (or the embedded store alone) keeps its cooperation
 * records in that store; this key is refused there.
 */
const cooperationSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('postgres'),
    url: serverUrl(POSTGRES_PROTOCOLS).optional(),
    schema: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case SQL identifier (letters, digits, _; at most 63)').optional(),
    queryTimeoutMs,
    /** connections in the pool. */
    maxConnections: z.number().int().min(1).max(100).default(5),
    /** ms to wait for a new connection (never more than queryTimeoutMs). */
    connectTimeoutMs: z.number().int().min(100).max(60_000).default(5_000),
  }),
]);

/** Whether a bureau's own system takes no writes, so that its cooperation records live apart from it. */
export function keepsCooperationApart(file: { readonly source: { readonly kind: string }; readonly hj212?: unknown }): boolean {
  return file.source.kind === 'spreadsheet' || file.source.kind === 'legacy-http' || file.hj212 !== undefined;
}

/**
 * The gateway's public key (a JWK file, relative to this config file's folder unless absolute);
 * ECOGRAPH_GATEWAY_PUBLIC_KEY comes first. Without either the subgraph does not start.
 */
const gatewayPublicKey = z.string().min(1).optional();

/**
 * The bureau's event stream (schema/events/bureauEvents.ts, kit/events/): how long its log keeps
 * events, and how often its adapter polls the bureau's own system for new readings (not used with an
 * HJ 212 ingest, which logs each reading as it stores it).
 */
export const eventsConfigSchema = z.strictObject({
  /** ms events are kept; at least 24 h (MIN_EVENT_RETENTION_MS), the protocol's promise. */
  retentionMs: z.number().int().min(MIN_EVENT_RETENTION_MS, 'must be at least 86400000 (24 h)').default(72 * 60 * 60 * 1000),
  /** ms between polls of the bureau's own system for readings not logged yet. */
  pollIntervalMs: z.number().int().min(100).max(3_600_000).default(5_000),
});

export type EventsConfig = z.infer<typeof eventsConfigSchema>;

export const bureauFileSchema = z.strictObject({
  code: z.string().regex(/^\d{6}$/, 'must be a 6-digit GB/T 2260 code'),
  bureau: z.string().min(1),
  port,
  source: sourceSchema,
  /** An HJ 212 ingest (TCP) feeding this bureau's store, for a bureau whose system is a monitoring platform. */
  hj212: hj212IngestConfigSchema.optional(),
  cooperation: cooperationSchema.optional(),
  events: eventsConfigSchema.default(eventsConfigSchema.parse({})),
  gatewayPublicKey,
}).superRefine((file, ctx) => {
  if (file.cooperation !== undefined && !keepsCooperationApart(file)) {
    ctx.addIssue({
      code: 'custom',
      path: ['cooperation'],
      message: `only for a bureau whose own system takes no writes (a spreadsheet or legacy-http source, or an hj212 ingest); a ${file.source.kind} bureau keeps cooperation records in its own store`,
    });
  }
});

export const regionFileSchema = z.strictObject({
  port,
  source: sourceSchema,
  gatewayPublicKey,
});

export type SourceConfig = z.infer<typeof sourceSchema>;
export type CooperationFileConfig = z.infer<typeof cooperationSchema>;
export type BureauFile = z.infer<typeof bureauFileSchema>;
export type RegionFile = z.infer<typeof regionFileSchema>;
