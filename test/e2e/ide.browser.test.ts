/**
 * The analysts' IDE in a real browser against the real gateway over real bureaus: headless
 * Chromium (Debian's, driven by playwright-core) opens http://127.0.0.1:<port>/, the editor comes up
 * with the schema docs and the saved examples, the first example runs and its answer shows a
 * cross-border section's Chinese name. Every request the page (and its workers) makes is recorded:
 * none may leave the gateway's origin, and no Content-Security-Policy violation may be reported.
 *
 * Without /usr/bin/chromium the browser part is skipped with a warning, except under CI=true,
 * where a missing browser fails (.ci/run installs it).
 *
 * The region is restarted with ECOGRAPH_GATEWAY_URL once the gateway's URL is known, so section
 * assessments (asked of the bureaus through the gateway) work, as in standards.test.ts.
 */
import { type Browser, type Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIde } from '../../gateway/ide/buildIde.ts';
import { ideExamples } from '../../gateway/ide/app/examples.ts';
import { IDE_CONTENT_SECURITY_POLICY } from '../../gateway/ide/serveIde.ts';
import { startLogger } from '../fixtures/deviceReadings.ts';
import { startGatewayFederation, type GatewayFederation } from '../fixtures/gatewayFederation.ts';
import { wsSubscribe } from '../fixtures/liveClients.ts';
import { callerToken } from '../fixtures/callerTokens.ts';
import { postGraphQL } from '../fixtures/startSubgraphProcess.ts';
import { hasChromium, launchChromium, openRecordedPage, requireChromiumInCi, warnIfChromiumMissing } from '../fixtures/headlessChromium.ts';

const SCREENSHOT = '/tmp/ide.png';
const LIVE_SCREENSHOT = '/tmp/ide-live.png';
warnIfChromiumMissing('the IDE browser tests');

/** A locator's visible text with every run of white space as one space (Monaco renders spaces as U+00A0). */
const textOf = async (locator: Locator) => (await locator.innerText()).replace(/\s+/g, ' ');

let federation: GatewayFederation;
const examples = ideExamples(new Date());

beforeAll(async () => {
  await buildIde(); // nothing to do when `npm install` already built the current sources
  federation = await startGatewayFederation();
  await federation.connectRegionToGateway();
}, 240_000);

afterAll(async () => {
  await federation?.stop();
});

/** A fresh browser context and page that record every request, console error and CSP violation. */
const openBrowserPage = (browser: Browser) => openRecordedPage(browser, { viewport: { width: 1440, height: 900 } });

describe('the IDE over HTTP', () => {
  it('serves the same page at / and /graphiql with the strict CSP, and its assets with long caching', async () => {
    const root = await fetch(`${federation.gateway.origin}/`);
    expect(root.status).toBe(200);
    expect(root.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(root.headers.get('content-security-policy')).toBe(IDE_CONTENT_SECURITY_POLICY);
    expect(root.headers.get('x-content-type-options')).toBe('nosniff');
    expect(root.headers.get('referrer-policy')).toBe('no-referrer');
    expect(root.headers.get('cache-control')).toBe('no-cache');
    const html = await root.text();
    expect(await (await fetch(`${federation.gateway.origin}/graphiql`)).text()).toBe(html);
    expect(html).not.toMatch(/https?:\/\//); // nothing referenced off this origin

    const assets = [...html.matchAll(/(?:src|href)="(\/ide\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets.some((a) => a.endsWith('.js'))).toBe(true);
    expect(assets.some((a) => a.endsWith('.css'))).toBe(true);
    for (const asset of assets) {
      const answer = await fetch(`${federation.gateway.origin}${asset}`);
      expect(answer.status, asset).toBe(200);
      expect(answer.headers.get('content-type'), asset).toMatch(asset.endsWith('.js') ? /^text\/javascript/ : /^text\/css/);
      expect(answer.headers.get('cache-control'), asset).toBe('public, max-age=31536000, immutable');
      await answer.arrayBuffer();
    }
    const missing = await fetch(`${federation.gateway.origin}/ide/assets/no-such-file.js`);
    expect(missing.status).toBe(404);
  });

  it('saves examples that the gateway accepts (no validation errors)', async () => {
    for (const example of examples) {
      if (example.query.includes('\nsubscription ')) {
        // 实时报警 runs over WebSocket, as the IDE runs it: accepted, it stays open waiting for events.
        const live = wsSubscribe(federation.gateway.origin, { query: example.query, variables: { ...example.variables } });
        await Promise.race([live.ended, new Promise((resolve) => setTimeout(resolve, 1_000))]);
        expect(live.error(), example.title).toBeUndefined();
        expect(live.results.flatMap((r) => r.errors ?? []), example.title).toEqual([]);
        await live.dispose();
        continue;
      }
      const answer = await postGraphQL(federation.gateway.url, example.query, { ...example.variables });
      // Fields that need a token (enforcement cases) may answer with an auth error; never with a schema error.
      const codes = (answer.errors ?? []).map((e) => e.extensions?.['code']);
      expect(codes, example.title).not.toContain('GRAPHQL_VALIDATION_FAILED');
      expect(codes, example.title).not.toContain('BAD_USER_INPUT');
      expect(answer.data, example.title).toBeTruthy();
    }
  });
});

describe('the IDE in a browser', () => {
  requireChromiumInCi();

  describe.skipIf(!hasChromium)('headless Chromium', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('opens with the docs, runs the first example and shows its answer, all from the gateway origin', async () => {
      const { context, page, requests, consoleProblems } = await openBrowserPage(browser);
      const answer = await page.goto(`${federation.gateway.origin}/`);
      expect(answer?.headers()['content-security-policy']).toBe(IDE_CONTENT_SECURITY_POLICY);

      // The first tab is the cross-border sections example; every example has its tab.
      const queryEditor = page.locator('.graphiql-query-editor .monaco-editor');
      await queryEditor.waitFor({ timeout: 60_000 });
      await expect.poll(() => textOf(queryEditor), { timeout: 30_000 }).toContain('CrossBorderSections');
      for (const example of examples) await expect.poll(() => page.locator('.graphiql-tab').allInnerTexts()).toContain(example.operationName);
      // The headers editor is open and says where the token goes.
      const tools = page.locator('.graphiql-editor-tool');
      await expect.poll(() => textOf(tools), { timeout: 30_000 }).toContain('"Authorization": "Bearer <token>"');
      expect(await textOf(tools)).toContain('npm run -s token -- --bureau 500152 --scope');

      // The schema docs (introspection by POST) with the contract's Chinese descriptions.
      await page.locator('.graphiql-doc-explorer-type-name', { hasText: /^Query$/ }).first().click({ timeout: 60_000 });
      await expect.poll(() => textOf(page.locator('.graphiql-doc-explorer')), { timeout: 30_000 }).toContain('考核断面');

      // Run the first example: its answer names the first cross-border section, as the gateway does.
      const expected = await postGraphQL(federation.gateway.url, examples[0]!.query, { ...examples[0]!.variables });
      const firstSection: string = expected.data!['sections'][0].name;
      expect(firstSection).toMatch(/\p{Script=Han}/u);
      await page.locator('.graphiql-execute-button').click();
      const response = page.locator('.graphiql-response .monaco-editor');
      await expect.poll(() => textOf(response), { timeout: 60_000 }).toContain(firstSection);
      await expect.poll(() => textOf(response)).toContain('"meetsTarget"');

      await page.screenshot({ path: SCREENSHOT });
      const violations = await page.evaluate<string[]>('window.cspViolations');
      await context.close();

      const origin = federation.gateway.origin;
      const offOrigin = requests.filter(({ url }) => !url.startsWith(`${origin}/`) && !url.startsWith('data:'));
      expect(offOrigin).toEqual([]);
      const graphql = requests.filter(({ url }) => new URL(url).pathname === '/graphql');
      expect(graphql.length).toBeGreaterThanOrEqual(2); // introspection and the example
      expect(graphql.map((r) => r.method)).toEqual(graphql.map(() => 'POST'));
      // The workers are bundled files of this origin (no CDN, no blob:).
      expect(requests.filter(({ url }) => /\.worker-[\w-]+\.js$/.test(url)).length).toBeGreaterThanOrEqual(2);
      expect(violations).toEqual([]);
      expect(consoleProblems).toEqual([]);
    }, 180_000);

    it('runs the 实时报警 tab as a live subscription over WebSocket: an HJ 212 packet over the limit, sent meanwhile, shows as an alarm', async () => {
      const { context, page, requests, consoleProblems } = await openBrowserPage(browser);
      const sockets: Array<{ url: string; sent: string[]; closed: boolean }> = [];
      page.on('websocket', (socket) => {
        const seen = { url: socket.url(), sent: [] as string[], closed: false };
        sockets.push(seen);
        socket.on('framesent', (frame) => seen.sent.push(String(frame.payload)));
        socket.on('close', () => void (seen.closed = true));
      });
      await page.goto(`${federation.gateway.origin}/`);
      const queryEditor = page.locator('.graphiql-query-editor .monaco-editor');
      await queryEditor.waitFor({ timeout: 60_000 });
      await page.locator('.graphiql-tab', { hasText: 'LiveAlarms' }).click();
      await expect.poll(() => textOf(queryEditor), { timeout: 30_000 }).toContain('alarmRaised(');

      // An analyst pastes a token in Headers: it goes in connection_init, and never into storage.
      const token = await callerToken({ sub: 'ide-live-analyst' });
      const headersEditor = page.locator('.graphiql-editor-tool .monaco-editor').last();
      await headersEditor.click();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.insertText(`{ "Authorization": "Bearer ${token}" }`);
      // What Monaco closed by itself (the brace it added after the typed one) goes.
      await page.keyboard.press('ControlOrMeta+Shift+End');
      await page.keyboard.press('Delete');
      await expect.poll(() => textOf(headersEditor)).toContain(token.slice(-20));

      await page.locator('.graphiql-execute-button').click();
      await expect.poll(() => sockets.flatMap((s) => s.sent).some((f) => f.includes('"type":"subscribe"')), { timeout: 30_000 }).toBe(true);
      expect(sockets.map((s) => s.url)).toEqual([`${federation.gateway.origin.replace(/^http/, 'ws')}/graphql`]);
      expect(JSON.parse(sockets[0]!.sent[0]!)).toEqual({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } });

      // A data logger of 荣昌 (registered as a real-time source) uploads SO₂ at 900 mg/m³, over the
      // 550 mg/m³ discharge limit, to the bureau's HJ 212 ingest, once the subscription reads the
      // gateway's event hub (/metrics counts it); should the packet still overtake the bureau's stream,
      // a second device tries again.
      const hubSubscribers = async () =>
        Number(/^gateway_event_hub_subscribers (\d+)/m.exec(await (await fetch(`${federation.gateway.origin}/metrics`)).text())?.[1] ?? -1);
      await expect.poll(hubSubscribers, { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
      const response = page.locator('.graphiql-response .monaco-editor');
      let mn = '';
      for (let attempt = 1; attempt <= 3; attempt += 1) {
        const logger = await startLogger(federation);
        mn = logger.mn;
        await logger.upload(900);
        await logger.close();
        const shown = await expect.poll(() => textOf(response), { timeout: 10_000 }).toContain(mn).then(() => true, () => false);
        if (shown) break;
      }
      const shown = await textOf(response);
      expect(shown).toContain(mn);
      expect(shown).toContain('"kind": "OVER_LIMIT"');
      expect(shown).toContain('"severity": "CRITICAL"');
      expect(shown).toContain('"cityCode": "500153"');
      expect(shown).toMatch(/"alarmRaised": \{ "id": "\w/); // the event id, for since (Monaco wraps the long line)

      await page.screenshot({ path: LIVE_SCREENSHOT });
      // ■ ends the subscription: the socket closes.
      await page.locator('.graphiql-execute-button').click();
      await expect.poll(() => sockets[0]!.closed, { timeout: 10_000 }).toBe(true);
      expect(sockets).toHaveLength(1);
      const stored = await page.evaluate<string>('JSON.stringify(Object.entries(localStorage)) + JSON.stringify(Object.entries(sessionStorage))');
      expect(stored).not.toContain(token.slice(-20));
      const violations = await page.evaluate<string[]>('window.cspViolations');
      await context.close();

      const offOrigin = requests.filter(({ url }) => !url.startsWith(`${federation.gateway.origin}/`) && !url.startsWith('data:'));
      expect(offOrigin).toEqual([]);
      expect(violations).toEqual([]);
      expect(consoleProblems).toEqual([]);
    }, 180_000);
  });
});
