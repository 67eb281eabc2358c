/**
 * A folder of built files served under a path prefix (a PrefixRoute of serveApollo): the file's
 * bytes with its content type, plus the caller's headers (caching, CSP). Only regular files inside
 * the folder are served: a path that is malformed, climbs out (`..`), or names a directory or a
 * dotfile answers 404, as a missing file does.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import type { PrefixRoute, RouteAnswer } from '../../schema/http/serveApollo.ts';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticFolderOptions {
  /** Added to every answer, found or not (e.g. nosniff, CSP). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Added to the answers that carry a file (e.g. a long cache for hashed names). */
  readonly fileHeaders?: Readonly<Record<string, string>>;
}

export function staticFolder(root: string, options: StaticFolderOptions = {}): PrefixRoute {
  const base = resolve(root);
  const notFound = (path: string): RouteAnswer => ({ status: 404, body: { error: `no file ${path}` }, headers: options.headers });
  return async (rest) => {
    let path: string;
    try {
      path = decodeURIComponent(rest);
    } catch {
      return notFound(rest);
    }
    const segments = path.split('/');
    if (path === '' || path.includes('\\') || path.includes('\0') || segments.some((s) => s === '' || s.startsWith('.'))) {
      return notFound(rest);
    }
    const file = resolve(base, ...segments);
    if (!file.startsWith(base + sep)) return notFound(rest);
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return notFound(rest);
    return {
      status: 200,
      body: await readFile(file),
      contentType: CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      headers: { ...options.headers, ...options.fileHeaders },
    };
  };
}
