/**
 * `npm run bench:security`: what the security work costs per request, each step alone, in one
 * process, with the code the gateway and the bureaus run (no HTTP, no load generator), so the
 * figures can be set beside `npm run bench`'s end-to-end ones:
 * - the gateway verifying the caller's bearer token (verifyCallerToken, the core of the gateway's
 *   authenticator, ES256 over a local JWKS as in development mode),
 * - the gateway signing one bureau token (createBureauTokenSigner; once per bureau fetch),
 * - a bureau verifying it (createGatewayTokenVerifier, incl. the replay check; once per fetch),
 * - field access analysis of the bench's two queries, uncached (the gateway caches it per document,
 *   operation and scope profile, so a repeated query pays only the key and the lookup).
 * Each step runs for a fixed time after a warm-up, in several rounds; the median round is reported.
 * Wall time on a shared machine: the load average is printed with it.
 */
import { ApolloGateway } from '@apollo/gateway';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import { createLocalJWKSet } from 'jose';
import { analyzeAccess } from '../gateway/access/analyzeAccess.ts';
import { verifyCallerToken } from '../gateway/callers/verifyCallerToken.ts';
import { devIssuerEnv, ensureDevIssuer } from '../devtools/dev-keys/devIssuer.ts';
import { composeSupergraph } from '../gateway/composition/composeSupergraph.ts';
import { readCallerTokenConfig } from '../gateway/config/readCallerTokenConfig.ts';
import { readAccessPolicies } from '../schema/accessPolicies.ts';
import { loadContract, loadRegion } from '../schema/loadContract.ts';
import { createGatewayTokenVerifier } from '../schema/gateway-token/createGatewayTokenVerifier.ts';
import { gatewayPublicJwkSchema } from '../schema/gateway-token/gatewayJwkSchema.ts';
import { BENCH_IDENTITY, benchSigner, prepareBenchTrust } from './benchTrust.ts';
import { FAN_OUT_QUERY, SINGLE_BUREAU_QUERY } from './queries.ts';
import { SINGLE_BUREAU } from './scenarios.ts';

process.env['APOLLO_TELEMETRY_DISABLED'] = 'true';

const WARMUP_MS = 300;
const ROUND_MS = 400;
const ROUNDS = 5;

interface Step {
  readonly name: string;
  readonly perRequest: string;
  /** Runs the step `n` times (so per-call setup, like pre-signed tokens, stays outside the clock). */
  readonly prepare: (n: number) => () => Promise<void> | void;
}

const workDir = mkdtempSync(join(tmpdir(), 'ecograph-bench-security-'));
try {
  const loadBefore = loadavg()[0]!;
  const trust = await prepareBenchTrust(workDir);
  const sign = benchSigner(trust.privateKeyPath);
  const publicKey = gatewayPublicJwkSchema.parse(JSON.parse(readFileSync(join(workDir, 'keys', 'gateway.public.jwk.json'), 'utf8')));
  const issuerEnv = devIssuerEnv(await ensureDevIssuer(workDir));
  const callerConfig = readCallerTokenConfig(issuerEnv, 'development', (m) => new Error(m));
  if (callerConfig === null || callerConfig.keys.kind !== 'file') throw new Error('the bench issuer did not configure a JWKS file');
  const callerKeys = createLocalJWKSet(callerConfig.keys.jwks as Parameters<typeof createLocalJWKSet>[0]);
  const callerToken = trust.callerHeaders['authorization']!.slice('Bearer '.length);
  const authenticate = () => verifyCallerToken(callerToken, callerKeys, callerConfig);
  if (!(await authenticate()).ok) throw new Error('the bench caller token was not accepted');

  const { schema, policies } = await apiSchema();
  const single = parse(SINGLE_BUREAU_QUERY);
  const fanOut = parse(FAN_OUT_QUERY);
  const caller = { authenticated: true, scopes: BENCH_IDENTITY.scopes };

  const steps: Step[] = [
    {
      name: 'gateway: verify the caller token (ES256, local JWKS)', perRequest: 'once per request',
      prepare: (n) => async () => { for (let i = 0; i < n; i++) await authenticate(); },
    },
    {
      name: 'gateway: sign one bureau token (ES256)', perRequest: 'once per bureau fetch',
      prepare: (n) => () => { for (let i = 0; i < n; i++) sign(SINGLE_BUREAU, BENCH_IDENTITY); },
    },
    {
      name: 'bureau: verify the gateway token (ES256 + replay check)', perRequest: 'once per bureau fetch',
      prepare: (n) => {
        // A fresh verifier per round keeps its replay memory at the size a bureau's would have.
        const verifier = createGatewayTokenVerifier({ publicKey, audience: SINGLE_BUREAU });
        const tokens = Array.from({ length: n }, () => sign(SINGLE_BUREAU, BENCH_IDENTITY));
        return async () => {
          for (const token of tokens) if (!(await verifier.verify(token)).ok) throw new Error('a bench gateway token was refused');
        };
      },
    },
    {
      name: 'gateway: field access analysis, single-bureau query (uncached)', perRequest: 'once per document × scope profile',
      prepare: (n) => () => { for (let i = 0; i < n; i++) analyzeAccess(single, schema, policies, caller); },
    },
    {
      name: 'gateway: field access analysis, fan-out query (uncached)', perRequest: 'once per document × scope profile',
      prepare: (n) => () => { for (let i = 0; i < n; i++) analyzeAccess(fanOut, schema, policies, caller); },
    },
  ];

  const rows: string[] = [];
  for (const step of steps) {
    const micros = await timeStep(step);
    rows.push(`| ${step.name} | ${step.perRequest} | ${micros.toFixed(1)} |`);
    process.stderr.write(`[bench:security] ${step.name}: ${micros.toFixed(1)} µs\n`);
  }
  console.log(`1-min load average ${loadBefore.toFixed(2)} at start, ${loadavg()[0]!.toFixed(2)} at end; Node ${process.version}.\n`);
  console.log('| step | when | µs per call (median of 5 rounds) |');
  console.log('|---|---|---:|');
  for (const row of rows) console.log(row);
} finally {
  rmSync(workDir, { recursive: true, force: true });
}

/** Median over ROUNDS of the mean µs per call; the batch size is calibrated in the warm-up. */
async function timeStep(step: Step): Promise<number> {
  let n = 1;
  let calls = 0;
  const warmStart = performance.now();
  while (performance.now() - warmStart < WARMUP_MS) {
    await step.prepare(n)();
    calls += n;
    n = Math.min(n * 2, 1_000);
  }
  const perCallMs = (performance.now() - warmStart) / calls;
  const batch = Math.max(1, Math.round(ROUND_MS / perCallMs));
  const rounds: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const run = step.prepare(batch);
    const started = performance.now();
    await run();
    rounds.push(((performance.now() - started) * 1000) / batch);
  }
  return rounds.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)]!;
}

/** The gateway's API schema (region + city contract) and the contract's access rules, as the gateway builds them. */
async function apiSchema(): Promise<{ schema: GraphQLSchema; policies: ReturnType<typeof readAccessPolicies> }> {
  const contract: DocumentNode = loadContract();
  const gateway = new ApolloGateway({ supergraphSdl: composeSupergraph({ typeDefs: loadRegion(), url: 'http://region.invalid/graphql' }, contract) });
  let schema: GraphQLSchema | undefined;
  gateway.onSchemaLoadOrUpdate(({ apiSchema }) => (schema = apiSchema));
  await gateway.load();
  await gateway.stop();
  return { schema: schema!, policies: readAccessPolicies(contract) };
}
