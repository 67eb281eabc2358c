/**
 * `npm run bench:launcher`: what `npm start`'s launcher costs the federation under load (issue 13).
 * The launcher runs every service as its own process and relays each one's output, prefixed, to its
 * own; under load the gateway writes a log line per request. This starts the launcher as `npm start`
 * does (its ports and data/, rate limits raised so the load is never refused), loads its gateway with
 * the bench's routed query at 10 connections, and reads from /proc the CPU of the launcher itself and
 * of the services it started. Prints the launcher's CPU per request and its share of the whole.
 *
 * Flags: --duration <s> (15), --connections <n> (10). The launcher's ports must be free.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ACCESS_SCOPE_NAMES } from '../schema/accessPolicies.ts';
import { devIssuerEnv, ensureDevIssuer, signDevToken } from '../devtools/dev-keys/devIssuer.ts';
import { ensureGatewayKeyPair } from '../devtools/dev-keys/ensureGatewayKeyPair.ts';
import { loadGatewayConfig } from '../gateway/config/loadGatewayConfig.ts';
import { dataDir } from '../subgraphs/config/loadSubgraphConfig.ts';
import { measureTarget } from './measureTarget.ts';
import { SINGLE_BUREAU_QUERY } from './queries.ts';
import { SINGLE_BUREAU } from './scenarios.ts';

const READY_TIMEOUT_MS = 180_000; // the first run seeds data/
const UNREACHABLE_LIMIT = '1000000000';

const { values } = parseArgs({ options: { duration: { type: 'string', default: '15' }, connections: { type: 'string', default: '10' } } });
const durationSeconds = Number(values.duration);
const connections = Number(values.connections);

const env = { ...process.env, ECOGRAPH_RATE_LIMIT_AUTHENTICATED: UNREACHABLE_LIMIT, ECOGRAPH_RATE_LIMIT_PUBLIC: UNREACHABLE_LIMIT };
// Where the launcher's gateway listens: its config read as the launcher reads it (the keys it makes on a first run).
const issuer = await ensureDevIssuer(dataDir());
const { host, port } = loadGatewayConfig({
  ...env, ...devIssuerEnv(issuer), ECOGRAPH_GATEWAY_SIGNING_KEY: ensureGatewayKeyPair(join(dataDir(), 'keys')).privateKeyPath,
});
const origin = `http://${host}:${port}`;
const launcher = spawn(process.execPath, ['--import', 'tsx', new URL('../devtools/launcher/federation.main.ts', import.meta.url).pathname], {
  env, stdio: ['ignore', 'pipe', 'pipe'],
});
// Read (and counted) as a terminal would: a pipe left unread would stall the launcher.
let relayedBytes = 0;
launcher.stdout.on('data', (chunk: Buffer) => (relayedBytes += chunk.length));
launcher.stderr.on('data', (chunk: Buffer) => (relayedBytes += chunk.length));
const exited = new Promise<number | null>((resolve) => launcher.once('exit', resolve));

try {
  await waitReady();
  const token = await signDevToken(issuer, { sub: 'bench-launcher', scope: ACCESS_SCOPE_NAMES.join(' ') }, 3_600);
  const headers = { authorization: `Bearer ${token}` };
  const id = await firstCaseId(headers);
  const services = await settledChildren(launcher.pid!);
  const bytesBefore = relayedBytes;
  const measured = await measureTarget(`${origin}/graphql`, JSON.stringify({ query: SINGLE_BUREAU_QUERY, variables: { code: SINGLE_BUREAU, id } }), {
    connections, durationSeconds, warmupSeconds: 3, headers, freshHeaders: null, freshBody: null,
    cpu: { launcher: [launcher.pid!], services }, rssPid: null,
  });
  const cpu = measured.cpuMsPerRequest;
  const launcherMs = cpu?.['launcher'] ?? Number.NaN;
  const servicesMs = cpu?.['services'] ?? Number.NaN;
  console.log(`npm start's launcher under load (${connections} connections, ${durationSeconds} s, routed query to ${SINGLE_BUREAU}; 1-min load average ${loadavg()[0]!.toFixed(2)})`);
  console.log(`  ${measured.requestsPerSecond.toFixed(0)} req/s, p50 ${measured.p50Ms.toFixed(2)} ms, p99 ${measured.p99Ms.toFixed(2)} ms, ${measured.failures} failures`);
  console.log(`  relayed ${((relayedBytes - bytesBefore) / measured.requests).toFixed(0)} bytes of output per request`);
  console.log(`  CPU ms per request: launcher ${launcherMs.toFixed(4)}, its ${services.length} services ${servicesMs.toFixed(3)}; launcher share ${(100 * launcherMs / (launcherMs + servicesMs)).toFixed(1)} %`);
} finally {
  launcher.kill('SIGINT');
  await exited;
}

async function waitReady(): Promise<void> {
  for (const deadline = Date.now() + READY_TIMEOUT_MS; Date.now() < deadline;) {
    if (launcher.exitCode !== null) throw new Error(`npm start's launcher exited (${launcher.exitCode}); are its ports free?`);
    const ready = await fetch(`${origin}/readyz`).then((res) => res.ok, () => false);
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the federation was not ready within ${READY_TIMEOUT_MS} ms`);
}

async function firstCaseId(headers: Record<string, string>): Promise<string> {
  const res = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: `{ enforcementCases(first: 1, cityCodes: ["${SINGLE_BUREAU}"]) { edges { node { id } } } }` }),
  });
  const body = (await res.json()) as { data?: { enforcementCases?: { edges?: Array<{ node: { id: string } }> } } };
  const id = body.data?.enforcementCases?.edges?.[0]?.node.id;
  if (!id) throw new Error(`bureau ${SINGLE_BUREAU} has no enforcement case to ask for: ${JSON.stringify(body)}`);
  return id;
}

/** The launcher's children once their number stops changing (it starts some after the gateway is ready). */
async function settledChildren(pid: number): Promise<number[]> {
  let previous = childrenOf(pid);
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const now = childrenOf(pid);
    if (now.length === previous.length) return now;
    previous = now;
  }
}

/** The processes the launcher started (Linux /proc: their parent is the launcher). */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc').filter((entry) => /^\d+$/.test(entry)).map(Number).filter((child) => {
    try {
      return Number(readFileSync(`/proc/${child}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]) === pid;
    } catch {
      return false; // gone meanwhile
    }
  });
}
