/**
 * docker-compose.yml's deployment across hosts, without a container engine: every service it runs
 * as a process on a host of its own — a Linux network namespace with one link to a switch (see
 * test/fixtures/networkNamespaces.ts) — then one bureau's cable pulled while load goes through the lb.
 *
 *   client ──► lb (Debian's nginx, gateway/deploy/nginx.conf) ──► gateway-1, gateway-2 ──► redis
 *                                                                   │
 *        bureau-500000 … bureau-511600, legacy-511600, region ◄─────┘   (region ──► lb for callbacks)
 *
 * What compose defines is used as it is (test/fixtures/composeServices.ts): each service's entry
 * file and arguments, the image's ENV and the service's environment, the registry file
 * (gateway/deploy/registry.compose.json, unchanged: each host resolves the other services' names
 * from its own hosts file, as Docker's DNS would), the key files as compose secrets, the start
 * order (depends_on, with each service's own health check command run on its host), the ports.
 * Substituted, each checked by the first test: container paths → paths here; the PostgreSQL and
 * MariaDB servers are not run (the host's servers listen on its loopback, which no namespace
 * reaches), so their URLs are dropped and those three bureaus open their embedded stores, seeded by
 * seed-stores like the others, from the `stores` volume mounted into them as into the others (and
 * they wait for seed-stores where they waited for seed-servers); ECOGRAPH_RECHECK_MS is added to
 * the gateways (1 s instead of 10 s, so that "served again within one re-check" is quick to see);
 * Redis gets `--protected-mode no`, as the official image has it. The processes run as root (the
 * image's `node` user, read-only root and dropped capabilities are not reproduced).
 *
 * The load: a few callers through the lb, each with its own token, asking a fan-out of every
 * bureau's cases. Mid-load bureau-510900's switch port goes down. Every answer must be either the
 * whole graph or every other bureau's data with one CITY_UNAVAILABLE error naming 510900, within
 * the registry's deadline (timeoutMs) plus a margin — also for requests that wait on a new
 * connection to the cut bureau (this test found them 10 s late until the gateway's subgraph client
 * settled at its deadline: gateway/transport/settleByDeadline.ts); every answer sent during the cut
 * must be the latter. Then the
 * port goes up: both replicas' /readyz (asked directly) must show it up again within one re-check
 * (plus the deadline of a check in flight), and every answer after that must be whole.
 *
 * The lb: the compose file's nginx.conf is written for nginx ≥ 1.27.3 in a container (the nginx
 * image's `nginx` user, upstream servers re-resolved through Docker's DNS at 127.0.0.11). Debian's
 * nginx 1.22 runs it with the smallest substitutions, and everything else of the file is kept
 * line for line (checked): `user nginx` → `user www-data` (Debian's user for nginx), the pid file
 * into the test's folder (/tmp is shared by parallel runs here), and the `resolver` line and the
 * upstream servers' `resolve` parameter dropped — the names are then resolved once, at start, from
 * the host's hosts file (addresses here never change while nginx runs).
 *
 * Needs root, iproute2 and a kernel that permits namespaces, veth and bridges, and nginx: skipped
 * with a warning where any is missing, failed instead when CI is set (.ci/run installs nginx).
 * Traffic goes only between the addresses given to the test's own links (10.212.0.0/24 inside its
 * namespaces); everything is removed at the end, on failure too.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadRegistry } from '../../gateway/config/loadGatewayConfig.ts';
import { ensureGatewayKeyPair } from '../../devtools/dev-keys/ensureGatewayKeyPair.ts';
import { DEV_AUDIENCE, DEV_ISSUER } from '../../devtools/dev-keys/devIssuer.ts';
import { ACCESS_SCOPE_NAMES } from '../../schema/accessPolicies.ts';
import { REPO_ROOT } from '../../subgraphs/config/loadSubgraphConfig.ts';
import { callerToken, testCallerIssuer } from '../fixtures/callerTokens.ts';
import { planComposeServices, startWaves, type ComposePlan, type ServicePlan } from '../fixtures/composeServices.ts';
import {
  createNamespaceNetwork, probeNamespaces, removeLeftoverNamespaces, type NamespaceNetwork, type NamespaceProcess,
} from '../fixtures/networkNamespaces.ts';
import type { GraphQLAnswer } from '../fixtures/startSubgraphProcess.ts';
import { describeWithServer } from '../subgraphs/adapters/describeWithServer.ts';

const run = promisify(execFile);

/** What an operator puts in `.env`; the database passwords are required by the file but unused here. */
const OPERATOR_ENV = {
  POSTGRES_PASSWORD: 'unused-no-database-server-here',
  MARIADB_PASSWORD: 'unused-no-database-server-here',
  ECOGRAPH_JWT_ISSUER: DEV_ISSUER,
  ECOGRAPH_JWT_AUDIENCE: DEV_AUDIENCE,
  ECOGRAPH_SCALE: '0.05', // a few dozen records per bureau: seeding and starts stay quick
} as const;
const LEFT_OUT = {
  'postgres-500000': 'its server would need its own host with a data directory; the host\'s PostgreSQL listens on 127.0.0.1 only',
  'postgres-510900': 'as postgres-500000',
  'mariadb-500152': 'as postgres-500000 (MariaDB)',
  'seed-servers': 'it fills the database servers that are not run',
} as const;
const DATABASE_URLS = /^ECOGRAPH_(PG|MYSQL)_URL_/;
/** Where the embedded stores are: seed-stores writes them there (compose's `stores` volume). */
const STORES_VOLUME = 'stores:/app/data';
const RECHECK_MS = 1_000;
const GATEWAYS = ['gateway-1', 'gateway-2'];
const LB = 'lb';
const CLIENT = 'client';
/** The bureau whose cable is pulled. */
const CUT = '510900';
const CUT_HOST = `bureau-${CUT}`;

/** How long a service may take to become healthy (compose's start_period is 60 s; two cores shared by eight Node processes). */
const HEALTHY_WITHIN_MS = 120_000;
const HEALTH_POLL_MS = 300;
const SEED_WITHIN_MS = 120_000;
/** Above the registry's per-bureau deadline: what an answer may take on top of it (gateway, lb, a loaded machine). */
const ANSWER_MARGIN_MS = 1_500;
/** The load: a few workers, each with its own caller (600 requests per minute each), paced; bounded in count and time. */
const WORKERS = 4;
const PACE_MS = 150;
const MAX_REQUESTS = 600;
const LOAD_WITHIN_MS = 45_000;
const SAMPLES_BEFORE_CUT = 12;
const SAMPLES_AFTER_CUT = 16;
const SAMPLES_AFTER_BACK = 16;

const CASES = '{ enforcementCases(first: 100) { totalCount edges { node { id cityCode } } } }';
const CUT_TOTAL = `{ enforcementCases(first: 0, cityCodes: ["${CUT}"]) { totalCount } }`;

const nginxAvailable = async (): Promise<Error | null> => run('nginx', ['-v']).then(() => null, (error: Error) => error);

await describeWithServer({
  name: 'Linux network namespaces (root, ip netns, veth, bridge) and Debian\'s nginx',
  where: 'this machine',
  howToStart: 'run as root with iproute2 on a kernel that permits network namespaces; apt-get install -y nginx (.ci/run does both checks)',
  probe: async () => (await probeNamespaces()) ?? (await nginxAvailable()),
}, 'docker-compose.yml across hosts: each service on its own network namespace', () => {
  let work: string;
  let plan: ComposePlan;
  let network: NamespaceNetwork | undefined;
  let nginxConf: DerivedNginxConf;
  let registryHosts: string[];
  const processes = new Map<string, NamespaceProcess>();
  let client: NamespaceClient;
  let timeoutMs: number;

  beforeAll(async () => {
    const removed = removeLeftoverNamespaces();
    if (removed.length > 0) console.warn(`removed leftovers of earlier runs: ${removed.join(', ')}`);
    work = mkdtempSync(join(tmpdir(), 'ecograph-netns-'));
    const dirs = { data: join(work, 'data'), secrets: join(work, 'secrets'), lb: join(work, 'lb') };
    for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });

    // The key files, as an operator makes them (README.md, Deployment), named as `secrets:` names them.
    ensureGatewayKeyPair(dirs.secrets);
    copyFileSync((await testCallerIssuer()).files.jwksPath, join(dirs.secrets, 'caller.jwks.json'));

    plan = planComposeServices({
      operatorEnv: OPERATOR_ENV,
      leaveOut: LEFT_OUT,
      volumes: { stores: dirs.data },
      secretsDir: dirs.secrets,
      drop: DATABASE_URLS,
      volumeWhenDropped: STORES_VOLUME,
      standIns: { 'seed-servers': 'seed-stores' },
      imageFolders: {
        '/app/data': (service) => {
          const folder = join(work, 'image-data', service);
          mkdirSync(folder, { recursive: true });
          return folder;
        },
      },
      add: Object.fromEntries(GATEWAYS.map((g) => [g, { ECOGRAPH_RECHECK_MS: String(RECHECK_MS) }])),
    });
    const registry = loadRegistry(plan.services.find((s) => s.name === GATEWAYS[0])!.env['ECOGRAPH_REGISTRY']!);
    timeoutMs = Math.max(...registry.cities.map((c) => c.timeoutMs));
    registryHosts = [registry.region.url, ...registry.cities.map((c) => c.url)].map((u) => new URL(u).hostname);
    nginxConf = deriveNginxConf(readFileSync(join(REPO_ROOT, 'gateway/deploy/nginx.conf'), 'utf8'), join(dirs.lb, 'nginx.pid'));
    writeFileSync(join(dirs.lb, 'nginx.conf'), nginxConf.text);

    network = await createNamespaceNetwork([...plan.services.map((s) => s.name), CLIENT]);
    await startAll(network, plan, processes, dirs.lb);
    const fetcher = network.spawn(CLIENT, CLIENT, ['node', '--import', 'tsx', 'test/fixtures/namespaceFetch.main.ts'], { env: baseEnv(), cwd: REPO_ROOT });
    await fetcher.waitFor(/namespace-fetch ready/, 30_000);
    client = namespaceClient(fetcher);
  }, 300_000);

  afterAll(async () => {
    const failed = network === undefined;
    await network?.remove();
    if (work) rmSync(work, { recursive: true, force: true });
    if (failed) console.warn('the namespace network was not made: see the error of beforeAll');
  }, 60_000);

  it('runs what docker-compose.yml runs: only paths, the database servers and the re-check interval differ, and the lb\'s Docker-only lines', () => {
    const started = plan.services.map((s) => s.name).sort();
    expect(started).toEqual(Object.keys(plan.compose.services).filter((name) => !(name in LEFT_OUT)).sort());
    for (const change of plan.changes) {
      switch (change.kind) {
        case 'path':
          expect(change.from, `${change.service} ${change.where}`).toMatch(new RegExp(`^(${plan.image.workdir}/|/run/secrets/)`));
          break;
        case 'dropped':
          expect(change.where, change.service).toMatch(DATABASE_URLS);
          expect(Object.keys(LEFT_OUT).some((name) => change.from.includes(`@${name}:`)), `${change.service} ${change.where} names a service left out`).toBe(true);
          break;
        case 'volume':
          expect(change.to).toBe(STORES_VOLUME);
          expect(plan.changes.some((c) => c.kind === 'dropped' && c.service === change.service), change.service).toBe(true);
          break;
        case 'depends_on':
          expect([change.from, change.to], change.service).toEqual(['seed-servers', 'seed-stores']);
          break;
        case 'added':
          expect([change.service, change.where]).toEqual([expect.stringMatching(/^gateway-\d$/), 'ECOGRAPH_RECHECK_MS']);
          break;
      }
    }
    // The registry is the compose file's own, unchanged, and every host it names is a host here.
    for (const name of GATEWAYS) {
      expect(plan.services.find((s) => s.name === name)!.env['ECOGRAPH_REGISTRY']).toBe(join(REPO_ROOT, 'gateway/deploy/registry.compose.json'));
    }
    for (const host of registryHosts) expect(network!.hosts).toContain(host);
    // So is every host a service's variables name (the region's lb, the Redis, the legacy service).
    for (const service of plan.services) {
      for (const [key, value] of Object.entries(service.env)) {
        if (/^(https?|redis):\/\//.test(value)) expect(network!.hosts, `${service.name} ${key}`).toContain(new URL(value).hostname);
      }
    }
    // nginx.conf: the listed substitutions, nothing else.
    expect(nginxConf.changes.map((c) => c.why)).toEqual(['user', 'pid', 'resolver', 'resolve', 'resolve']);
    expect(nginxConf.text.split('\n').length).toBe(nginxConf.original.split('\n').length);
  });

  it('serves the whole graph through the lb across the links: both replicas see every bureau and the region up', async () => {
    for (const gateway of GATEWAYS) {
      const readiness = await readyz(client, gateway);
      expect(readiness.status, gateway).toBe(200);
      expect(readiness.body.region['status'], gateway).toBe('up');
      expect(readiness.body.cities.map((c) => [c['code'], c['status'], c['circuit']]), gateway)
        .toEqual(readiness.body.cities.map((c) => [c['code'], 'up', 'closed']));
      expect(readiness.body.cities).toHaveLength(6);
    }
    // The lb keeps the operations endpoints inside the network (nginx.conf).
    expect((await client.request({ url: `http://${LB}:8080/readyz` })).status).toBe(404);
    const headers = await callerHeaders('netns-check');
    const baseline = await graphql(client, CASES, headers);
    expect(baseline.errors).toBeUndefined();
    expect(codesOf(baseline)).toEqual(plan.services.filter((s) => s.name.startsWith('bureau-')).map((s) => s.name.slice('bureau-'.length)).sort());
    // The region answers through the gateways too.
    const cities = await graphql(client, '{ cities { code } }', headers);
    expect(cities.errors).toBeUndefined();
    expect(cities.data!['cities'].length).toBeGreaterThanOrEqual(6);
  });

  it(`keeps answering while ${CUT}'s cable is pulled: the others' data and CITY_UNAVAILABLE for it within the deadline; served again within one re-check once plugged back`, async () => {
    const headers = await Promise.all(Array.from({ length: WORKERS }, (_, i) => callerHeaders(`netns-load-${i}`)));
    const full = await graphql(client, CASES, headers[0]!);
    expect(full.errors).toBeUndefined();
    const cutTotal = (await graphql(client, CUT_TOTAL, headers[0]!)).data!['enforcementCases'].totalCount as number;
    expect(cutTotal).toBeGreaterThan(0);
    const total = full.data!['enforcementCases'].totalCount as number;
    const othersIds = edgesOf(full).filter((e) => e.cityCode !== CUT).map((e) => e.id);
    const othersCodes = codesOf(full).filter((c) => c !== CUT);

    const classify = (answer: GraphQLAnswer): 'full' | 'partial' | 'wrong' => {
      const cases = answer.data?.['enforcementCases'];
      if (answer.errors === undefined) return cases?.totalCount === total && JSON.stringify(codesOf(answer)) === JSON.stringify(codesOf(full)) ? 'full' : 'wrong';
      const [error, ...more] = answer.errors;
      const ids = new Set(idsOf(answer));
      const ok = more.length === 0 &&
        error!.extensions?.['code'] === 'CITY_UNAVAILABLE' && error!.extensions['city'] === CUT &&
        JSON.stringify(error!.path) === '["enforcementCases"]' &&
        cases?.totalCount === total - cutTotal &&
        JSON.stringify(codesOf(answer)) === JSON.stringify(othersCodes) &&
        othersIds.every((id) => ids.has(id));
      return ok ? 'partial' : 'wrong';
    };

    const load = startLoad(client, headers, classify);
    const t0 = performance.now();
    let cutAt = 0;
    let upAt = 0;
    let servedAgainAt = 0;
    const servedAgain: Record<string, number> = {};
    try {
      await load.until((s) => s.filter((x) => x.kind === 'full').length >= SAMPLES_BEFORE_CUT, 'full answers before the cut');
      await network!.setLink(CUT_HOST, false);
      cutAt = performance.now();
      // Long enough for requests in flight at the cut to meet their deadline, and for answers sent after it.
      await load.until((s) => performance.now() - cutAt > timeoutMs + ANSWER_MARGIN_MS &&
        s.filter((x) => x.sentAt > cutAt).length >= SAMPLES_AFTER_CUT, 'answers during the cut');
      await network!.setLink(CUT_HOST, true);
      upAt = performance.now();
      // Each replica re-checks on its own: poll both, directly (the lb hides /readyz).
      const deadline = upAt + RECHECK_MS + timeoutMs + 10_000;
      for (let polls = 0; Object.keys(servedAgain).length < GATEWAYS.length && performance.now() < deadline && polls < 500; polls++) {
        await Promise.all(GATEWAYS.filter((g) => !(g in servedAgain)).map(async (gateway) => {
          const city = (await readyz(client, gateway)).body.cities.find((c) => c['code'] === CUT);
          if (city?.['status'] === 'up' && city['circuit'] === 'closed') servedAgain[gateway] = performance.now();
        }));
      }
      expect(Object.keys(servedAgain).sort(), `both replicas serve ${CUT} again within ${deadline - upAt} ms`).toEqual(GATEWAYS);
      servedAgainAt = Math.max(...Object.values(servedAgain));
      await load.until((s) => s.filter((x) => x.sentAt > servedAgainAt).length >= SAMPLES_AFTER_BACK, 'answers once served again');
    } finally {
      await load.stop();
      if (upAt === 0 && cutAt !== 0) await network!.setLink(CUT_HOST, true);
    }

    const samples = load.samples;
    const during = samples.filter((s) => s.sentAt > cutAt && s.doneAt < upAt);
    const after = samples.filter((s) => s.sentAt > servedAgainAt);
    const firstUnavailable = samples.filter((s) => s.kind === 'partial').sort((a, b) => a.doneAt - b.doneAt)[0];
    const figures = {
      requests: samples.length,
      cutAfterMs: Math.round(cutAt - t0),
      firstCityUnavailableAfterCutMs: firstUnavailable && Math.round(firstUnavailable.doneAt - cutAt),
      slowestAnswerMs: Math.round(Math.max(...samples.map((s) => s.ms))),
      slowestAnswerDuringCutMs: Math.round(Math.max(...during.map((s) => s.ms))),
      servedAgainAfterLinkUpMs: Object.fromEntries(Object.entries(servedAgain).map(([g, t]) => [g, Math.round(t - upAt)])),
      kinds: { full: samples.filter((s) => s.kind === 'full').length, partial: samples.filter((s) => s.kind === 'partial').length },
    };
    console.log(`compose across hosts, ${CUT_HOST}'s link pulled mid-load: ${JSON.stringify(figures)}`);
    const slow = samples.filter((s) => s.ms > timeoutMs + ANSWER_MARGIN_MS);
    if (slow.length > 0) {
      console.log(`answers after the deadline: ${JSON.stringify(slow.map((s) => ({
        sentAfterCutMs: Math.round(s.sentAt - cutAt), ms: Math.round(s.ms), doneAfterLinkUpMs: Math.round(s.doneAt - upAt), kind: s.kind, reason: s.answer?.errors?.[0]?.extensions?.['reason'],
      })))}`);
    }

    // Every answer came, within the deadline, and was the whole graph or the whole graph but CUT.
    const wrong = samples.filter((s) => s.kind === 'wrong' || s.kind === 'failed');
    expect(wrong.map((s) => s.error ?? JSON.stringify(s.answer).slice(0, 500)), 'answers neither full nor the others with CITY_UNAVAILABLE').toEqual([]);
    expect(samples.length).toBeLessThanOrEqual(MAX_REQUESTS);
    for (const s of samples) {
      expect(s.ms, `an answer (sent ${Math.round(s.sentAt - cutAt)} ms after the cut)`).toBeLessThanOrEqual(timeoutMs + ANSWER_MARGIN_MS);
    }
    // While the cable was out, every answer sent after the cut had the others and named CUT.
    expect(during.length).toBeGreaterThanOrEqual(SAMPLES_AFTER_CUT / 2);
    expect(during.filter((s) => s.kind !== 'partial')).toEqual([]);
    expect(firstUnavailable!.doneAt - cutAt).toBeLessThanOrEqual(timeoutMs + ANSWER_MARGIN_MS);
    // Plugged back: each replica serves it again within one re-check (plus the deadline of a check in flight), then every answer is whole.
    for (const [gateway, at] of Object.entries(servedAgain)) {
      expect(at - upAt, gateway).toBeLessThanOrEqual(RECHECK_MS + timeoutMs + ANSWER_MARGIN_MS);
    }
    expect(after.length).toBeGreaterThanOrEqual(SAMPLES_AFTER_BACK);
    expect(after.filter((s) => s.kind !== 'full')).toEqual([]);
  }, 120_000);
});

// ── Starting the services, as compose would ─────────────────────────────────────────────────────

/** What a container has from its base image (node:20 sets PATH), beneath what compose gives it. */
function baseEnv(): Record<string, string> {
  return { PATH: process.env['PATH'] ?? '/usr/local/bin:/usr/bin:/bin' };
}

async function startAll(network: NamespaceNetwork, plan: ComposePlan, processes: Map<string, NamespaceProcess>, lbDir: string): Promise<void> {
  for (const wave of startWaves(plan.services)) {
    await Promise.all(wave.map(async (service) => {
      const proc = network.spawn(service.name, service.name, argvOf(service, lbDir), {
        env: { ...baseEnv(), ...service.env },
        cwd: REPO_ROOT,
        // nginx opens /dev/stdout and /dev/stderr itself (nginx.conf), which works on a file, not on Node's socket pairs.
        ...(service.name === LB && { logFile: join(lbDir, 'output.log') }),
      });
      processes.set(service.name, proc);
      if (service.oneShot) {
        const code = await Promise.race([proc.exited, new Promise((resolve) => setTimeout(resolve, SEED_WITHIN_MS, 'timeout'))]);
        if (code !== 0) throw new Error(`${service.name} did not complete (${String(code)}): ${proc.output().slice(-4000)}`);
        return;
      }
      await waitHealthy(network, service, proc);
    }));
  }
}

/** The command of each service; the two that are not the repository's image get what a host without Docker needs. */
function argvOf(service: ServicePlan, lbDir: string): string[] {
  if (service.repoImage) return [...service.argv];
  if (service.name === 'redis') {
    // The compose command; the official image's default config has protected mode off (this host
    // is reached only over its own link), Debian's redis-server without a config file has it on.
    expect(service.argv[0]).toBe('redis-server');
    return [...service.argv, '--protected-mode', 'no', '--dir', lbDir];
  }
  if (service.name === LB) return ['nginx', '-p', lbDir, '-c', join(lbDir, 'nginx.conf'), '-g', 'daemon off;'];
  throw new Error(`no way to run ${service.name} (image ${service.argv.join(' ')})`);
}

/** Compose's health check command, run on the service's host until it passes (bounded), as `depends_on: service_healthy` waits. */
async function waitHealthy(network: NamespaceNetwork, service: ServicePlan, proc: NamespaceProcess): Promise<void> {
  if (service.healthcheck === null) throw new Error(`${service.name} has no health check to wait for`);
  const deadline = Date.now() + HEALTHY_WITHIN_MS;
  let exited: number | string | null = null;
  void proc.exited.then((code) => (exited = code));
  let last = '';
  for (let polls = 0; Date.now() < deadline && polls < HEALTHY_WITHIN_MS / HEALTH_POLL_MS; polls++) {
    if (exited !== null) throw new Error(`${service.name} exited (${exited}) before it was healthy: ${proc.output().slice(-4000)}`);
    try {
      await network.exec(service.name, service.healthcheck, baseEnv(), 5_000);
      return;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, HEALTH_POLL_MS));
  }
  throw new Error(`${service.name} not healthy within ${HEALTHY_WITHIN_MS} ms (${last}): ${proc.output().slice(-4000)}`);
}

// ── nginx.conf for Debian's nginx ───────────────────────────────────────────────────────────────

interface DerivedNginxConf {
  readonly original: string;
  readonly text: string;
  readonly changes: ReadonlyArray<{ readonly why: string; readonly from: string; readonly to: string }>;
}

/** gateway/deploy/nginx.conf with the substitutions the header of this file lists, line by line (a dropped line stays as a comment). */
function deriveNginxConf(original: string, pidPath: string): DerivedNginxConf {
  const changes: Array<{ why: string; from: string; to: string }> = [];
  const lines = original.split('\n').map((line) => {
    const change = (why: string, to: string) => {
      changes.push({ why, from: line, to });
      return to;
    };
    if (/^user nginx;$/.test(line)) return change('user', 'user www-data;');
    if (/^pid \S+;$/.test(line)) return change('pid', `pid ${pidPath};`);
    if (/^\s*resolver\s/.test(line)) return change('resolver', `# (Docker's DNS, not here) ${line.trim()}`);
    if (/^\s*server\s+\S+:\d+\s.*\bresolve\b/.test(line)) return change('resolve', line.replace(/\s+resolve\b/, ''));
    return line;
  });
  return { original, text: lines.join('\n'), changes };
}

// ── The client on its own host ──────────────────────────────────────────────────────────────────

interface HttpAnswer {
  readonly status?: number;
  readonly body?: string;
  readonly error?: string;
  readonly ms: number;
}

interface NamespaceClient {
  request(options: { url: string; method?: string; headers?: Record<string, string>; body?: string; timeoutMs?: number }): Promise<HttpAnswer>;
}

function namespaceClient(proc: NamespaceProcess): NamespaceClient {
  let next = 0;
  let buffer = '';
  const waiting = new Map<number, (answer: HttpAnswer) => void>();
  proc.child.stdout!.on('data', (text: string) => {
    buffer += text;
    const lines = buffer.split('\n');
    buffer = lines.pop()!;
    for (const line of lines) {
      if (!line.startsWith('@@')) continue;
      const answer = JSON.parse(line.slice(2)) as HttpAnswer & { id: number };
      waiting.get(answer.id)?.(answer);
      waiting.delete(answer.id);
    }
  });
  void proc.exited.then((code) => {
    for (const resolve of waiting.values()) resolve({ error: `the client exited (${code})`, ms: 0 });
    waiting.clear();
  });
  return {
    request: ({ timeoutMs = 15_000, ...options }) => new Promise((resolve) => {
      const id = next++;
      waiting.set(id, resolve);
      proc.child.stdin!.write(`${JSON.stringify({ id, timeoutMs, ...options })}\n`);
    }),
  };
}

async function callerHeaders(sub: string): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await callerToken({ sub, scope: ACCESS_SCOPE_NAMES.join(' ') }, 3_600)}` };
}

async function graphql(client: NamespaceClient, query: string, headers: Record<string, string>): Promise<GraphQLAnswer> {
  const answer = await client.request({
    url: `http://${LB}:8080/graphql`, method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }),
  });
  if (answer.status !== 200) throw new Error(`the lb answered ${answer.status ?? answer.error}: ${answer.body?.slice(0, 500)}`);
  return JSON.parse(answer.body!) as GraphQLAnswer;
}

interface Readiness { status: number; body: { ready: boolean; region: Record<string, unknown>; cities: Array<Record<string, unknown>> } }

async function readyz(client: NamespaceClient, gateway: string): Promise<Readiness> {
  const answer = await client.request({ url: `http://${gateway}:4000/readyz`, timeoutMs: 5_000 });
  if (answer.body === undefined) throw new Error(`${gateway}/readyz: ${answer.error}`);
  return { status: answer.status!, body: JSON.parse(answer.body) as Readiness['body'] };
}

const edgesOf = (answer: GraphQLAnswer): Array<{ id: string; cityCode: string }> =>
  (answer.data?.['enforcementCases']?.edges ?? []).map((e: { node: { id: string; cityCode: string } }) => e.node);
const idsOf = (answer: GraphQLAnswer) => edgesOf(answer).map((e) => e.id);
const codesOf = (answer: GraphQLAnswer) => [...new Set(edgesOf(answer).map((e) => e.cityCode))].sort();

// ── The load ────────────────────────────────────────────────────────────────────────────────────

interface Sample {
  readonly sentAt: number;
  readonly doneAt: number;
  readonly ms: number;
  readonly kind: 'full' | 'partial' | 'wrong' | 'failed';
  readonly answer?: GraphQLAnswer;
  readonly error?: string;
}

interface Load {
  readonly samples: Sample[];
  /** Resolves once `done(samples)` holds, checked at each answer; rejects at the load's time limit. */
  until(done: (samples: Sample[]) => boolean, what: string): Promise<void>;
  stop(): Promise<void>;
}

/** WORKERS callers, each sending CASES through the lb every PACE_MS (or when its answer comes, if later). */
function startLoad(client: NamespaceClient, headers: Array<Record<string, string>>, classify: (answer: GraphQLAnswer) => Sample['kind']): Load {
  const samples: Sample[] = [];
  const started = performance.now();
  const listeners = new Set<() => void>();
  let stopped = false;
  let sent = 0;
  const worker = async (auth: Record<string, string>) => {
    while (!stopped && sent < MAX_REQUESTS && performance.now() - started < LOAD_WITHIN_MS) {
      sent++;
      const sentAt = performance.now();
      const res = await client.request({
        url: `http://${LB}:8080/graphql`, method: 'POST', headers: { 'content-type': 'application/json', ...auth },
        body: JSON.stringify({ query: CASES }), timeoutMs: 20_000,
      });
      const doneAt = performance.now();
      let sample: Sample;
      if (res.status === 200 && res.body !== undefined) {
        const answer = JSON.parse(res.body) as GraphQLAnswer;
        sample = { sentAt, doneAt, ms: doneAt - sentAt, kind: classify(answer), answer };
      } else {
        sample = { sentAt, doneAt, ms: doneAt - sentAt, kind: 'failed', error: `${res.status ?? ''} ${res.error ?? res.body?.slice(0, 300)}` };
      }
      samples.push(sample);
      for (const listener of listeners) listener();
      const wait = sentAt + PACE_MS - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
    for (const listener of listeners) listener();
  };
  const workers = Promise.all(headers.map(worker));
  return {
    samples,
    until: (done, what) => new Promise<void>((resolve, reject) => {
      const check = () => {
        if (done(samples)) {
          listeners.delete(check);
          clearTimeout(timer);
          resolve();
        }
      };
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`waited ${LOAD_WITHIN_MS} ms for ${what}; ${samples.length} answers so far`));
      }, Math.max(0, started + LOAD_WITHIN_MS - performance.now()));
      listeners.add(check);
      check();
    }),
    stop: async () => {
      stopped = true;
      await workers;
    },
  };
}
