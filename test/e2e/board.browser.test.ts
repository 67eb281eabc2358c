/**
 * The situation board (/board) in headless Chromium against the real gateway over real bureaus:
 * the page loads with zero requests off the gateway's origin, no console error and no CSP
 * violation; the map shows the six bureaus and every cross-border section the graph lists (read
 * from the data attributes the page sets from the option ECharts drew, not from pixels); screenshots
 * at 1366×768 and 1920×1080 go to test-artifacts/ (gitignored).
 */
import { mkdirSync } from 'node:fs';
import { type Browser, type ConsoleMessage } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBoard } from '../../gateway/board/buildBoard.ts';
import { IDE_CONTENT_SECURITY_POLICY } from '../../gateway/ide/serveIde.ts';
import { startGatewayFederation, type GatewayFederation } from '../fixtures/gatewayFederation.ts';
import { postGraphQL } from '../fixtures/startSubgraphProcess.ts';
import { hasChromium, launchChromium, requireChromiumInCi, warnIfChromiumMissing } from '../fixtures/headlessChromium.ts';

const ARTIFACTS = 'test-artifacts';
warnIfChromiumMissing('the situation board browser tests');

let federation: GatewayFederation;

beforeAll(async () => {
  await buildBoard(); // nothing to do when `npm install` already built the current sources
  federation = await startGatewayFederation();
  await federation.connectRegionToGateway();
}, 240_000);

afterAll(async () => {
  await federation?.stop();
});

describe('the situation board over HTTP', () => {
  it('serves /board with the IDE\'s strict CSP and nothing referenced off this origin', async () => {
    const answer = await fetch(`${federation.gateway.origin}/board`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-security-policy')).toBe(IDE_CONTENT_SECURITY_POLICY);
    const html = await answer.text();
    expect(html).toContain('态势一张图');
    expect(html).not.toMatch(/https?:\/\//);
    const assets = [...html.matchAll(/(?:src|href)="(\/board\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets.some((a) => a.endsWith('.js'))).toBe(true);
    for (const asset of assets) expect((await fetch(`${federation.gateway.origin}${asset}`)).status, asset).toBe(200);
  });
});

describe('the situation board in a browser', () => {
  requireChromiumInCi();

  describe.skipIf(!hasChromium)('headless Chromium', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchChromium();
      mkdirSync(ARTIFACTS, { recursive: true });
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('shows the six bureaus and every cross-border section, from the gateway origin only', async () => {
      const expected = await postGraphQL(federation.gateway.url, '{ cities { name } sections(crossBorderOnly: true) { name } }', {});
      const cityNames: string[] = expected.data!['cities'].map((c: { name: string }) => c.name);
      const sectionNames: string[] = expected.data!['sections'].map((s: { name: string }) => s.name);
      expect(cityNames).toHaveLength(6);
      expect(sectionNames.length).toBeGreaterThan(0);

      for (const [width, height] of [[1366, 768], [1920, 1080]] as const) {
        const context = await browser.newContext({ viewport: { width, height }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
        const requests: string[] = [];
        const consoleProblems: string[] = [];
        context.on('request', (request) => requests.push(request.url()));
        await context.addInitScript({
          content: `window.cspViolations = [];
            document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));`,
        });
        const page = await context.newPage();
        page.on('console', (message: ConsoleMessage) => {
          if (message.type() === 'error' || /Content[- ]Security[- ]Policy/i.test(message.text())) consoleProblems.push(message.text());
        });
        page.on('pageerror', (error) => consoleProblems.push(`page error: ${error.message}`));

        const answer = await page.goto(`${federation.gateway.origin}/board`);
        expect(answer?.headers()['content-security-policy']).toBe(IDE_CONTENT_SECURITY_POLICY);
        const map = page.locator('#map');
        await expect.poll(() => map.getAttribute('data-state'), { timeout: 60_000 }).toBe('ready');
        const bureaus = JSON.parse((await map.getAttribute('data-bureaus'))!) as string[];
        const sections = JSON.parse((await map.getAttribute('data-sections'))!) as string[];
        expect(bureaus.sort()).toEqual([...cityNames].sort());
        expect(sections.sort()).toEqual([...sectionNames].sort());
        expect(Number(await map.getAttribute('data-stations'))).toBeGreaterThan(0);
        expect(await page.locator('#status').innerText()).toContain('个跨界断面');
        // The canvas is drawn and the token field is there (empty: nothing stored).
        expect(await page.locator('#map canvas').count()).toBeGreaterThan(0);
        expect(await page.locator('#token').inputValue()).toBe('');

        await page.screenshot({ path: `${ARTIFACTS}/board-${width}x${height}.png` });
        const violations = await page.evaluate<string[]>('window.cspViolations');
        await context.close();

        const origin = federation.gateway.origin;
        expect(requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:'))).toEqual([]);
        expect(violations).toEqual([]);
        expect(consoleProblems).toEqual([]);
      }
    }, 180_000);
  });
});
