/**
 * The gateway's routes for the analysts' IDE: the page at `/` and at `/graphiql` (the same page),
 * and its hashed assets under `/ide/assets/`, all from the folder gateway/ide/buildIde.ts writes.
 * Read from disk per request, so a rebuild shows on the next reload; not built yet → 503 saying how
 * to build it (the gateway itself serves GraphQL either way).
 *
 * Every answer carries a strict Content-Security-Policy. The page loads only its own origin's
 * scripts, workers, styles, fonts and `/graphql`. Relaxations, each needed and no more:
 * - style-src 'unsafe-inline': Monaco (the editor) and GraphiQL's UI set styles at run time, by
 *   <style> elements and style attributes (layout, decorations, theme colours); without it the
 *   editors render broken. Inline *scripts* stay forbidden.
 * - img-src/font-src data:: the stylesheet carries Monaco's codicon icon font and a few small
 *   icons inlined as data: URLs (nothing is fetched from elsewhere).
 * Workers are bundled files on this origin (worker-src 'self', no blob:), and nothing needs eval.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { staticFolder } from './staticFolder.ts';
import type { JsonRoute, PrefixRoute, RouteAnswer } from '../../schema/http/serveApollo.ts';
import { IDE_BASE, IDE_DIST_DIR } from './buildIde.ts';

export const IDE_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "connect-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
  "form-action 'none'",
].join('; ');

/** Sent with the IDE's answers and with the situation board's (gateway/board), which share the policy. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': IDE_CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY', // for browsers that predate frame-ancestors
};

export const IDE_PAGE_PATHS = ['/', '/graphiql'] as const;
export const IDE_ASSETS_PREFIX = `${IDE_BASE}assets/`;

const NOT_BUILT =
  "The analysts' IDE is not built. Run `npm run build:ide` (npm install and npm start also build it), then reload.\n" +
  '分析人员 IDE 尚未构建：请运行 npm run build:ide（npm install 和 npm start 也会构建），然后刷新页面。\n' +
  'GraphQL itself answers at /graphql.\n';

export interface IdeRoutes {
  readonly routes: Readonly<Record<string, JsonRoute>>;
  readonly prefixRoutes: Readonly<Record<string, PrefixRoute>>;
}

export function ideRoutes(distDir: string = IDE_DIST_DIR): IdeRoutes {
  return builtAppRoutes({ distDir, pagePaths: IDE_PAGE_PATHS, assetsPrefix: IDE_ASSETS_PREFIX, notBuilt: NOT_BUILT });
}

/** The routes of one app built by buildStampedApp: its page at `pagePaths`, its assets under `assetsPrefix`. */
export function builtAppRoutes(app: {
  readonly distDir: string;
  readonly pagePaths: readonly string[];
  readonly assetsPrefix: string;
  /** The 503 text while the app is not built. */
  readonly notBuilt: string;
}): IdeRoutes {
  const { distDir } = app;
  const page: JsonRoute = async (): Promise<RouteAnswer> => {
    const html = await readFile(join(distDir, 'index.html')).catch(() => null);
    if (!html) {
      return { status: 503, body: app.notBuilt, contentType: 'text/plain; charset=utf-8', headers: { ...SECURITY_HEADERS, 'cache-control': 'no-store' } };
    }
    // no-cache: the page names the current hashed assets, so it is revalidated on every load.
    return { status: 200, body: html, contentType: 'text/html; charset=utf-8', headers: { ...SECURITY_HEADERS, 'cache-control': 'no-cache' } };
  };
  return {
    routes: Object.fromEntries(app.pagePaths.map((path) => [path, page])),
    prefixRoutes: {
      [app.assetsPrefix]: staticFolder(join(distDir, 'assets'), {
        headers: SECURITY_HEADERS,
        // Names carry a content hash: a changed file gets a new name, so a year-long cache is safe.
        fileHeaders: { 'cache-control': 'public, max-age=31536000, immutable' },
      }),
    },
  };
}
