import type { StationRecord } from './model.ts';
import type { MonitoringPort } from './ports.ts';

/** Stations per port call (every adapter serves pages of 100). */
const STATION_PAGE = 100;

/** Every station of the bureau, by code: a bureau has tens to thousands, so they fit in memory. */
export async function listAllStations(monitoring: MonitoringPort): Promise<StationRecord[]> {
  const stations: StationRecord[] = [];
  for (;;) {
    const last = stations.at(-1);
    const page = await monitoring.listStations({
      filter: {}, sort: { field: 'code', direction: 'ASC' }, after: last ? { value: last.code, id: last.id } : null, limit: STATION_PAGE,
    });
    stations.push(...page.items);
    if (page.items.length < STATION_PAGE) return stations;
  }
}
