/**
 * Which limits a station's over-limit alarms use (issue item 3): a water station its section's target
 * class — which only the region knows, so the caller's `targetClass`, else one the adapter supplies,
 * else class III, the usual target of the circle's sections; an air station GB 3095 grade II (urban
 * zones); a source the default discharge tables.
 */
import type { StationRecord, WaterClass } from '../model.ts';
import type { StationLimits } from '../../standards/index.ts';

export const DEFAULT_WATER_TARGET: WaterClass = 'III';

export function stationLimitsOf(station: StationRecord, targetClass?: WaterClass | null): StationLimits {
  switch (station.kind) {
    case 'WATER_QUALITY':
      return { kind: 'WATER_QUALITY', targetClass: targetClass ?? station.targetClass ?? DEFAULT_WATER_TARGET, waterBody: 'RIVER' };
    case 'AIR_QUALITY':
      return { kind: 'AIR_QUALITY', grade: 'II' };
    case 'POLLUTION_SOURCE':
      return { kind: 'POLLUTION_SOURCE' };
    default:
      return station.kind satisfies never;
  }
}
