/**
 * The deployment description (Dockerfile, .dockerignore, docker-compose.yml, gateway/deploy/) against
 * the code it runs. No container is started (there is no Docker engine here): Debian's
 * docker-compose validates the file, and every other check reads the files with the code's own
 * config loaders, so that a renamed entry file, a changed port, a new bureau, a dropped environment
 * variable or a registry typo fails here instead of at `docker compose up`.
 */
import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join, posix, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { loadGatewayConfig, loadRegistry } from '../../gateway/config/loadGatewayConfig.ts';
import { ensureGatewayKeyPair } from '../../devtools/dev-keys/ensureGatewayKeyPair.ts';
import { listBureauCodes } from '../../subgraphs/config/listBureauCodes.ts';
import { loadGatewayPublicKey } from '../../subgraphs/config/loadGatewayPublicKey.ts';
import { bureauConfigPath, loadBureauConfig, loadRegionConfig, REPO_ROOT } from '../../subgraphs/config/loadSubgraphConfig.ts';
import { loadGatewayLink } from '../../subgraphs/config/loadGatewayLink.ts';
import { parseLegacyServiceOptions } from '../../devtools/legacy-stand-in/parseLegacyServiceOptions.ts';
import { describeWithServer } from '../subgraphs/adapters/describeWithServer.ts';
import { interpolate } from '../fixtures/composeServices.ts';

const run = promisify(execFile);
const repoFile = (path: string) => join(REPO_ROOT, path);
const read = (path: string) => readFileSync(repoFile(path), 'utf8');

/** What an operator puts in `.env`: the variables the compose file requires. */
const OPERATOR_ENV = {
  POSTGRES_PASSWORD: 'pg-test-password',
  MARIADB_PASSWORD: 'mariadb-test-password',
  ECOGRAPH_JWT_ISSUER: 'https://issuer.example.test',
  ECOGRAPH_JWT_AUDIENCE: 'ecograph-gateway',
} as const;

// ── The files, read once ─────────────────────────────────────────────────────────────────────────

interface Service {
  readonly image?: string;
  readonly build?: unknown;
  readonly command?: string[];
  readonly entrypoint?: unknown;
  readonly environment?: Record<string, string>;
  readonly volumes?: string[];
  readonly ports?: string[];
  readonly secrets?: string[];
  readonly restart?: string;
  readonly depends_on?: Record<string, { condition: string }>;
  readonly healthcheck?: { test: string[] };
}
interface ComposeFile {
  readonly services: Record<string, Service>;
  readonly secrets?: Record<string, { file: string }>;
  readonly volumes?: Record<string, unknown>;
}

const compose = interpolate(parseYaml(read('docker-compose.yml'), { merge: true }), OPERATOR_ENV) as ComposeFile;
const services = compose.services;
const dockerfile = parseDockerfile(read('Dockerfile'));
const dockerignore = read('.dockerignore').split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
const dependencies = Object.keys((JSON.parse(read('package.json')) as { dependencies: Record<string, string> }).dependencies);

/** The services that run this repository's image: their command is an entry file. */
const repoServices = Object.entries(services).filter(([, s]) => s.build !== undefined);
const entryOf = (s: Service) => s.command?.[0] ?? dockerfile.cmd[0]!;
const runningEntry = (entry: string) => repoServices.filter(([, s]) => entryOf(s) === entry);
const gateways = runningEntry('gateway/server/gateway.main.ts');
const [regionName, region] = only(runningEntry('subgraphs/region/region.main.ts'));
/**
 * The operator's key files, made here as an operator would (the gateway's pair as `npm start` makes
 * it; the callers' issuer key set), named as the compose file's `secrets:` name them.
 */
const secretsDir = mkdtempSync(join(tmpdir(), 'ecograph-compose-secrets-'));
afterAll(() => rmSync(secretsDir, { recursive: true, force: true }));
const secretFile = (name: string) => join(secretsDir, basename(compose.secrets![name]!.file));
const gatewayKeys = ensureGatewayKeyPair(secretsDir);
writeFileSync(join(secretsDir, 'caller.jwks.json'), JSON.stringify({
  keys: [{ ...generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' }), alg: 'ES256', kid: 'issuer-1', use: 'sig' }],
}));

/** What the process sees: the image's ENV, then the service's environment, its secrets where compose mounts them. */
const envOf = (s: Service): Record<string, string> => Object.fromEntries(
  Object.entries({ ...dockerfile.env, ...s.environment }).map(([k, v]) => {
    const secret = /^\/run\/secrets\/(.+)$/.exec(v)?.[1];
    return [k, secret === undefined ? v : secretFile(secret)];
  }),
);
/** A path inside the container, as a path of this checkout (the image copies the repository to WORKDIR). */
const inCheckout = (containerPath: string) => {
  expect(containerPath.startsWith(`${dockerfile.workdir}/`), `${containerPath} is outside the image's ${dockerfile.workdir}`).toBe(true);
  return repoFile(posix.relative(dockerfile.workdir, containerPath));
};

// ── Validation by docker-compose itself ──────────────────────────────────────────────────────────

const dockerCompose = {
  name: 'docker-compose',
  where: 'PATH',
  howToStart: 'apt-get install -y --no-install-recommends docker-compose (.ci/run installs it)',
  probe: () => run('docker-compose', ['version']).then(() => null, (error: Error) => error),
};

/** docker-compose with the operator's variables only (an empty --env-file: a developer's .env must not leak in). */
function dockerComposeConfig(env: Record<string, string>, args: string[]) {
  const envFile = join(secretsDir, 'empty.env');
  writeFileSync(envFile, '');
  return run('docker-compose', ['--project-directory', REPO_ROOT, '--env-file', envFile, '-f', repoFile('docker-compose.yml'), 'config', ...args], {
    env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', ...env },
  });
}

await describeWithServer(dockerCompose, 'docker-compose config (Debian docker-compose 1.29, no engine needed)', () => {
  it('accepts docker-compose.yml', async () => {
    await expect(dockerComposeConfig(OPERATOR_ENV, ['-q'])).resolves.toBeDefined();
  });

  it('reads the file as this test does (anchors, merges and variables resolved the same way)', async () => {
    const { stdout } = await dockerComposeConfig(OPERATOR_ENV, []);
    const normalized = parseYaml(stdout) as ComposeFile;
    expect(Object.keys(normalized.services).sort()).toEqual(Object.keys(services).sort());
    for (const [name, service] of Object.entries(services)) {
      expect(normalized.services[name]!.command, name).toEqual(service.command);
      expect(normalized.services[name]!.environment ?? {}, name).toEqual(service.environment ?? {});
      expect(normalized.services[name]!.healthcheck?.test, name).toEqual(service.healthcheck?.test);
    }
  });

  it.each(Object.keys(OPERATOR_ENV))('refuses to run without %s, naming it', async (variable) => {
    const env: Record<string, string> = { ...OPERATOR_ENV };
    delete env[variable];
    await expect(dockerComposeConfig(env, ['-q'])).rejects.toThrow(`set ${variable} in .env`);
  });
});

// ── The image ────────────────────────────────────────────────────────────────────────────────────

describe('the Dockerfile', () => {
  it('runs on node:20-bookworm-slim as an unprivileged user, with node running tsx on an entry file that exists', () => {
    expect(dockerfile.from.at(-1)).toBe('node:20-bookworm-slim');
    expect(Number(/>=\s*(\d+)/.exec(JSON.parse(read('package.json')).engines.node)![1])).toBeLessThanOrEqual(20);
    expect(dockerfile.user).toBeDefined();
    expect(['root', '0']).not.toContain(dockerfile.user);
    expect(dockerfile.entrypoint).toEqual(['node', '--import', 'tsx']);
    expect(dependencies, 'tsx runs the code: it must survive `npm prune --omit=dev`').toContain('tsx');
    expect(existsSync(repoFile(dockerfile.cmd[0]!))).toBe(true);
    expect(dockerfile.healthcheck).toMatch(/^CMD \["node", "-e"/);
  });

  it('sets only variables that the code of some service reads', () => {
    expect(Object.keys(dockerfile.env).length).toBeGreaterThan(0);
    for (const variable of Object.keys(dockerfile.env)) {
      expect(repoServices.some(([, s]) => reads(importGraph(entryOf(s)).variables, variable)), variable).toBe(true);
    }
  });

  it('copies only paths that exist, and leaves out dependencies, data, secrets and history', () => {
    expect(dockerfile.copySources.length).toBeGreaterThan(0);
    for (const source of dockerfile.copySources) expect(existsSync(repoFile(source)), source).toBe(true);
    for (const path of ['node_modules', 'data/500153.sqlite', '.git', '.env', 'gateway/deploy/secrets/gateway.private.jwk.json']) {
      expect(isDockerignored(path), path).toBe(true);
    }
    expect(dockerignore.some((p) => p.startsWith('!')), 'the matcher here has no negations').toBe(false);
  });
});

// ── Every process: its file, its code, its variables ─────────────────────────────────────────────

describe('the services of the repository image', () => {
  it.each(repoServices)('%s runs an entry file that is in the image and imports only production dependencies', (name, service) => {
    expect(service.entrypoint, `${name} keeps the image's entrypoint`).toBeUndefined();
    const entry = entryOf(service);
    expect(existsSync(repoFile(entry)), `${name}: ${entry}`).toBe(true);
    for (const file of importGraph(entry).files) {
      expect(isDockerignored(relative(REPO_ROOT, file)), `${name} imports ${relative(REPO_ROOT, file)}, left out of the image`).toBe(false);
    }
    for (const pkg of importGraph(entry).packages) {
      expect(dependencies, `${name} imports ${pkg}, which \`npm prune --omit=dev\` removes`).toContain(pkg);
    }
  });

  it.each(repoServices)('%s is given only variables its code reads', (name, service) => {
    const { variables } = importGraph(entryOf(service));
    for (const variable of Object.keys(service.environment ?? {})) {
      expect(reads(variables, variable), `${name}: ${variable} is read by no file of ${entryOf(service)}`).toBe(true);
      const perCode = /_(\d{6})$/.exec(variable)?.[1];
      const bureau = /^subgraphs\/cities\/main\.ts$/.test(entryOf(service)) ? service.command![1] : undefined;
      if (perCode !== undefined && bureau !== undefined) expect(perCode, `${name} is given another bureau's ${variable}`).toBe(bureau);
    }
  });

  it('are given their key files as compose secrets, from a folder git and the image both leave out', () => {
    const secretFiles = Object.entries(compose.secrets ?? {});
    expect(secretFiles.length).toBeGreaterThan(0);
    for (const [, { file }] of secretFiles) {
      const path = posix.normalize(file);
      expect(path.startsWith('gateway/deploy/secrets/'), file).toBe(true);
      expect(isDockerignored(path), file).toBe(true);
    }
    expect(read('.gitignore')).toMatch(/^\/?gateway\/deploy\/secrets\/?$/m);
    for (const [name, service] of repoServices) {
      for (const [variable, value] of Object.entries(service.environment ?? {})) {
        const secret = /^\/run\/secrets\/(.+)$/.exec(value)?.[1];
        if (secret !== undefined) expect(service.secrets ?? [], `${name}: ${variable} names secret ${secret}`).toContain(secret);
      }
    }
  });
});

// ── The bureaus, each with its own system ────────────────────────────────────────────────────────

describe('the bureaus', () => {
  const bureauFile = (code: string) => JSON.parse(readFileSync(bureauConfigPath(code), 'utf8')) as { bureau: string; source: { kind: string } };
  const seedStores = services['seed-stores']!;
  const seedServers = services['seed-servers']!;

  it('every bureau in subgraphs/cities has its subgraph service, and no service runs a bureau that is not there', () => {
    const served = runningEntry('subgraphs/cities/bureau.main.ts').map(([name, s]) => ({ name, code: s.command?.[1] }));
    expect(served.map((s) => s.code).sort()).toEqual(listBureauCodes());
    for (const { name, code } of served) expect(name).toBe(`bureau-${code}`);
  });

  it.each(listBureauCodes())('%s opens the source its bureau.json declares, from a service of this file', (code) => {
    const service = services[`bureau-${code}`]!;
    const config = loadBureauConfig(code, envOf(service));
    // No silent fallback to the embedded store: the URL the kind needs is there.
    expect(config.source.kind).toBe(bureauFile(code).source.kind);
    expect(service.healthcheck?.test.at(-1)).toBe(`http://127.0.0.1:${config.port}/health`);
    const source = config.source;
    switch (source.kind) {
      case 'postgres':
      case 'mysql': {
        const url = new URL(source.url);
        const server = services[url.hostname];
        const prefix = source.kind === 'postgres' ? 'POSTGRES' : 'MARIADB';
        expect(server?.image, `${url.hostname} is a ${prefix} service`).toMatch(source.kind === 'postgres' ? /^postgres:/ : /^mariadb:/);
        expect(decodeURIComponent(url.username)).toBe(server!.environment![`${prefix}_USER`]);
        expect(decodeURIComponent(url.password)).toBe(server!.environment![`${prefix}_PASSWORD`]);
        expect(url.pathname).toBe(`/${server!.environment![prefix === 'POSTGRES' ? 'POSTGRES_DB' : 'MARIADB_DATABASE']}`);
        expect(service.depends_on?.[url.hostname]?.condition).toBe('service_healthy');
        // Both seeders see the same URL: one skips the bureau, the other fills its database first.
        const variable = `ECOGRAPH_${source.kind === 'postgres' ? 'PG' : 'MYSQL'}_URL_${code}`;
        expect(seedServers.environment?.[variable]).toBe(source.url);
        expect(seedStores.environment?.[variable]).toBe(source.url);
        expect(seedServers.depends_on?.[url.hostname]?.condition).toBe('service_healthy');
        expect(service.depends_on?.['seed-servers']?.condition).toBe('service_completed_successfully');
        break;
      }
      case 'legacy-http': {
        const url = new URL(source.url);
        const [legacyName, legacy] = [url.hostname, services[url.hostname]!];
        expect(entryOf(legacy)).toBe('devtools/legacy-stand-in/legacyStandIn.main.ts');
        const options = parseLegacyServiceOptions(legacy.command!.slice(1), envOf(legacy));
        expect(options).toMatchObject({ cityCode: code, port: Number(url.port), host: '0.0.0.0' });
        // It serves the bureau's seeded store, from the volume the seeder filled.
        expect(options.data).toEqual({ kind: 'file', path: loadBureauConfig(code, envOf(legacy)).source.file });
        expect(storesVolume(legacyName, legacy, source.file)).toBe(storesVolume('seed-stores', seedStores, loadBureauConfig(code, envOf(seedStores)).source.file));
        expect(legacy.healthcheck?.test.at(-1)).toBe(`http://127.0.0.1:${url.port}/api/v1/ping`);
        expect(legacy.depends_on?.['seed-stores']?.condition).toBe('service_completed_successfully');
        expect(service.depends_on?.[legacyName]?.condition).toBe('service_healthy');
        break;
      }
      case 'spreadsheet':
      case 'sqlite': {
        // The embedded store (or export folder) is where seed-stores writes it, in the same volume.
        const path = source.kind === 'spreadsheet' ? source.dir : source.file;
        const seeded = loadBureauConfig(code, envOf(seedStores)).source;
        expect(seeded.kind).toBe(source.kind);
        expect(seeded.kind === 'spreadsheet' ? seeded.dir : seeded.file).toBe(path);
        expect(storesVolume(`bureau-${code}`, service, path)).toBe(storesVolume('seed-stores', seedStores, path));
        expect(service.depends_on?.['seed-stores']?.condition).toBe('service_completed_successfully');
        break;
      }
    }
    if (config.hj212) {
      expect(service.ports).toContain(`127.0.0.1:${config.hj212.port}:${config.hj212.port}`);
    }
  });

  it.each([...listBureauCodes().map((code) => `bureau-${code}`), regionName])('%s verifies requests with the public half of the key the gateways sign with', (name) => {
    const service = services[name]!;
    const config = name === regionName ? loadRegionConfig(envOf(service)) : loadBureauConfig(service.command![1]!, envOf(service));
    const publicKey = loadGatewayPublicKey(config, envOf(service));
    for (const [gatewayName, gateway] of gateways) {
      const { signingKey } = loadGatewayConfig(envOf(gateway));
      expect({ x: publicKey.x, y: publicKey.y, kid: publicKey.kid }, gatewayName).toEqual({ x: signingKey.x, y: signingKey.y, kid: signingKey.kid });
    }
    expect(readFileSync(gatewayKeys.publicKeyPath, 'utf8')).toContain(publicKey.x);
  });

  it('the seeders run the code that seeds, with one seed and scale', () => {
    expect(entryOf(seedStores)).toBe('devtools/seeder/seed.main.ts');
    expect(entryOf(seedServers)).toBe('devtools/seeder/seedServers.main.ts');
    expect(seedStores.environment?.['ECOGRAPH_SEED']).toBe(seedServers.environment?.['ECOGRAPH_SEED']);
    expect(seedStores.environment?.['ECOGRAPH_SCALE']).toBe(seedServers.environment?.['ECOGRAPH_SCALE']);
  });
});

// ── The gateway replicas, their registry and the load balancer ───────────────────────────────────

describe('the gateway replicas', () => {
  it('are at least two, each with the compose registry, which validates and names every bureau service on its port', () => {
    expect(gateways.length).toBeGreaterThanOrEqual(2);
    const regionPort = loadRegionConfig(envOf(region)).port;
    for (const [name, gateway] of gateways) {
      const config = loadGatewayConfig(envOf(gateway));
      const registry = loadRegistry(inCheckout(config.registryPath)); // the gateway's own schema
      expect(isDockerignored(relative(REPO_ROOT, inCheckout(config.registryPath)))).toBe(false);
      expect(registry.region.url).toBe(`http://${regionName}:${regionPort}/graphql`);
      expect(registry.cities.map((c) => c.code).sort()).toEqual(listBureauCodes());
      for (const city of registry.cities) {
        const bureau = services[`bureau-${city.code}`]!;
        expect(city.url).toBe(`http://bureau-${city.code}:${loadBureauConfig(city.code, envOf(bureau)).port}/graphql`);
        expect(city.name).toBe(JSON.parse(readFileSync(bureauConfigPath(city.code), 'utf8')).bureau);
        expect(city.enabled).toBe(true);
      }
      // It starts after everything it checks at start, and its own check is its readiness.
      for (const needed of [regionName, ...registry.cities.map((c) => `bureau-${c.code}`)]) {
        expect(gateway.depends_on?.[needed]?.condition, `${name} waits for ${needed}`).toBe('service_healthy');
      }
      expect(gateway.healthcheck?.test.at(-1)).toBe(`http://127.0.0.1:${config.port}/readyz`);
      const redis = new URL(envOf(gateway)['ECOGRAPH_REDIS_URL']!);
      expect(services[redis.hostname]?.image).toMatch(/^redis:/);
      expect(gateway.depends_on?.[redis.hostname]?.condition).toBe('service_healthy');
    }
  });

  it('sit behind the lb, whose nginx.conf balances over every replica, and the region calls the graph through it', () => {
    const lb = Object.entries(services).filter(([, s]) => s.image?.startsWith('nginx:'));
    const [lbName, lbService] = only(lb);
    const mount = lbService.volumes!.map(parseVolume).find((v) => v.target === '/etc/nginx/nginx.conf')!;
    expect(mount.source.startsWith('./'), 'nginx.conf is a file of this repository').toBe(true);
    const nginx = readFileSync(resolve(REPO_ROOT, mount.source), 'utf8');
    const upstream = [...nginx.matchAll(/^\s*server\s+([\w.-]+):(\d+)\b/gm)].map((m) => `${m[1]}:${m[2]}`).sort();
    expect(upstream).toEqual(gateways.map(([name, g]) => `${name}:${loadGatewayConfig(envOf(g)).port}`).sort());
    for (const [name, gateway] of gateways) {
      expect(lbService.depends_on?.[name]?.condition).toBe('service_healthy');
      // Rate limits key on the client's address: the replicas trust exactly the one proxy in front.
      expect(loadGatewayConfig(envOf(gateway)).trustedProxies, name).toBe(1);
    }
    expect(nginx).toMatch(/proxy_set_header\s+X-Forwarded-For\s+\$proxy_add_x_forwarded_for;/);
    const listen = Number(/^\s*listen\s+(\d+);/m.exec(nginx)![1]);
    expect(lbService.ports!.map((p) => Number(p.split(':').at(-1)))).toContain(listen);
    expect(loadGatewayLink(envOf(region)).url).toBe(`http://${lbName}:${listen}/graphql`);
  });
});

// ── README.md, Deployment: the gateway's variables ──────────────────────────────────────────────

describe('the gateway variables in README.md', () => {
  const readme = read('README.md');
  const section = readme.slice(readme.indexOf('## Deployment'), readme.indexOf('\n## ', readme.indexOf('## Deployment') + 1));
  // The names in the first column of the table's rows.
  const table = [...section.matchAll(/^\| (`ECOGRAPH_[^|]+) \|/gm)].flatMap((row) => [...row[1]!.matchAll(/`(ECOGRAPH_[A-Z0-9_]+)`/g)].map((m) => m[1]!));
  const gatewayReads = () => [...importGraph('gateway/server/gateway.main.ts').variables].filter((v) => v.startsWith('ECOGRAPH_') && !v.endsWith('_'));

  it('are each read by the gateway', () => {
    expect(table.length).toBeGreaterThan(0);
    const unread = table.filter((v) => !reads(importGraph('gateway/server/gateway.main.ts').variables, v));
    expect(unread, 'listed in README.md, Deployment, but read by no gateway code').toEqual([]);
  });

  it('name every variable the gateway reads (here or elsewhere in README.md)', () => {
    const undocumented = gatewayReads().filter((v) => !new RegExp(`\\b${v}\\b`).test(readme));
    expect(undocumented, 'read by the gateway, named nowhere in README.md').toEqual([]);
  });
});

// ── The whole: health-gated starts, nothing published beyond the host ───────────────────────────

describe('the deployment as a whole', () => {
  const oneShot = (s: Service) => s.restart === 'no';

  it('every long-running service has a health check, and every start waits for health or a completed seeder', () => {
    for (const [name, service] of Object.entries(services)) {
      if (!oneShot(service)) expect(service.healthcheck?.test, `${name} has a health check`).toBeDefined();
      for (const [needed, { condition }] of Object.entries(service.depends_on ?? {})) {
        expect(services[needed], `${name} depends on ${needed}`).toBeDefined();
        expect(condition, `${name} → ${needed}`).toBe(oneShot(services[needed]!) ? 'service_completed_successfully' : 'service_healthy');
      }
    }
  });

  it('publishes ports on the host loopback only', () => {
    const published = Object.values(services).flatMap((s) => s.ports ?? []);
    expect(published.length).toBeGreaterThan(0);
    for (const port of published) expect(port).toMatch(/^127\.0\.0\.1:\d+:\d+$/);
  });

  it('mounts only files of this repository and volumes it declares', () => {
    for (const [name, service] of Object.entries(services)) {
      for (const { source } of (service.volumes ?? []).map(parseVolume)) {
        if (source.startsWith('.')) expect(existsSync(resolve(REPO_ROOT, source)), `${name}: ${source}`).toBe(true);
        else expect(Object.keys(compose.volumes ?? {}), `${name}: volume ${source}`).toContain(source);
      }
    }
  });
});

// ── Helpers ──────────────────────────────────────────────────────────────────────────────────────

function only<T>(items: T[]): T {
  expect(items).toHaveLength(1);
  return items[0]!;
}

function parseVolume(spec: string): { source: string; target: string } {
  const [source, target] = spec.split(':');
  return { source: source!, target: target! };
}

/** The named volume mounted at (a folder holding) `path` in `service`. */
function storesVolume(name: string, service: Service, path: string): string {
  const mount = (service.volumes ?? []).map(parseVolume).find((v) => path === v.target || path.startsWith(`${v.target}/`));
  expect(mount, `${name} mounts a volume holding ${path}`).toBeDefined();
  return mount!.source;
}

interface Dockerfile {
  /** FROM image of every stage, in order. */
  readonly from: string[];
  /** Of the last stage (the image that runs). */
  readonly workdir: string;
  readonly user: string | undefined;
  readonly env: Record<string, string>;
  readonly entrypoint: string[];
  readonly cmd: string[];
  readonly healthcheck: string | undefined;
  /** COPY sources taken from the build context (not from another stage). */
  readonly copySources: string[];
}

function parseDockerfile(text: string): Dockerfile {
  const instructions = text.replace(/\\\n/g, ' ').split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
  const result = { from: [] as string[], workdir: '/', user: undefined as string | undefined, env: {} as Record<string, string>,
    entrypoint: [] as string[], cmd: [] as string[], healthcheck: undefined as string | undefined, copySources: [] as string[] };
  for (const line of instructions) {
    const [, keyword, rest] = /^(\w+)\s+(.*)$/.exec(line)!;
    switch (keyword!.toUpperCase()) {
      case 'FROM': result.from.push(rest!.split(/\s+/)[0]!); result.user = undefined; result.env = {}; break;
      case 'WORKDIR': result.workdir = rest!; break;
      case 'USER': result.user = rest!; break;
      case 'ENV': for (const m of rest!.matchAll(/(\w+)=(\S+)/g)) result.env[m[1]!] = m[2]!; break;
      case 'ENTRYPOINT': result.entrypoint = JSON.parse(rest!) as string[]; break;
      case 'CMD': result.cmd = JSON.parse(rest!) as string[]; break;
      case 'HEALTHCHECK': result.healthcheck = rest!.replace(/^(--\S+\s+)*/, ''); break;
      case 'COPY': {
        const words = rest!.split(/\s+/);
        if (words.some((w) => w.startsWith('--from='))) break;
        result.copySources.push(...words.filter((w) => !w.startsWith('--')).slice(0, -1));
        break;
      }
    }
  }
  return result;
}

/** .dockerignore's patterns as used here: `*`, `**`, a folder pattern covering what is under it. */
function isDockerignored(path: string): boolean {
  return dockerignore.some((pattern) => {
    const body = posix.normalize(pattern).replace(/^\//, '').split('/')
      .map((part) => (part === '**' ? '(?:.*)' : part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')))
      .join('/').replace(/\(\?:\.\*\)\//g, '(?:.*/)?');
    return new RegExp(`^${body}(?:/.*)?$`).test(path);
  });
}

interface ImportGraph {
  /** Every file of the repository the entry loads. */
  readonly files: Set<string>;
  /** Every package it imports at run time (type-only imports are erased). */
  readonly packages: Set<string>;
  /** Every upper-case name its code quotes (how config modules name environment variables). */
  readonly variables: Set<string>;
}

const graphs = new Map<string, ImportGraph>();

/** The files an entry loads, followed through its relative imports; what tsx would run. */
function importGraph(entry: string): ImportGraph {
  const cached = graphs.get(entry);
  if (cached) return cached;
  const graph: ImportGraph = { files: new Set(), packages: new Set(), variables: new Set() };
  const pending = [repoFile(entry)];
  const builtins = new Set(builtinModules);
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (graph.files.has(file)) continue;
    graph.files.add(file);
    if (!/\.[cm]?[jt]sx?$/.test(file)) continue;
    const code = stripComments(readFileSync(file, 'utf8'));
    const loaded = [
      ...[...code.matchAll(/^\s*(?:import|export)\s+(?!type\s)[^;]*?\bfrom\s*['"]([^'"]+)['"]/gm)].map((m) => m[1]!),
      ...[...code.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm)].map((m) => m[1]!),
    ];
    // A dynamic import loads only when its code runs: its files belong to the image all the same,
    // but a package imported so may be a build-time tool that is not installed to run.
    const lazy = [...code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!);
    for (const specifier of [...loaded, ...lazy]) {
      if (specifier.startsWith('.')) {
        const target = resolve(dirname(file), specifier);
        expect(existsSync(target), `${relative(REPO_ROOT, file)} imports ${specifier}`).toBe(true);
        pending.push(target);
      } else if (loaded.includes(specifier) && !specifier.startsWith('node:') && !builtins.has(specifier)) {
        graph.packages.add(specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/'));
      }
    }
    for (const m of code.matchAll(/['"`]([A-Z][A-Z0-9]*(?:_[A-Z0-9]*)+)/g)) graph.variables.add(m[1]!);
  }
  graphs.set(entry, graph);
  return graph;
}

/** `NAME` quoted as is, or per bureau: a quoted prefix `ECOGRAPH_PG_URL_` and a bureau code or REGION. */
function reads(variables: Set<string>, name: string): boolean {
  if (variables.has(name)) return true;
  const perCode = /^(.*_)(\d{6}|REGION)$/.exec(name);
  return perCode !== null && variables.has(perCode[1]!);
}

/** Block comments and whole-line or trailing `//` comments (not the `//` of a URL in a string). */
function stripComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}
