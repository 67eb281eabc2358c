/**
 * What the board has learnt since it loaded, from the subscriptions and the cooperation queries:
 * the alarms raised per station, each station's latest reading, the stations events named that the
 * loaded list lacked, each bureau's state and the open incidents. Immutable: every `with…` returns a
 * new layer, so the page redraws from one value. Pure (no DOM, no I/O).
 */
import type { AlarmSeverity, BoardAlarm, BoardIncident, BoardReading, BureauStatus, LiveStation } from './boardLiveOperations.ts';

export interface LiveLayer {
  /** The newest alarm of each station that raised one, by station id. */
  readonly alarms: ReadonlyMap<string, BoardAlarm>;
  /** Each station's latest reading, by station id. */
  readonly readings: ReadonlyMap<string, BoardReading>;
  /** Stations events named that the loaded list did not have (a device registered since), by id. */
  readonly stations: ReadonlyMap<string, LiveStation>;
  /** Each bureau's state, by city code (absent = not known yet). */
  readonly bureaus: ReadonlyMap<string, BureauStatus>;
  /** The open incidents the caller may read, by id. */
  readonly incidents: ReadonlyMap<string, BoardIncident>;
}

export function emptyLiveLayer(): LiveLayer {
  return { alarms: new Map(), readings: new Map(), stations: new Map(), bureaus: new Map(), incidents: new Map() };
}

const SEVERITY_RANK: Readonly<Record<AlarmSeverity, number>> = { INFO: 0, WARNING: 1, CRITICAL: 2 };

/**
 * A raised alarm: the station shows it until the page reloads (the graph announces an alarm when it
 * starts, not when it ends). A station keeps its most severe alarm, the newest among equals.
 */
export function withAlarm(layer: LiveLayer, alarm: BoardAlarm): LiveLayer {
  const held = layer.alarms.get(alarm.station.id);
  const keep = held && (SEVERITY_RANK[held.severity] > SEVERITY_RANK[alarm.severity]
    || (held.severity === alarm.severity && Date.parse(held.from) > Date.parse(alarm.from)));
  return {
    ...layer,
    alarms: keep ? layer.alarms : new Map(layer.alarms).set(alarm.station.id, alarm),
    stations: new Map(layer.stations).set(alarm.station.id, alarm.station),
  };
}

/** A reading: the station's latest, unless one newer is already held (catch-up may replay older ones). */
export function withReading(layer: LiveLayer, station: LiveStation, reading: BoardReading): LiveLayer {
  const held = layer.readings.get(station.id);
  if (held && Date.parse(held.time) > Date.parse(reading.time)) return layer;
  return { ...layer, readings: new Map(layer.readings).set(station.id, reading), stations: new Map(layer.stations).set(station.id, station) };
}

export function withBureauStatus(layer: LiveLayer, cityCode: string, status: BureauStatus): LiveLayer {
  return { ...layer, bureaus: new Map(layer.bureaus).set(cityCode, status) };
}

/** An incident as last read: an open one is shown (replacing what was held), a closed one leaves the map. */
export function withIncident(layer: LiveLayer, incident: BoardIncident): LiveLayer {
  const incidents = new Map(layer.incidents);
  if (incident.status === 'OPEN') incidents.set(incident.id, incident);
  else incidents.delete(incident.id);
  return { ...layer, incidents };
}

interface GraphError {
  readonly extensions?: Readonly<Record<string, unknown>>;
}

/**
 * Each bureau's state as a query's answer shows it, before any `bureauStatusChanged` (which only
 * announces changes): a bureau whose part is missing (CITY_UNAVAILABLE, `extensions.city`) is DOWN,
 * or OFF_CONTRACT when that is the reason; one whose own data system failed (CITY_SOURCE_UNAVAILABLE)
 * is DEGRADED; every other bureau of `cityCodes` answered, so it is UP.
 */
export function bureauStatusesFromAnswer(cityCodes: readonly string[], errors: readonly GraphError[]): Map<string, BureauStatus> {
  const statuses = new Map<string, BureauStatus>(cityCodes.map((code) => [code, 'UP']));
  for (const error of errors) {
    const code = error.extensions?.['code'];
    const city = error.extensions?.['city'];
    if (typeof city !== 'string' || !statuses.has(city)) continue;
    if (code === 'CITY_UNAVAILABLE') statuses.set(city, error.extensions?.['reason'] === 'off-contract' ? 'OFF_CONTRACT' : 'DOWN');
    else if (code === 'CITY_SOURCE_UNAVAILABLE' && statuses.get(city) === 'UP') statuses.set(city, 'DEGRADED');
  }
  return statuses;
}
