import { ERRORS } from '../../../schema/errors.ts';
import type { ShardingPolicy } from '../../../schema/shardingPolicies.ts';
import type { CityContext } from '../CityContext.ts';
import type { ReadingInterval, ReadingRecord, StationKind, StationRecord } from '../model.ts';
import { searchArg } from './arguments.ts';
import { listResolver, type ListArgs } from './listResolver.ts';
import { lookupResolver, referenceResolver } from './lookupResolvers.ts';
import { cityRefs, enterpriseRef, riverRef } from './references.ts';

/** A readings request may span at most this long: bounds one response to ~2,200 hourly readings. */
export const MAX_READINGS_SPAN_MS = 92 * 24 * 3600_000;
const DEFAULT_SPAN_MS = 24 * 3600_000;

interface StationArgs extends ListArgs {
  readonly kind?: StationKind | null;
  readonly riverId?: string | null;
  readonly search?: string | null;
}

/** A reading as the contract shows it: each value with the station's name and unit for its factor. */
function readingView(station: StationRecord, reading: ReadingRecord) {
  return {
    time: reading.time,
    interval: reading.interval,
    values: reading.values.map((v) => {
      const factor = station.factors.find((f) => f.code === v.code);
      return { code: v.code, name: factor?.name ?? v.code, unit: factor?.unit ?? '', value: v.value, flag: v.flag };
    }),
  };
}

/** The newest reading of the station's own series, or of one data type. */
function latestOf(station: StationRecord, interval: ReadingInterval | null | undefined, ctx: CityContext) {
  return interval == null ? ctx.loaders.latestReading.load(station.id) : ctx.loaders.latestReadingOf(interval).load(station.id);
}

async function readings(
  station: StationRecord,
  args: { from?: number | null; to?: number | null; interval?: ReadingInterval | null },
  ctx: CityContext,
) {
  let to = args.to ?? null;
  if (to === null) {
    const latest = await latestOf(station, args.interval, ctx);
    if (!latest) return [];
    to = latest.time;
  }
  const from = args.from ?? to - DEFAULT_SPAN_MS;
  if (from > to) throw ERRORS.BAD_USER_INPUT.err('readings: from must not be after to.', { extensions: { argument: 'from' } });
  if (to - from > MAX_READINGS_SPAN_MS) {
    throw ERRORS.BAD_USER_INPUT.err('readings: the range may span at most 92 days.', { extensions: { argument: 'to' } });
  }
  const rows = await ctx.loaders.readings.load({ stationId: station.id, from, to, ...(args.interval != null && { interval: args.interval }) });
  return rows.map((r) => readingView(station, r));
}

export function monitoringResolvers(policies: ReadonlyMap<string, ShardingPolicy>) {
  return {
    Query: {
      stations: listResolver(policies.get('stations'), {
        filter: (a: StationArgs) => ({ kind: a.kind ?? undefined, riverId: a.riverId ?? undefined, search: searchArg(a.search) }),
        list: (ctx, q) => ctx.source.monitoring.listStations(q),
        loader: (ctx) => ctx.loaders.stations,
      }),
      station: lookupResolver('Station', (ctx) => ctx.loaders.stations),
    },
    Station: {
      __resolveReference: referenceResolver('Station', (ctx) => ctx.loaders.stations),
      river: (s: StationRecord) => riverRef(s.riverId),
      enterprise: (s: StationRecord) => enterpriseRef(s.enterpriseCreditCode),
      sharedWith: (s: StationRecord) => cityRefs(s.sharedWithCityCodes),
      latest: async (s: StationRecord, args: { interval?: ReadingInterval | null }, ctx: CityContext) => {
        const latest = await latestOf(s, args.interval, ctx);
        return latest && readingView(s, latest);
      },
      readings,
    },
  };
}
