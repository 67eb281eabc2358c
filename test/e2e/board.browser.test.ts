/**
 * The situation board (/board) in headless Chromium against the real gateway over real bureaus:
 * the page loads with zero requests off the gateway's origin, no console error and no CSP
 * violation; the map shows the six bureaus (each UP) and every cross-border section the graph lists
 * (read from the data attributes the page sets from the option ECharts drew, not from pixels); its
 * live subscription is connected; an over-limit HJ 212 packet sent to 荣昌's ingest during the test
 * turns its station to the alarm colour within 2 s; an incident reported through the graph appears
 * with its notices for a token of the notified bureau, with the resources near it; a killed gateway
 * shows as reconnecting until one is back. The panels under the map show the graph's data. Screenshots
 * at 1366×768 and 1920×1080 go to test-artifacts/ (gitignored).
 */
import { mkdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { type Browser, type ConsoleMessage, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATION_READINGS_QUERY, factorLimit, readingsStation, type ReadingsAnswer } from '../../gateway/board/boardPanelReadings.ts';
import { buildBoard } from '../../gateway/board/buildBoard.ts';
import { RESOURCES_NEAR_QUERY } from '../../gateway/board/boardLiveOperations.ts';
import { startLogger } from '../fixtures/deviceReadings.ts';
import { IDE_CONTENT_SECURITY_POLICY } from '../../gateway/ide/serveIde.ts';
import { ACCESS_SCOPE_NAMES } from '../../schema/accessPolicies.ts';
import { callerToken } from '../fixtures/callerTokens.ts';
import { startGatewayFederation, type GatewayFederation } from '../fixtures/gatewayFederation.ts';
import { pollUntil } from '../fixtures/gatewayPollUntil.ts';
import { startGatewayProcess, type GatewayProcess } from '../fixtures/gatewayProcess.ts';
import { postGraphQL } from '../fixtures/startSubgraphProcess.ts';
import { hasChromium, launchChromium, openRecordedPage, requireChromiumInCi, warnIfChromiumMissing } from '../fixtures/headlessChromium.ts';

const ARTIFACTS = 'test-artifacts';
const SUINING = '510900';
const TONGNAN = '500152';
warnIfChromiumMissing('the situation board browser tests');

let federation: GatewayFederation;
/** The gateway started again on the same port by the reconnect test. */
let restarted: GatewayProcess | undefined;

beforeAll(async () => {
  await buildBoard(); // nothing to do when `npm install` already built the current sources
  federation = await startGatewayFederation();
  await federation.connectRegionToGateway();
  // 遂宁 reports the incident and asks the gateway back for its recipients: restart it knowing where the gateway is,
  // and wait until the gateway serves it again (the first page must see every bureau up).
  await federation.killBureau(SUINING);
  await federation.restartBureau(SUINING, { ECOGRAPH_GATEWAY_URL: federation.gateway.url });
  await pollUntil(() => postGraphQL(federation.gateway.url, `{ stations(cityCodes: ["${SUINING}"], first: 1) { totalCount } }`, {}).catch(() => null),
    (answer) => answer?.errors === undefined && answer?.data !== undefined, 'the restarted 遂宁 served again');
}, 240_000);

afterAll(async () => {
  await restarted?.stop();
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

    /** Opens /board at a size, waits until the map is drawn and the live streams are connected. */
    async function openBoard(width: number, height: number, token?: string) {
      const recorded = await openRecordedPage(browser, { viewport: { width, height }, timezoneId: 'Asia/Shanghai' });
      const answer = await recorded.page.goto(`${federation.gateway.origin}/board`);
      expect(answer?.headers()['content-security-policy']).toBe(IDE_CONTENT_SECURITY_POLICY);
      if (token !== undefined) {
        await recorded.page.locator('#map[data-state="ready"]').waitFor({ timeout: 60_000 });
        await recorded.page.locator('#token').fill(token);
        await recorded.page.locator('#reload').click();
      }
      await recorded.page.locator('#map[data-state="ready"][data-live="connected"]').waitFor({ timeout: 60_000 });
      return recorded;
    }

    const attribute = async <T,>(page: Page, name: string): Promise<T> => JSON.parse((await page.locator('#map').getAttribute(name))!) as T;

    async function expectClean(recorded: Awaited<ReturnType<typeof openBoard>>) {
      const violations = await recorded.violations();
      await recorded.context.close();
      expect(recorded.offOrigin(federation.gateway.origin)).toEqual([]);
      expect(violations).toEqual([]);
      expect(recorded.consoleProblems).toEqual([]);
    }

    it('shows the six bureaus (up) and every cross-border section, live, from the gateway origin only', async () => {
      const expected = await postGraphQL(federation.gateway.url, '{ cities { name } sections(crossBorderOnly: true) { name } }', {});
      const cityNames: string[] = expected.data!['cities'].map((c: { name: string }) => c.name);
      const sectionNames: string[] = expected.data!['sections'].map((s: { name: string }) => s.name);
      expect(cityNames).toHaveLength(6);
      expect(sectionNames.length).toBeGreaterThan(0);

      for (const [width, height] of [[1366, 768], [1920, 1080]] as const) {
        const recorded = await openBoard(width, height);
        const { page } = recorded;
        expect((await attribute<string[]>(page, 'data-bureaus')).sort()).toEqual([...cityNames].sort());
        expect((await attribute<string[]>(page, 'data-sections')).sort()).toEqual([...sectionNames].sort());
        expect(Number(await page.locator('#map').getAttribute('data-stations'))).toBeGreaterThan(0);
        expect(await attribute<Record<string, string>>(page, 'data-bureau-status')).toEqual(Object.fromEntries(cityNames.map((name) => [name, 'UP'])));
        expect(await page.locator('#side .bureau-list li[data-status="UP"]').count()).toBe(6);
        expect(await page.locator('#live').innerText()).toContain('已连接');
        // Without a token: no incidents, and no error on screen for them.
        expect(await attribute<unknown[]>(page, 'data-incidents')).toEqual([]);
        expect(await page.locator('#side').innerText()).toContain('突发环境事件需令牌');
        expect(await page.locator('#status').innerText()).toContain('个跨界断面');
        expect(await page.locator('#map canvas').count()).toBeGreaterThan(0);
        expect(await page.locator('#token').inputValue()).toBe('');
        // The live streams are graphql-sse on this origin.
        expect(recorded.requests.filter((r) => r.url.endsWith('/graphql/stream')).map((r) => r.method)).toEqual(['POST', 'POST', 'POST']);

        await page.screenshot({ path: `${ARTIFACTS}/board-${width}x${height}.png` });
        await expectClean(recorded);
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

    it('turns a pollution source to the alarm colour within 2 s of an over-limit HJ 212 packet at 荣昌\'s ingest', async () => {
      const recorded = await openBoard(1366, 768);
      const { page } = recorded;
      // A data logger of 荣昌 (registered as a real-time source) uploads SO₂ at 900 mg/m³, over the 550 mg/m³ limit.
      const logger = await startLogger(federation);
      try {
        expect(await attribute<string[]>(page, 'data-alarmed')).not.toContain(logger.stationId);
        await logger.upload(900);
        const sent = Date.now();
        await expect.poll(() => attribute<string[]>(page, 'data-alarmed'), { timeout: 2_000, interval: 50 }).toContain(logger.stationId);
        expect(Date.now() - sent).toBeLessThanOrEqual(2_000);
      } finally {
        await logger.close();
      }
      expect(await page.locator('#map').getAttribute('data-live')).toBe('connected');
      await page.screenshot({ path: `${ARTIFACTS}/board-alarm-1366x768.png` });
      await expectClean(recorded);
    }, 120_000);

    it('shows an incident reported through the graph with its notices, and the resources nearest to it, for a token of the notified bureau', async () => {
      const viewer = await callerToken({ sub: 'board-viewer', bureau: TONGNAN, scope: 'emergency:read' });
      const reporter = await callerToken({ sub: 'board-reporter', bureau: SUINING, scope: 'incidents:write' });
      const recorded = await openBoard(1920, 1080, viewer);
      const { page } = recorded;

      const title = `琼江柴油泄漏 ${randomUUID().slice(0, 8)}`;
      const location = { longitude: 105.56, latitude: 30.21 };
      const reported = await postGraphQL(federation.gateway.url, `mutation Report($input: ReportIncidentInput!, $key: ID!) {
        reportIncident(cityCode: "${SUINING}", idempotencyKey: $key, input: $input) { id notices { recipientCityCode } } }`, {
        key: randomUUID(),
        input: { title, description: '罐车侧翻，柴油入江。', occurredAt: new Date(Date.now() - 60_000).toISOString(), location, pollutants: ['石油类'], extraRecipients: [TONGNAN] },
      }, { authorization: `Bearer ${reporter}` });
      expect(reported.errors).toBeUndefined();
      const incidentId: string = reported.data!['reportIncident'].id;

      // The notice reaches 潼南's inbox (noticeReceived), the incident appears with it and is followed
      // (incidentUpdated) until the reporter's copy shows the notice delivered.
      const delivered = async () => (await attribute<Array<{ id: string; notices: Array<{ state: string }> }>>(page, 'data-incidents'))
        .some((i) => i.id === incidentId && i.notices.some((n) => n.state === 'DELIVERED'));
      await expect.poll(delivered, { timeout: 30_000, interval: 100 }).toBe(true);
      const shown = (await attribute<Array<{ id: string; title: string; notices: unknown[] }>>(page, 'data-incidents')).find((i) => i.id === incidentId)!;
      expect(shown).toEqual({ id: incidentId, title, notices: [{ recipientCityCode: TONGNAN, state: 'DELIVERED' }] });
      const listed = page.locator(`#side li[data-incident-id="${incidentId}"]`);
      expect(await listed.innerText()).toContain('通报 潼南区：已送达');

      // Selected (it was the first notified), it shows the emergency resources of every bureau within reach, nearest first.
      const near = await postGraphQL(federation.gateway.url, RESOURCES_NEAR_QUERY, { near: location, radiusKm: 100 }, { authorization: `Bearer ${viewer}` });
      const expected = near.data!['emergencyResources'].edges.map((e: { node: { name: string; cityCode: string; distanceKm: number } }) =>
        ({ name: e.node.name, cityCode: e.node.cityCode, distanceKm: e.node.distanceKm }));
      await expect.poll(() => attribute(page, 'data-resources'), { timeout: 10_000 }).toEqual(expected);
      expect(expected.length).toBeGreaterThan(0);
      expect(new Set(expected.map((r: { cityCode: string }) => r.cityCode)).size).toBeGreaterThan(1); // across borders

      await page.screenshot({ path: `${ARTIFACTS}/board-incident-1920x1080.png` });
      // The token was used, never stored.
      const stored = await page.evaluate<string>('JSON.stringify(Object.entries(localStorage)) + JSON.stringify(Object.entries(sessionStorage))');
      expect(stored).not.toContain(viewer.slice(-20));
      await expectClean(recorded);
    }, 120_000);

    // Last: the gateway is restarted (on the same port) for it.
    it('says when the gateway is gone, reconnects by itself with the last event id, and goes on live', async () => {
      const recorded = await openBoard(1366, 768);
      const { page } = recorded;
      const alarmed = () => attribute<string[]>(page, 'data-alarmed');
      const live = () => page.locator('#map').getAttribute('data-live');
      const resumedWith: string[] = [];
      page.on('request', (request) => {
        const id = request.headers()['last-event-id'];
        if (request.url().endsWith('/graphql/stream') && id) resumedWith.push(id);
      });
      // Both devices are registered before the first packet: the ingest reloads its stations on the first
      // unknown MN at most every 5 s, so a device registered later could be refused until the next reload.
      const before = await startLogger(federation);
      const after = await startLogger(federation);
      // An alarm seen live gives the page its position in the alarms stream.
      await before.upload(900);
      await expect.poll(alarmed, { timeout: 10_000 }).toContain(before.stationId);
      await before.close();

      const port = new URL(federation.gateway.origin).port;
      await federation.gateway.kill();
      await expect.poll(live, { timeout: 15_000 }).toBe('reconnecting');
      expect(await page.locator('#live').innerText()).toContain('连接中断，正在重连');
      restarted = await startGatewayProcess(federation.registry, { env: { ECOGRAPH_GATEWAY_PORT: port } });
      await expect.poll(live, { timeout: 30_000 }).toBe('connected');
      // The streams that had seen an event asked to resume after it (Last-Event-ID: the gateway replays what was missed).
      expect(resumedWith.length).toBeGreaterThan(0);

      try {
        await after.upload(900);
        await expect.poll(alarmed, { timeout: 10_000, interval: 100 }).toContain(after.stationId);
      } finally {
        await after.close();
      }
      await page.screenshot({ path: `${ARTIFACTS}/board-reconnected-1366x768.png` });
      // The only console errors are the browser's own notes of the refused connections while the gateway was gone.
      const expectedNoise = /ERR_CONNECTION_REFUSED|ERR_INCOMPLETE_CHUNKED_ENCODING|Failed to load resource/;
      recorded.consoleProblems.splice(0, Infinity, ...recorded.consoleProblems.filter((text) => !expectedNoise.test(text)));
      await expectClean(recorded);
    }, 150_000);
  });
});
