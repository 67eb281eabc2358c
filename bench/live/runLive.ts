/**
 * The live part of `npm run bench -- --part live` (issue 12's Measure): our gateway following 荣昌
 * (500153) with its real EventHub, `subscribers` readingReported subscriptions over graphql-ws, and
 * HJ 212 real-time packets sent to 荣昌's ingest over TCP (one connection per station, as devices do)
 * at `rate` packets/s for `seconds`. Every subscriber selects the station and river from the graph,
 * so each event is resolved through the graph for its subscribers (identical executions in flight
 * are shared: gateway/live/createGraphRunner.ts).
 *
 * - Latency: commit at the ingest → event at the client. The commit time is the event's `at` in the
 *   bureau's log (read back with POST /events/pull after the run, as the gateway itself); the client
 *   time is when the `next` message was parsed in this process. Same machine, same clock.
 * - Memory per idle subscriber: gateway RSS with all subscriptions open and no events, minus before
 *   they were opened, ÷ subscribers (RSS includes garbage not yet collected: an upper bound).
 * - CPU per delivered event: gateway CPU ms during the load ÷ events delivered to clients.
 *
 * Subscriptions are spread over `connections` WebSockets (one caller each); with fewer connections
 * than subscribers each caller opens several, and the gateway's per-caller cap is raised to match.
 * The subscribers speak graphql-ws's protocol through a lean client (leanSubscriber.ts), so the bench
 * process is not what limits the rate.
 */
import { connect, type Socket } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { openSqliteDatabase } from '../../subgraphs/adapters/sqlite/openSqliteDatabase.ts';
import type { BureauDatabase } from '../../subgraphs/adapters/sql/schema.ts';
import { encodePacket } from '../../subgraphs/hj212-codec/encodePacket.ts';
import { formatHj212Time } from '../../subgraphs/hj212-codec/formatHj212Time.ts';
import { eventPullAnswerSchema, MAX_EVENTS_PER_PULL, type FeedPosition } from '../../schema/events/bureauEvents.ts';
import type { BenchTrust } from '../benchTrust.ts';
import type { ChildProcesses, RunningChild } from '../ChildProcesses.ts';
import { ENTRIES } from '../entries.ts';
import { freePort } from '../freePort.ts';
import { snapshotCpu } from '../processCpu.ts';
import type { Subgraphs } from '../startSubgraphs.ts';
import { startOurGateway } from '../startTarget.ts';
import { openLeanConnection, type LeanConnection } from './leanSubscriber.ts';
import type { LiveResult } from './LiveResult.ts';

export const LIVE_BUREAU = '500153';
const READY_TIMEOUT_MS = 90_000;
/** How long after the last packet every subscriber must have every event. */
const DRAIN_TIMEOUT_MS = 60_000;

export const LIVE_QUERY = `subscription { readingReported(cityCodes: ["${LIVE_BUREAU}"]) { id station { name river { name } } reading { time } } }`;

export interface LiveSettings {
  readonly subscribers: number;
  readonly connections: number;
  readonly rate: number;
  readonly seconds: number;
}

export interface LiveContext {
  readonly children: ChildProcesses;
  readonly subgraphs: Subgraphs;
  readonly workDir: string;
  readonly dataDir: string;
  readonly verbose: boolean;
  readonly trust: BenchTrust;
  readonly settings: LiveSettings;
  readonly say: (text: string) => void;
}

export async function runLive(ctx: LiveContext): Promise<LiveResult> {
  const { settings, say, trust } = ctx;
  const connections = Math.min(settings.connections, settings.subscribers);
  const perCaller = Math.ceil(settings.subscribers / connections);
  // 荣昌 again on its port, its ingest on a port known here (the bench starts ingests on any free port).
  const started = ctx.subgraphs.bureaus.get(LIVE_BUREAU);
  if (!started) throw new Error(`bureau ${LIVE_BUREAU} was not started`);
  const port = new URL(started.url).port;
  await started.stop();
  const ingestPort = await freePort();
  const bureau = await ctx.children.start({
    name: `${LIVE_BUREAU}-live`, entry: ENTRIES.bureau, args: [LIVE_BUREAU],
    env: { ...ctx.subgraphs.env, ECOGRAPH_PORT: port, ECOGRAPH_HJ212_PORT: String(ingestPort) }, readyTimeoutMs: READY_TIMEOUT_MS, verbose: ctx.verbose,
  });
  const gateway = await startOurGateway(ctx, 'gateway-live', [LIVE_BUREAU], { ECOGRAPH_MAX_SUBSCRIPTIONS_PER_CALLER: String(Math.max(20, perCaller)) });
  const clients: LeanConnection[] = [];
  try {
    const origin = new URL(gateway.url).origin;
    await until(async () => (await openSubscriptions(origin)) === 0, 'the gateway following 荣昌');
    await sleep(2_000);
    const rssBefore = await steadyRss(gateway.pid);

    say(`live: opening ${settings.subscribers} subscriptions over ${connections} WebSocket connections (${perCaller} per caller at most) …`);
    const received: Array<Array<[seq: number, at: number]>> = [];
    const failures: unknown[] = [];
    const seqOf = new Map<string, number>(); // one event reaches every subscriber: its id is decoded once
    for (let c = 0; c < connections; c++) {
      const authorization = (await trust.callerHeadersFor({ sub: `bench-live-${c}` }))['authorization']!;
      const mine = Math.min(perCaller, settings.subscribers - c * perCaller);
      const first = received.length;
      for (let s = 0; s < mine; s++) received.push([]);
      clients.push(await openLeanConnection(`${origin.replace(/^http/, 'ws')}/graphql`, authorization, LIVE_QUERY, 'readingReported', mine, {
        onEvent(subscription, id) {
          let seq = seqOf.get(id);
          if (seq === undefined) seqOf.set(id, (seq = readingsSeq(id)));
          received[first + subscription]?.push([seq, Date.now()]);
        },
        onError: (detail) => void failures.push(detail),
      }));
    }
    await until(async () => (await openSubscriptions(origin)) === settings.subscribers, `${settings.subscribers} subscriptions open`, 120_000);
    await sleep(2_000);
    const rssIdle = await steadyRss(gateway.pid);
    say(`live: gateway RSS ${mb(rssBefore)} MB without subscribers, ${mb(rssIdle)} MB with ${settings.subscribers} idle`);

    const head = (await pull(bureau, trust, null)).heads;
    const stations = await stationCodes(ctx.dataDir);
    say(`live: ${settings.rate} packets/s for ${settings.seconds} s from ${stations.length} stations to 荣昌's ingest …`);
    const cpuBefore = snapshotCpu({ gateway: [gateway.pid] });
    const sent = await sendPackets(ingestPort, stations, settings.rate, settings.seconds);
    // Every packet is new to the store: one reading event each.
    await until(async () => received.every((r) => r.length >= sent) || failures.length > 0, 'every subscriber to have every event', DRAIN_TIMEOUT_MS)
      .catch(() => undefined); // reported below as missing
    const cpuAfter = snapshotCpu({ gateway: [gateway.pid] });

    const committed = await commitTimes(bureau, trust, head);
    const latencies: number[] = [];
    let missing = 0;
    let duplicates = 0;
    let outOfOrder = 0;
    for (const events of received) {
      const seqs = new Set<number>();
      let last = -1;
      for (const [seq, at] of events) {
        if (seqs.has(seq)) duplicates += 1;
        seqs.add(seq);
        if (seq < last) outOfOrder += 1;
        last = seq;
        const commit = committed.get(seq);
        if (commit !== undefined) latencies.push(at - commit);
      }
      missing += Math.max(0, committed.size - seqs.size);
    }
    latencies.sort((a, b) => a - b);
    const delivered = received.reduce((n, r) => n + r.length, 0);
    const gatewayCpuMs = cpuBefore && cpuAfter ? (cpuAfter['gateway'] ?? 0) - (cpuBefore['gateway'] ?? 0) : null;
    return {
      settings: { ...settings, connections, transport: 'graphql-ws', query: LIVE_QUERY },
      packetsSent: sent,
      eventsLogged: committed.size,
      delivered,
      missing,
      duplicates,
      outOfOrder,
      errors: failures.length,
      firstError: failures.length > 0 ? JSON.stringify(failures[0]).slice(0, 300) : null,
      latencyMs: { p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), max: latencies.at(-1) ?? null },
      memory: { rssBeforeBytes: rssBefore, rssIdleBytes: rssIdle, bytesPerIdleSubscriber: (rssIdle - rssBefore) / settings.subscribers },
      cpu: { gatewayMs: gatewayCpuMs, perDeliveredEventMs: gatewayCpuMs === null || delivered === 0 ? null : gatewayCpuMs / delivered },
    };
  } finally {
    for (const client of clients) client.close();
    await gateway.stop();
  }
}

/** Sends real-time (2011) packets, each new to the store (per station, one second after its previous). */
async function sendPackets(port: number, stations: readonly string[], rate: number, seconds: number): Promise<number> {
  const sockets: Socket[] = await Promise.all(stations.map(() => new Promise<Socket>((resolve, reject) => {
    const s = connect({ host: '127.0.0.1', port, noDelay: true }, () => resolve(s));
    s.once('error', reject);
  })));
  const base = Math.floor((Date.now() - 6 * 3_600_000) / 1000) * 1000; // in the past: never refused as future data
  const total = rate * seconds;
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    const station = i % stations.length;
    const time = base + Math.floor(i / stations.length) * 1000;
    sockets[station]!.write(encodePacket({
      st: '21', cn: '2011', pw: '123456', mn: stations[station]!,
      cp: { dataTime: formatHj212Time(time), pollutants: [{ code: 'w01001', fields: [['Rtd', (7 + (i % 10) / 10).toFixed(2)], ['Flag', 'N']] }] },
    }));
  }
  await Promise.all(sockets.map((s) => new Promise<void>((resolve) => s.end(resolve))));
  return total;
}

/** MNs of 荣昌's stations in the seeded store (what its devices report as). */
async function stationCodes(dataDir: string): Promise<string[]> {
  const db = openSqliteDatabase<BureauDatabase>({ path: join(dataDir, `${LIVE_BUREAU}.sqlite`), cityCode: LIVE_BUREAU, readonly: true });
  try {
    return (await db.selectFrom('stations').select('code').orderBy('code').execute()).map((r) => r.code);
  } finally {
    await db.destroy();
  }
}

async function pull(bureau: RunningChild, trust: BenchTrust, after: FeedPosition | null) {
  const res = await fetch(new URL('/events/pull', bureau.url), {
    method: 'POST', headers: { 'content-type': 'application/json', ...trust.gatewayHeadersFor(LIVE_BUREAU) },
    body: JSON.stringify({ after, limit: MAX_EVENTS_PER_PULL, waitMs: 0 }),
  });
  return eventPullAnswerSchema.parse(await res.json());
}

/** Commit time (`at`) of every reading event after `head`, by sequence. */
async function commitTimes(bureau: RunningChild, trust: BenchTrust, head: FeedPosition): Promise<Map<number, number>> {
  const times = new Map<number, number>();
  let position = head;
  for (;;) {
    const answer = await pull(bureau, trust, position);
    for (const e of answer.events) if (e.feed === 'readings' && e.body.kind === 'reading') times.set(e.seq, e.at);
    if (answer.events.length === 0) return times;
    position = { ...position, ...Object.fromEntries(answer.events.map((e) => [e.feed, e.seq])) };
  }
}

function readingsSeq(id: string): number {
  const position = JSON.parse(Buffer.from(id, 'base64url').toString('utf8')) as Record<string, Record<string, number>>;
  return position[LIVE_BUREAU]?.['readings'] ?? -1;
}

async function openSubscriptions(origin: string): Promise<number> {
  const text = await (await fetch(`${origin}/metrics`)).text();
  return Number(/^gateway_live_subscriptions (\d+)/m.exec(text)?.[1] ?? -1);
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; ; await sleep(100)) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`live: waited ${timeoutMs / 1000} s for ${what}`);
  }
}

/** The median of five RSS readings 200 ms apart (bytes). */
async function steadyRss(pid: number): Promise<number> {
  const readings: number[] = [];
  for (let i = 0; i < 5; i++) {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    readings.push(kb * 1024);
    await sleep(200);
  }
  return readings.sort((a, b) => a - b)[2]!;
}

function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

const mb = (bytes: number) => (bytes / 1_048_576).toFixed(1);
