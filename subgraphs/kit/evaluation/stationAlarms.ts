/**
 * A station's abnormal-data alarms over a window, computed by the standards library's rules from the
 * readings of its regular series (other data types are left out: their spacing would read as gaps),
 * shaped as the contract's Alarm: owning bureau, station record, factor name, limit source as text.
 */
import type { ReadingRecord, StationRecord, WaterClass } from '../model.ts';
import { evaluateAlarms, type Alarm } from '../../standards/index.ts';
import { factorName } from './factorName.ts';
import { gridWindow } from './gridWindow.ts';
import { INTERVAL_MS } from './intervalMs.ts';
import { runStandard } from './mapStandardsError.ts';
import { stationLimitsOf } from './stationLimitsOf.ts';
import { toStandardsReadings } from './toStandardsReadings.ts';

export type AlarmView = Omit<Alarm, 'limit'> & {
  readonly cityCode: string;
  readonly station: StationRecord;
  readonly name: string | null;
  readonly limit: { readonly min: number | null; readonly max: number | null; readonly unit: string; readonly source: string } | null;
};

/** `span` is [from, to), taken to the station's slots; a gap at its edges counts as missing data. */
export function stationAlarms(
  station: StationRecord,
  rows: readonly ReadingRecord[],
  span: { readonly from: number; readonly to: number },
  targetClass?: WaterClass | null,
): AlarmView[] {
  const window = gridWindow(station.interval, span.from, span.to);
  if (window.from >= window.to) return [];
  const readings = toStandardsReadings(rows.filter((r) => r.interval === station.interval && r.time >= window.from && r.time < window.to));
  const alarms = runStandard('READINGS', () => evaluateAlarms({
    stationId: station.id,
    limits: stationLimitsOf(station, targetClass),
    readings,
    intervalMs: INTERVAL_MS[station.interval],
    window,
  }));
  return alarms.map((a) => ({
    ...a,
    cityCode: station.cityCode,
    station,
    name: a.code === null ? null : factorName(a.code, station),
    limit: a.limit && { min: a.limit.min, max: a.limit.max, unit: a.limit.unit, source: a.limit.source },
  }));
}
