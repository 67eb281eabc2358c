/**
 * Builds the analysts' IDE (gateway/ide/app) into gateway/ide/dist with Vite, at install time
 * (`npm install`/`npm ci` run it as `postinstall`), by `npm start` before it starts the gateway, and
 * by `npm run build:ide`. Needs no network: every module comes from node_modules.
 *
 * Skipped when up to date: dist/ keeps a stamp, the hash of the app's sources, this file (the Vite
 * settings) and package-lock.json (the versions bundled). The build goes to a fresh folder that then
 * replaces dist/ by rename, so a gateway serving the IDE never reads a half-written folder and two
 * builds at once cannot mix their files.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PluginOption } from 'vite';

const IDE_DIR = fileURLToPath(new URL('.', import.meta.url));
const REPO_DIR = join(IDE_DIR, '..', '..');
export const IDE_APP_DIR = join(IDE_DIR, 'app');
export const IDE_DIST_DIR = join(IDE_DIR, 'dist');
/** Where the HTML references the hashed assets; the gateway serves this prefix from dist/assets. */
export const IDE_BASE = '/ide/';
const STAMP = '.build-stamp';

export interface IdeBuild {
  readonly built: boolean;
  readonly seconds: number;
  /** One line for the console: "IDE up to date" or "IDE built in N s". */
  readonly summary: string;
}

export async function buildIde(options: { readonly force?: boolean } = {}): Promise<IdeBuild> {
  return buildStampedApp({ label: 'IDE', appDir: IDE_APP_DIR, distDir: IDE_DIST_DIR, base: IDE_BASE, force: options.force });
}

/** One browser app built like the IDE (the situation board, gateway/board, is the other). */
export interface StampedApp {
  /** Names the app in the summary line, e.g. "IDE". */
  readonly label: string;
  readonly appDir: string;
  readonly distDir: string;
  readonly base: string;
  /** More files the bundle is made from (besides appDir, this file and package-lock.json). */
  readonly extraSources?: readonly string[];
  /** Vite plugins (e.g. a virtual module computed at build time). */
  readonly plugins?: readonly PluginOption[];
  readonly force?: boolean | undefined;
}

export async function buildStampedApp(app: StampedApp): Promise<IdeBuild> {
  const started = Date.now();
  const hash = sourceHash(app.appDir, app.extraSources ?? []);
  if (!app.force && readStamp(app.distDir) === hash && existsSync(join(app.distDir, 'index.html'))) {
    return { built: false, seconds: 0, summary: `${app.label} up to date` };
  }
  const staging = `${app.distDir}.${process.pid}.${Date.now()}`;
  try {
    // Imported here, not at the top: the gateway imports this module's paths at start and must not
    // load Vite (and its bundler) to serve a request.
    const { build } = await import('vite');
    await build({
      configFile: false,
      root: app.appDir,
      base: app.base,
      plugins: [...(app.plugins ?? [])],
      mode: 'production',
      logLevel: 'warn',
      publicDir: false,
      envDir: false,
      oxc: { jsx: { runtime: 'automatic' } },
      worker: { format: 'es' },
      build: {
        outDir: staging,
        emptyOutDir: true,
        assetsDir: 'assets',
        sourcemap: false,
        reportCompressedSize: false,
        // Monaco and GraphiQL make a large entry by nature; the browser caches it for good (hashed names).
        chunkSizeWarningLimit: 8_000,
        // Assets stay files under script-src/font-src 'self'; small ones may still inline as data: URLs.
        assetsInlineLimit: 4_096,
        rolldownOptions: {
          // React libraries' "use client" directives mean nothing in a plain bundle; the per-plugin
          // timing report is noise here. Every other warning is printed.
          checks: { bundlerTimings: false },
          onwarn(warning, warn) {
            if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
          },
        },
      },
    });
    writeFileSync(join(staging, STAMP), `${hash}\n`);
    rmSync(app.distDir, { recursive: true, force: true });
    renameSync(staging, app.distDir);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  const seconds = (Date.now() - started) / 1000;
  return { built: true, seconds, summary: `${app.label} built in ${seconds.toFixed(1)} s` };
}

function readStamp(dir: string): string | null {
  try {
    return readFileSync(join(dir, STAMP), 'utf8').trim();
  } catch {
    return null;
  }
}

/** The hash of everything the bundle is made from (file names included, so a rename rebuilds). */
function sourceHash(appDir: string, extraSources: readonly string[]): string {
  const hash = createHash('sha256');
  const files = [...listFiles(appDir), ...extraSources, fileURLToPath(import.meta.url), join(REPO_DIR, 'package-lock.json')];
  for (const file of files) {
    hash.update(relative(REPO_DIR, file)).update('\0');
    hash.update(existsSync(file) ? readFileSync(file) : '(missing)').update('\0');
  }
  return hash.digest('hex');
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => (entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)]));
}
