/**
 * Station.limits: the limit of each factor a station measures, as its alarms apply it
 * (evaluation/stationFactorLimits). It reads only the station record — no readings, no port call.
 */
import type { StationRecord, WaterClass } from '../model.ts';
import { stationFactorLimits } from '../evaluation/stationFactorLimits.ts';

export function limitResolvers() {
  return {
    Station: {
      limits: (station: StationRecord, args: { targetClass?: WaterClass | null; at?: number | null }) =>
        stationFactorLimits(station, args.targetClass, args.at ?? Date.now()),
    },
  };
}
