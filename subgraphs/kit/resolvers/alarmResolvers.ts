/**
 * Alarms (issue "The standards in the graph", item 3), computed per request from readings — nothing
 * is stored. Query.alarms fans out: each bureau evaluates its operating stations since `since`
 * (default 24 h ago, at most 31 days: the cost is bounded by stations × one month of readings, all
 * in one batched readings call) and pages the result in the contract's order (from DESC, then id).
 * Station.alarms covers one station's window, oldest first.
 */
import { ERRORS } from '../../../schema/errors.ts';
import type { ShardingPolicy } from '../../../schema/shardingPolicies.ts';
import type { CityContext } from '../CityContext.ts';
import type { StationRecord, WaterClass } from '../model.ts';
import { pageInMemory } from '../listOrder.ts';
import { listAllStations } from '../listAllStations.ts';
import type { ListQuery, ListResult } from '../ports.ts';
import type { AlarmSeverity } from '../../standards/index.ts';
import { completeSlotsEnd } from '../evaluation/gridWindow.ts';
import { stationAlarms, type AlarmView } from '../evaluation/stationAlarms.ts';
import { listResolver, type ListArgs } from './listResolver.ts';
import { stationWindow, windowReadings } from './stationWindow.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
export const DEFAULT_ALARM_SPAN_MS = DAY_MS;
export const MAX_ALARM_SPAN_MS = 31 * DAY_MS;

const SEVERITY_RANK: Readonly<Record<AlarmSeverity, number>> = { INFO: 0, WARNING: 1, CRITICAL: 2 };

interface AlarmArgs extends ListArgs {
  readonly since?: number | null;
  readonly severity?: AlarmSeverity | null;
}

interface AlarmFilter {
  readonly since: number;
  /** Exclusive: the moment of the request. */
  readonly until: number;
  readonly severity: AlarmSeverity;
}

function alarmFilter(args: AlarmArgs): AlarmFilter {
  const now = Date.now();
  const since = args.since ?? now - DEFAULT_ALARM_SPAN_MS;
  if (since > now) throw ERRORS.BAD_USER_INPUT.err('alarms: since must not be in the future.', { extensions: { argument: 'since' } });
  if (now - since > MAX_ALARM_SPAN_MS) {
    throw ERRORS.BAD_USER_INPUT.err('alarms: since may be at most 31 days ago.', { extensions: { argument: 'since', maxDays: 31 } });
  }
  return { since, until: now + 1, severity: args.severity ?? 'INFO' };
}

async function allStations(ctx: CityContext): Promise<StationRecord[]> {
  const stations = await listAllStations(ctx.source.monitoring);
  for (const s of stations) ctx.loaders.stations.prime(s.id, s);
  return stations;
}

async function listAlarms(ctx: CityContext, query: ListQuery<AlarmFilter>): Promise<ListResult<AlarmView>> {
  const { since, until, severity } = query.filter;
  const stations = (await allStations(ctx)).filter((s) => s.operating);
  const series = await Promise.all(stations.map((s) => ctx.loaders.readings.load({ stationId: s.id, from: since, to: until - 1 })));
  // A slot is expected once its interval is over (hour 11's data at 12:00), not at its start.
  const alarms = stations
    .flatMap((s, i) => stationAlarms(s, series[i] ?? [], { from: since, to: completeSlotsEnd(s.interval, until - 1) }))
    .filter((a) => SEVERITY_RANK[a.severity] >= SEVERITY_RANK[severity]);
  return pageInMemory(alarms, query);
}

async function alarmsOfStation(
  station: StationRecord,
  args: { from?: number | null; to?: number | null; targetClass?: WaterClass | null },
  ctx: CityContext,
) {
  const window = await stationWindow(station, args, ctx, {
    field: 'alarms', defaultSpanMs: DEFAULT_ALARM_SPAN_MS, maxSpanMs: MAX_ALARM_SPAN_MS, maxSpanText: '31 days',
  });
  if (!window) return [];
  return stationAlarms(station, await windowReadings(station, window, ctx), window, args.targetClass);
}

export function alarmResolvers(policies: ReadonlyMap<string, ShardingPolicy>) {
  return {
    Query: {
      alarms: listResolver(policies.get('alarms'), { filter: alarmFilter, list: listAlarms }),
    },
    Station: { alarms: alarmsOfStation },
  };
}
