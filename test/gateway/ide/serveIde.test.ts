/**
 * The IDE's routes over a folder laid out as the build writes it: the page with its security
 * headers at / and /graphiql, hashed assets with their types and a long cache, 404 for anything
 * outside the assets folder, and 503 with the build command while nothing is built.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IDE_ASSETS_PREFIX, IDE_CONTENT_SECURITY_POLICY, ideRoutes } from '../../../gateway/ide/serveIde.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function builtFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ecograph-ide-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><script type="module" src="/ide/assets/index-abc.js"></script>');
  writeFileSync(join(dir, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(dir, 'assets', 'index-abc.css'), 'body{}');
  writeFileSync(join(dir, 'assets', 'codicon-abc.ttf'), Buffer.from([0, 1, 0, 0]));
  writeFileSync(join(dir, 'secret.txt'), 'outside the assets folder');
  return dir;
}

const asset = (dir: string, rest: string) => ideRoutes(dir).prefixRoutes[IDE_ASSETS_PREFIX]!(rest);

describe('the IDE page', () => {
  it('is the same HTML at / and /graphiql, never cached, under the strict CSP', async () => {
    const { routes } = ideRoutes(builtFolder());
    for (const path of ['/', '/graphiql']) {
      const answer = await routes[path]!();
      expect(answer.status).toBe(200);
      expect(answer.contentType).toBe('text/html; charset=utf-8');
      expect(String(answer.body)).toContain('/ide/assets/index-abc.js');
      expect(answer.headers).toMatchObject({
        'content-security-policy': IDE_CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cache-control': 'no-cache',
      });
    }
  });

  it("allows only this origin's scripts, workers and connections, and no eval or inline script", () => {
    const directives = Object.fromEntries(IDE_CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
    expect(directives).toMatchObject({
      'default-src': "'self'",
      'script-src': "'self'",
      'worker-src': "'self'",
      'connect-src': "'self'",
      'frame-ancestors': "'none'",
      'base-uri': "'none'",
      'object-src': "'none'",
    });
    expect(IDE_CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|blob:|https?:/);
    expect(directives['script-src']).not.toContain('unsafe-inline');
  });

  it('answers 503 with the build command while the IDE is not built', async () => {
    const answer = await ideRoutes(join(tmpdir(), 'ecograph-ide-never-built')).routes['/']!();
    expect(answer.status).toBe(503);
    expect(answer.contentType).toBe('text/plain; charset=utf-8');
    expect(String(answer.body)).toContain('npm run build:ide');
  });
});

describe('the IDE assets', () => {
  it('are served with their content type and a year-long immutable cache', async () => {
    const dir = builtFolder();
    const js = await asset(dir, 'index-abc.js');
    expect(js).toMatchObject({ status: 200, contentType: 'text/javascript; charset=utf-8' });
    expect(js.headers).toMatchObject({ 'cache-control': 'public, max-age=31536000, immutable', 'x-content-type-options': 'nosniff' });
    expect(Buffer.isBuffer(js.body) && js.body.toString()).toBe('console.log(1)');
    expect((await asset(dir, 'index-abc.css')).contentType).toBe('text/css; charset=utf-8');
    expect((await asset(dir, 'codicon-abc.ttf')).contentType).toBe('font/ttf');
  });

  it('answer 404, uncached, for missing files and for anything outside the assets folder', async () => {
    const dir = builtFolder();
    for (const rest of ['missing.js', '../secret.txt', '..%2Fsecret.txt', '%2e%2e/secret.txt', '', 'a//b.js', '.hidden', '%E0%A4%A', '..\\secret.txt']) {
      const answer = await asset(dir, rest);
      expect(answer.status, rest).toBe(404);
      expect(answer.headers?.['cache-control'], rest).toBeUndefined();
    }
  });
});
