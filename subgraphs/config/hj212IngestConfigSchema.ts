/**
 * The ingest's options as configuration (e.g. an `hj212` entry in a bureau's bureau.json), validated
 * once at start (startHj212Ingest), so the ingest reads only checked values: unknown keys refused,
 * defaults and their units stated here.
 */
import { z } from 'zod';

export const hj212IngestConfigSchema = z.strictObject({
  /** Loopback by default: exposing the port to devices is a deliberate decision. */
  host: z.string().min(1).default('127.0.0.1'),
  /** 0 picks a free port (tests). */
  port: z.number().int().min(0).max(65_535).default(9212),
  /** ms a packet may wait for its batch: bounds the packet-to-queryable latency. */
  flushIntervalMs: z.number().int().min(1).max(10_000).default(50),
  /** packets that trigger a write at once. */
  flushRows: z.number().int().min(1).max(5_000).default(500),
  /** concurrent device connections; more are refused by the OS accept queue. */
  maxConnections: z.number().int().min(1).default(1_024),
  /** ms without a byte before a connection is closed; above the hourly reporting cycle. */
  idleTimeoutMs: z.number().int().min(1_000).default(75 * 60_000),
  /** packets waiting for the store above which the ingest stops reading sockets until a write completes. */
  maxBacklogRows: z.number().int().min(1).default(20_000),
  /**
   * ms before an MN the stations did not have is looked up in the store again (a device sending with
   * an unregistered MN costs one query per interval; a new station is found on its first packet).
   */
  stationReloadIntervalMs: z.number().int().min(0).default(5_000),
  /** log lines per second; beyond it lines are counted, not written. */
  maxLogLinesPerSecond: z.number().int().min(1).default(100),
  /** ms the parts of a split message (PNUM/PNO) may take to arrive. */
  splitMaxAgeMs: z.number().int().min(1).default(60_000),
  /** split messages incomplete at once, across devices. */
  splitMaxMessages: z.number().int().min(1).default(1_000),
  /**
   * MNs of devices known to send CRC-16/MODBUS, low byte first, instead of the HJ 212-2017 Appendix A
   * CRC. Opt-in per device, never by default: their packets are taken and counted apart
   * (stats().tolerated.HJ212_CRC_MODBUS_LOW_BYTE_FIRST); any other MN with such a CRC is refused.
   */
  modbusCrcMns: z.array(z.string().regex(/^[0-9A-Za-z_-]{1,24}$/, 'an MN is 1–24 letters, digits, "_" or "-"')).max(100_000).default([]),
});

export type Hj212IngestConfig = z.infer<typeof hj212IngestConfigSchema>;
