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
import { STATION_READINGS_QUERY, factorLimit, readingsStation, type ReadingsAnswer } from '../../gateway/board/boardPanelReadings.ts';
import { buildBoard } from '../../gateway/board/buildBoard.ts';
import { IDE_CONTENT_SECURITY_POLICY } from '../../gateway/ide/serveIde.ts';
import { ACCESS_SCOPE_NAMES } from '../../schema/accessPolicies.ts';
import { callerToken } from '../fixtures/callerTokens.ts';
import { startGatewayFederation, type GatewayFederation } from '../fixtures/gatewayFederation.ts';
import { pollUntil } from '../fixtures/gatewayPollUntil.ts';
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

    it('shows the panels with the graph\'s data at both sizes: trend, 24 h with its limit, per-bureau counts, bulletins exchanged (token-only parts marked, then shown with a token)', async () => {
      // One bulletin 遂宁 → 潼南, so the exchange statistic has something to show (the seed has none).
      // The sender asks the gateway which bureaus the region has: restart it knowing where the gateway is.
      await federation.killBureau('510900');
      await federation.restartBureau('510900', { ECOGRAPH_GATEWAY_URL: federation.gateway.url });
      const sender = { authorization: `Bearer ${await callerToken({ sub: 'wang.fang', bureau: '510900', scope: 'bulletins:write' })}` };
      await pollUntil(() => postGraphQL(federation.gateway.url, `mutation { sendBulletin(cityCode: "510900", idempotencyKey: "board-panels-1",
        input: { category: WARNING, title: "琼江光辉断面石油类超标预警", body: "请下游做好取水口防护", recipients: ["500152"] }) { id } }`, {}, sender),
      (answer) => Boolean(answer.data?.['sendBulletin']), 'a bulletin sent by the restarted 遂宁');
      const viewer = await callerToken({ sub: 'board-viewer', scope: ACCESS_SCOPE_NAMES.join(' ') });
      const cities = (await postGraphQL(federation.gateway.url, '{ cities { name } }', {})).data!['cities'].map((c: { name: string }) => c.name) as string[];

      for (const [width, height] of [[1366, 768], [1920, 1080]] as const) {
        const context = await browser.newContext({ viewport: { width, height }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
        const consoleProblems: string[] = [];
        const page = await context.newPage();
        page.on('console', (message: ConsoleMessage) => {
          if (message.type() === 'error') consoleProblems.push(message.text());
        });
        page.on('pageerror', (error) => consoleProblems.push(`page error: ${error.message}`));
        await page.goto(`${federation.gateway.origin}/board`);
        type Shown = Record<string, Record<string, string> | undefined>;
        const panels = () => page.evaluate<Shown>(`Object.fromEntries([...document.querySelectorAll('#panels .panel')].map((p) => [p.id, { ...p.dataset }]))`);
        const settled = async () => expect.poll(async () => {
          const shown = await panels();
          return Object.keys(shown).length === 4 && Object.values(shown).every((p) => p?.['state'] !== 'loading');
        }, { timeout: 60_000 }).toBe(true);
        await settled();

        // Without a token: the public panels have data, the rest say they need one (never an error).
        let shown = await panels();
        expect(shown['panel-trend']!['state']).toBe('ready');
        expect(JSON.parse(shown['panel-trend']!['months']!)).toHaveLength(12);
        expect((JSON.parse(shown['panel-trend']!['classes']!) as unknown[]).some((c) => c !== null)).toBe(true);
        const readings = shown['panel-readings']!;
        expect(readings['state']).toBe('ready');
        expect(Number(readings['points'])).toBeGreaterThan(0);
        // The limit drawn is the one the graph gives for that station and factor (Station.limits): the panel
        // opens on a factor that has one, so a line is drawn whether or not an alarm fired.
        const stationId = (await postGraphQL(federation.gateway.url, `{ stations(first: 100) { edges { node { id name } } } }`, {}))
          .data!['stations'].edges.find((e: { node: { name: string } }) => e.node.name === readings['station']).node.id as string;
        const station = readingsStation((await postGraphQL(federation.gateway.url, STATION_READINGS_QUERY, { id: stationId })).data as ReadingsAnswer);
        const limit = factorLimit(station!, readings['factor']!);
        const limits = (limit ? [limit.max, limit.min] : []).filter((v) => v !== null);
        expect(limits.length).toBeGreaterThan(0);
        expect((JSON.parse(readings['limits']!) as Array<{ value: number }>).map((l) => l.value).sort()).toEqual(limits.sort());
        let counts = JSON.parse(shown['panel-counts']!['counts']!) as Record<string, Record<string, number | string>>;
        expect(Object.keys(counts).sort()).toEqual([...cities].sort());
        for (const name of cities) {
          expect(typeof counts[name]!['alarmsToday']).toBe('number');
          expect(counts[name]!['openIncidents']).toBe('needs-token');
          expect(counts[name]!['pendingNotices']).toBe('needs-token');
        }
        expect(shown['panel-exchange']!['state']).toBe('needs-token');

        // The panels fit the screen beside the map, each wide enough to read.
        const boxes = await page.evaluate<Array<{ bottom: number; width: number; height: number }>>(
          `[...document.querySelectorAll('#panels .panel')].map((p) => p.getBoundingClientRect().toJSON())`);
        for (const box of boxes) {
          expect(box.bottom).toBeLessThanOrEqual(height);
          expect(box.width).toBeGreaterThan(250);
          expect(box.height).toBeGreaterThan(200);
        }
        expect((await page.locator('#map').boundingBox())!.height).toBeGreaterThan(height * 0.4);

        // With a token: the counts and the exchange statistic appear.
        await page.locator('#token').fill(viewer);
        await page.locator('#reload').click();
        await expect.poll(async () => (await panels())['panel-exchange']?.['state'], { timeout: 60_000 }).toBe('ready');
        await settled();
        shown = await panels();
        counts = JSON.parse(shown['panel-counts']!['counts']!) as Record<string, Record<string, number | string>>;
        for (const name of cities) for (const kind of ['openIncidents', 'pendingNotices', 'alarmsToday']) expect(typeof counts[name]![kind]).toBe('number');
        expect(Number(shown['panel-exchange']!['total'])).toBeGreaterThanOrEqual(1);
        expect(JSON.parse(shown['panel-exchange']!['pairs']!)).toContainEqual(expect.objectContaining({ a: '潼南区', b: '遂宁市' }));

        await page.screenshot({ path: `${ARTIFACTS}/board-panels-${width}x${height}.png` });
        await context.close();
        expect(consoleProblems).toEqual([]);
      }
    }, 240_000);
  });
});
