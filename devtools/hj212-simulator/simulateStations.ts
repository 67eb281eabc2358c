import { connect, type Socket } from 'node:net';
import type { ReadingInterval, StationRecord } from '../../subgraphs/kit/model.ts';
import { createFrameSplitter } from '../../subgraphs/hj212-codec/createFrameSplitter.ts';
import { decodePacket } from '../../subgraphs/hj212-codec/decodePacket.ts';
import { encodePacket } from '../../subgraphs/hj212-codec/encodePacket.ts';
import { formatHj212Qn, formatHj212Time } from '../../subgraphs/hj212-codec/formatHj212Time.ts';
import { HJ212_DATA_ACK_CN } from '../../subgraphs/hj212-codec/hj212Commands.ts';
import { seriesCnOf } from '../../subgraphs/adapters/hj212-ingest/intervalOfDataCn.ts';
import { simulatedFactorValue } from './simulatedFactorValue.ts';

/** The station fields the simulator needs (a StationRecord has them all). */
export type SimulatedStation = Pick<StationRecord, 'code' | 'kind' | 'interval' | 'factors' | 'protocolVersion'>;

/** Kinds of bad input the simulator can mix in, each refused differently by the ingest. */
export type InjectedFault = 'crc' | 'length' | 'unknownMn' | 'garbage';

export interface SimulationOptions {
  /** @default '127.0.0.1' */
  readonly host?: string;
  readonly port: number;
  /** One TCP connection per station, all at once. */
  readonly stations: readonly SimulatedStation[];
  /** Data packets per station (each a new DataTime). Infinity runs until `signal` aborts. */
  readonly packetsPerStation: number;
  /** Packets per second per station. @default Infinity (as fast as the socket takes them) */
  readonly ratePerStation?: number;
  /** DataTime of each station's first packet. @default now, floored to the step, minus packetsPerStation steps (or now when unbounded) */
  readonly startTime?: number;
  /** DataTime step. @default the station interval's (REALTIME 30 s, MINUTE 10 min, HOURLY 1 h, FOUR_HOURLY 4 h, DAILY 1 d) */
  readonly stepMs?: number;
  /** Set Flag bit A (ask for 9014 acks) and wait for them before closing. @default true */
  readonly ackRequested?: boolean;
  /** Share of packets sent twice (the resend of a device that missed its ack). @default 0 */
  readonly duplicateRate?: number;
  /** Share of packets followed by one injected bad packet (or garbage). @default 0 */
  readonly faultRate?: number;
  /** Which faults to inject, chosen in turn. @default all four */
  readonly faults?: readonly InjectedFault[];
  /** Seed of the values and of which packets are duplicated or followed by faults. @default 1 */
  readonly seed?: number;
  /** How long to wait for the last acks before closing. @default 5_000 ms */
  readonly ackTimeoutMs?: number;
  /** Stops an unbounded run (or cuts a bounded one short). @default none */
  readonly signal?: AbortSignal;
}

export interface SimulationResult {
  /** Distinct data packets sent (what the store should hold, one row each). */
  readonly valid: number;
  /** Extra copies of valid packets. */
  readonly duplicates: number;
  readonly faults: Readonly<Record<InjectedFault, number>>;
  /** 9014 acks received. */
  readonly acks: number;
  readonly elapsedMs: number;
}

const STEP_MS: Readonly<Record<ReadingInterval, number>> = {
  REALTIME: 30_000, MINUTE: 600_000, HOURLY: 3_600_000, FOUR_HOURLY: 14_400_000, DAILY: 86_400_000,
};
const ALL_FAULTS: readonly InjectedFault[] = ['crc', 'length', 'unknownMn', 'garbage'];
const latin1 = new TextDecoder('latin1');
const ascii = new TextEncoder();

/**
 * Plays a bureau's stations against an HJ 212 ingest: one TCP connection per station, sending
 * pollutant-data uploads of the station's series CN (2011/2051/2061, FOUR_HOURLY as 2061) with
 * plausible values, valid length and CRC (HJ 212-2017), Flag 5 or 4 for HJ 212-2017 stations and
 * 9 or 8 for HJ 212-2025 ones. Optionally resends some packets and mixes in bad ones (wrong CRC,
 * wrong length, an unknown MN, garbage bytes) so that tests can check every one is counted and
 * none stored. Deterministic for a seed. Resolves with what was sent and how many acks came back.
 */
export async function simulateStations(options: SimulationOptions): Promise<SimulationResult> {
  const started = Date.now();
  const totals = { valid: 0, duplicates: 0, acks: 0, faults: { crc: 0, length: 0, unknownMn: 0, garbage: 0 } };
  await Promise.all(options.stations.map((station, index) => runStation(station, index, options, totals)));
  return { ...totals, elapsedMs: Date.now() - started };
}

interface Totals {
  valid: number;
  duplicates: number;
  acks: number;
  faults: Record<InjectedFault, number>;
}

async function runStation(station: SimulatedStation, index: number, o: SimulationOptions, totals: Totals): Promise<void> {
  const rng = mulberry32((o.seed ?? 1) * 7919 + index);
  const ackRequested = o.ackRequested ?? true;
  const faults = o.faults ?? ALL_FAULTS;
  const step = o.stepMs ?? STEP_MS[station.interval];
  const bounded = Number.isFinite(o.packetsPerStation);
  const start = o.startTime ?? Math.floor(Date.now() / step) * step - (bounded ? o.packetsPerStation * step : 0);
  const gapMs = o.ratePerStation === undefined || !Number.isFinite(o.ratePerStation) ? 0 : 1000 / o.ratePerStation;
  const flag = (station.protocolVersion.includes('2025') ? 8 : 4) + (ackRequested ? 1 : 0);
  const stack = station.kind === 'POLLUTION_SOURCE' && !station.factors.some((f) => f.code.startsWith('w'));
  const st = station.kind === 'WATER_QUALITY' ? '21' : station.kind === 'AIR_QUALITY' ? '22' : stack ? '31' : '32';
  const cn = seriesCnOf(station.interval);
  const valueKey = cn === '2011' ? 'Rtd' : 'Avg';

  const socket = await open(o.host ?? '127.0.0.1', o.port);
  socket.on('error', () => {}); // a reset ends the run of this station; 'close' follows
  let acks = 0;
  let expectedAcks = 0;
  let onAck: (() => void) | null = null;
  const splitter = createFrameSplitter();
  socket.on('data', (chunk: Buffer) => {
    for (const e of splitter.push(chunk)) {
      if (e.kind !== 'frame') continue;
      const d = decodePacket(e.bytes);
      if (d.ok && d.packet.cn === HJ212_DATA_ACK_CN) {
        acks++;
        onAck?.();
      }
    }
  });

  const packet = (k: number, mn: string): Uint8Array => {
    const time = start + k * step;
    return encodePacket({
      qn: formatHj212Qn(time + index), st, cn, pw: '123456', mn, flag,
      cp: {
        dataTime: formatHj212Time(time),
        pollutants: station.factors.map((f) => ({
          code: f.code,
          fields: [[valueKey, simulatedFactorValue(f.code, rng(), stack)], ['Flag', rng() < 0.01 ? 'D' : 'N']],
        })),
      },
    });
  };

  try {
    for (let k = 0; k < o.packetsPerStation && o.signal?.aborted !== true && !socket.destroyed; k++) {
      if (gapMs > 0 && k > 0) await sleep(gapMs, o.signal);
      const frame = packet(k, station.code);
      await write(socket, frame);
      totals.valid++;
      if (ackRequested) expectedAcks++;
      if (rng() < (o.duplicateRate ?? 0)) {
        await write(socket, frame);
        totals.duplicates++;
        if (ackRequested) expectedAcks++;
      }
      if (rng() < (o.faultRate ?? 0) && faults.length > 0) {
        const fault = faults[(totals.faults.crc + totals.faults.length + totals.faults.unknownMn + totals.faults.garbage) % faults.length] as InjectedFault;
        await write(socket, faulty(fault, frame, () => packet(k, `UNKNOWN${String(index).padStart(6, '0')}`)));
        totals.faults[fault]++;
      }
    }
    if (expectedAcks > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, o.ackTimeoutMs ?? 5_000);
        onAck = () => {
          if (acks >= expectedAcks) {
            clearTimeout(timer);
            resolve();
          }
        };
        onAck();
      });
    }
  } finally {
    totals.acks += acks;
    await new Promise<void>((resolve) => {
      if (socket.destroyed) return resolve();
      socket.once('close', () => resolve());
      socket.end();
      setTimeout(() => socket.destroy(), 2_000).unref();
    });
  }
}

/** A bad variant of a valid frame, or garbage: each maps to one refusal of the ingest. */
function faulty(fault: InjectedFault, frame: Uint8Array, unknownMn: () => Uint8Array): Uint8Array {
  const text = latin1.decode(frame);
  switch (fault) {
    case 'crc': {
      const crc = (parseInt(text.slice(-6, -2), 16) ^ 0x0101).toString(16).toUpperCase().padStart(4, '0');
      return ascii.encode(`${text.slice(0, -6)}${crc}\r\n`);
    }
    case 'length': {
      const declared = Number(text.slice(2, 6)) + 1;
      return ascii.encode(`##${String(declared).padStart(4, '0')}${text.slice(6)}`);
    }
    case 'unknownMn':
      return unknownMn();
    case 'garbage':
      return ascii.encode('AT+CIPSEND\r\nERROR\r\n');
  }
}

function open(host: string, port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port, noDelay: true }, () => {
      socket.off('error', reject);
      resolve(socket);
    });
    socket.once('error', reject);
  });
}

/** Writes, waiting for 'drain' when the socket buffers; resolves at once on a closed socket. */
function write(socket: Socket, bytes: Uint8Array): Promise<void> {
  if (socket.destroyed || socket.write(bytes)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      socket.off('drain', done);
      socket.off('close', done);
      resolve();
    };
    socket.once('drain', done);
    socket.once('close', done);
  });
}

/** Resolves after `ms`, or at once when `signal` aborts; leaves no listener on `signal` either way. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** Small deterministic PRNG (mulberry32): the simulator must not depend on Math.random. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
