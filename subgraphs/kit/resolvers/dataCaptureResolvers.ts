/**
 * Data capture for the supervision of automatic monitoring (issue 15, item 5), computed per request
 * from a station's readings by standards/computeDataCapture — nothing is stored. Station.dataCapture
 * covers one station's window (default the 24 h before its latest reading, at most 31 days);
 * Query.dataCaptureRanking fans out: each bureau rates its operating stations over [from, to) and
 * pages them worst first (effectiveTransmissionRate ASC, then id). Only complete intervals are
 * expected: an hour's data is due once the hour is over.
 */
import { ERRORS } from '../../../schema/errors.ts';
import type { ShardingPolicy } from '../../../schema/shardingPolicies.ts';
import { computeDataCapture, type DataCapture } from '../../standards/index.ts';
import type { CityContext } from '../CityContext.ts';
import { pageInMemory } from '../listOrder.ts';
import type { ReadingRecord, StationKind, StationRecord } from '../model.ts';
import type { ListQuery, ListResult } from '../ports.ts';
import { factorName } from '../evaluation/factorName.ts';
import { completeSlotsEnd, gridWindow } from '../evaluation/gridWindow.ts';
import { INTERVAL_MS } from '../evaluation/intervalMs.ts';
import { runStandard } from '../evaluation/mapStandardsError.ts';
import { listResolver, type ListArgs } from './listResolver.ts';
import { stationWindow } from './stationWindow.ts';

const DAY_MS = 24 * 3_600_000;
export const MAX_DATA_CAPTURE_SPAN_MS = 31 * DAY_MS;
/** Stations per port call while collecting a bureau's stations (every adapter serves pages of 100). */
const STATION_PAGE = 100;

interface CaptureView extends DataCapture {
  readonly from: number;
  readonly to: number;
  readonly interval: StationRecord['interval'];
}

async function captureOf(station: StationRecord, from: number, to: number, ctx: CityContext): Promise<CaptureView> {
  const grid = gridWindow(station.interval, from, to);
  const rows: readonly ReadingRecord[] = grid.from < grid.to
    ? await ctx.loaders.readings.load({ stationId: station.id, from: grid.from, to: grid.to - 1 })
    : [];
  // Capture is of the station's own series: a daily value kept from before it is no hourly one received.
  const own = rows.filter((r) => r.interval === station.interval);
  const capture = runStandard('READINGS', () => computeDataCapture({
    readings: own, from: grid.from, to: Math.max(grid.from, grid.to), intervalMs: INTERVAL_MS[station.interval],
    factors: station.factors.map((f) => f.code),
  }));
  return {
    ...capture,
    from: grid.from,
    to: Math.max(grid.from, grid.to),
    interval: station.interval,
    factors: capture.factors.map((f) => ({ ...f, name: factorName(f.code, station) })),
  };
}

async function dataCaptureOfStation(station: StationRecord, args: { from?: number | null; to?: number | null }, ctx: CityContext) {
  const window = await stationWindow(station, args, ctx, {
    field: 'dataCapture', defaultSpanMs: DAY_MS, maxSpanMs: MAX_DATA_CAPTURE_SPAN_MS, maxSpanText: '31 days',
  });
  return window && captureOf(station, window.from, window.to, ctx);
}

interface RankingArgs extends ListArgs {
  readonly from: number;
  readonly to: number;
  readonly kind?: StationKind | null;
}

interface RankingFilter {
  readonly from: number;
  readonly to: number;
  readonly kind: StationKind | undefined;
  readonly now: number;
}

interface RankedStation {
  readonly id: string;
  readonly cityCode: string;
  readonly station: StationRecord;
  readonly effectiveTransmissionRate: number;
  readonly dataCapture: CaptureView;
}

function rankingFilter(args: RankingArgs): RankingFilter {
  if (args.from >= args.to) throw ERRORS.BAD_USER_INPUT.err('dataCaptureRanking: from must be before to.', { extensions: { argument: 'from' } });
  if (args.to - args.from > MAX_DATA_CAPTURE_SPAN_MS) {
    throw ERRORS.BAD_USER_INPUT.err('dataCaptureRanking: the range may span at most 31 days.', { extensions: { argument: 'from', maxDays: 31 } });
  }
  return { from: args.from, to: args.to, kind: args.kind ?? undefined, now: Date.now() };
}

async function operatingStations(ctx: CityContext, kind: StationKind | undefined): Promise<StationRecord[]> {
  const stations: StationRecord[] = [];
  for (;;) {
    const last = stations.at(-1);
    const page = await ctx.source.monitoring.listStations({
      filter: { kind }, sort: { field: 'code', direction: 'ASC' }, after: last ? { value: last.code, id: last.id } : null, limit: STATION_PAGE,
    });
    stations.push(...page.items);
    if (page.items.length < STATION_PAGE) break;
  }
  for (const s of stations) ctx.loaders.stations.prime(s.id, s);
  return stations.filter((s) => s.operating);
}

async function listRanking(ctx: CityContext, query: ListQuery<RankingFilter>): Promise<ListResult<RankedStation>> {
  const { from, to, kind, now } = query.filter;
  const stations = await operatingStations(ctx, kind);
  // Intervals not over by now are not due yet (completeSlotsEnd); one batched readings call for all.
  const captures = await Promise.all(stations.map((s) => captureOf(s, from, Math.min(to, completeSlotsEnd(s.interval, now)), ctx)));
  const ranked = stations.flatMap((station, i): RankedStation[] => {
    const capture = captures[i] as CaptureView;
    const rate = capture.effectiveTransmissionRate; // null only when nothing was expected
    return rate === null ? [] : [{ id: station.id, cityCode: station.cityCode, station, effectiveTransmissionRate: rate, dataCapture: capture }];
  });
  return pageInMemory(ranked, query);
}

export function dataCaptureResolvers(policies: ReadonlyMap<string, ShardingPolicy>) {
  return {
    Query: {
      dataCaptureRanking: listResolver(policies.get('dataCaptureRanking'), { filter: rankingFilter, list: listRanking }),
    },
    Station: { dataCapture: dataCaptureOfStation },
  };
}
