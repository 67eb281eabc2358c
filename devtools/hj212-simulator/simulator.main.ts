/**
 * `tsx devtools/hj212-simulator/simulator.main.ts <code>`: plays a bureau's monitoring stations
 * against its HJ 212 ingest, as the devices in the field would, so that `npm start` shows live
 * data arriving. Each station reports its series every 30 s (a time-lapse of its hourly cycle:
 * DataTime is the send time). Stops on SIGINT/SIGTERM.
 */
import { setMaxListeners } from 'node:events';
import { loadBureauConfig } from '../../subgraphs/config/loadSubgraphConfig.ts';
import { openSqliteBureauSource } from '../../subgraphs/adapters/sqlite/openSqliteBureauSource.ts';
import { simulateStations } from './simulateStations.ts';

const REPORT_EVERY_MS = 30_000;

const config = loadBureauConfig(process.argv[2] ?? '');
if (!config.hj212 || config.source.kind !== 'sqlite') {
  console.error(`${config.name} has no HJ 212 ingest on an embedded store to simulate stations for.`);
  process.exit(78);
}
const source = await openSqliteBureauSource({ path: config.source.file, cityCode: config.origin, fileMustExist: true });
const { items: stations } = await source.monitoring.listStations({
  filter: {}, sort: { field: 'code', direction: 'ASC' }, after: null, limit: 1_000,
});
await source.close();

const stop = new AbortController();
setMaxListeners(stations.length + 10, stop.signal); // one listener per station connection
process.on('SIGINT', () => stop.abort());
process.on('SIGTERM', () => stop.abort());
console.log(`${config.name}: simulating ${stations.length} HJ 212 stations → ${config.hj212.host}:${config.hj212.port}, one report each per ${REPORT_EVERY_MS / 1000} s`);
const result = await simulateStations({
  host: config.hj212.host,
  port: config.hj212.port,
  stations,
  packetsPerStation: Number.POSITIVE_INFINITY,
  ratePerStation: 1_000 / REPORT_EVERY_MS,
  stepMs: REPORT_EVERY_MS,
  startTime: Date.now(),
  signal: stop.signal,
});
console.log(`${config.name}: simulator stopped after ${result.valid} packets (${result.acks} acknowledged).`);
