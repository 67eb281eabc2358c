import { parse, validate, extendSchema } from 'graphql';
import { Supergraph } from '@apollo/federation-internals';
import { describe, expect, it } from 'vitest';
import { bureauStatusesFromAnswer, emptyLiveLayer, withAlarm, withBureauStatus, withIncident, withReading } from '../../../gateway/board/boardLiveLayer.ts';
import {
  ALARMS_SUBSCRIPTION, BUREAU_STATUS_SUBSCRIPTION, INCIDENTS_QUERY, INCIDENT_SUBSCRIPTION, NOTICES_SUBSCRIPTION, READINGS_SUBSCRIPTION, RESOURCES_NEAR_QUERY,
  type BoardAlarm, type BoardIncident, type LiveStation,
} from '../../../gateway/board/boardLiveOperations.ts';
import { composeSupergraph } from '../../../gateway/composition/composeSupergraph.ts';
import { loadLiveSdl } from '../../../gateway/live/LiveSchemaGateway.ts';
import { loadContract, loadRegion } from '../../../schema/loadContract.ts';

const source: LiveStation = { id: 'U3RhdGlvbjo1MDAxNTM6ZGV2aWNl', cityCode: '500153', name: '某化工排口', kind: 'POLLUTION_SOURCE', location: { longitude: 105.6, latitude: 29.4 } };
const alarm = (severity: BoardAlarm['severity'], from: string, id = `${severity}-${from}`): BoardAlarm => ({
  id, cityCode: '500153', kind: 'OVER_LIMIT', severity, code: 'a21026', name: '二氧化硫', from, to: from, reason: '超过排放限值 550 mg/m³', station: source,
});
const incident = (overrides: Partial<BoardIncident> = {}): BoardIncident => ({
  id: 'inc-1', cityCode: '510900', title: '琼江柴油泄漏', status: 'OPEN', occurredAt: '2026-12-07T08:30:00+08:00',
  location: { longitude: 105.56, latitude: 30.21 }, grade: { level: 'IV', name: '一般' }, pollutants: ['石油类'],
  notices: [{ id: 'n-1', recipientCityCode: '500152', state: 'PENDING', deliveredAt: null, acknowledgedAt: null }], ...overrides,
});

describe('the live layer', () => {
  it('keeps the most severe alarm of a station, the newest among equals, and learns the station from it', () => {
    let layer = withAlarm(emptyLiveLayer(), alarm('WARNING', '2026-12-07T08:00:00+08:00'));
    layer = withAlarm(layer, alarm('CRITICAL', '2026-12-07T07:00:00+08:00'));
    layer = withAlarm(layer, alarm('WARNING', '2026-12-07T09:00:00+08:00'));
    expect(layer.alarms.get(source.id)?.id).toBe('CRITICAL-2026-12-07T07:00:00+08:00');
    layer = withAlarm(layer, alarm('CRITICAL', '2026-12-07T09:30:00+08:00'));
    expect(layer.alarms.get(source.id)?.id).toBe('CRITICAL-2026-12-07T09:30:00+08:00');
    expect(layer.stations.get(source.id)).toEqual(source);
  });

  it('holds each station\'s newest reading, whatever order a catch-up replays them in', () => {
    const reading = (time: string, value: number) => ({ time, values: [{ code: 'a21026', name: '二氧化硫', value, unit: 'mg/m³', flag: 'N' }] });
    let layer = withReading(emptyLiveLayer(), source, reading('2026-12-07T10:01:00+08:00', 2));
    layer = withReading(layer, source, reading('2026-12-07T10:00:00+08:00', 1));
    expect(layer.readings.get(source.id)?.values[0]?.value).toBe(2);
    layer = withReading(layer, source, reading('2026-12-07T10:02:00+08:00', 3));
    expect(layer.readings.get(source.id)?.values[0]?.value).toBe(3);
  });

  it('shows open incidents as last read and drops a closed one; never changes the layer it was given', () => {
    const empty = emptyLiveLayer();
    const open = withIncident(empty, incident());
    const delivered = withIncident(open, incident({ notices: [{ id: 'n-1', recipientCityCode: '500152', state: 'DELIVERED', deliveredAt: '2026-12-07T08:31:00+08:00', acknowledgedAt: null }] }));
    expect(delivered.incidents.get('inc-1')?.notices[0]?.state).toBe('DELIVERED');
    expect(withIncident(delivered, incident({ status: 'CLOSED' })).incidents.size).toBe(0);
    expect(empty.incidents.size).toBe(0);
    expect(open.incidents.get('inc-1')?.notices[0]?.state).toBe('PENDING');
  });

  it('reads each bureau\'s state from a query\'s errors: missing = DOWN (or OFF_CONTRACT), its data system failing = DEGRADED, else UP', () => {
    const statuses = bureauStatusesFromAnswer(['500000', '500152', '500153', '510500', '510900'], [
      { extensions: { code: 'CITY_UNAVAILABLE', city: '500152', reason: 'timeout' } },
      { extensions: { code: 'CITY_UNAVAILABLE', city: '510500', reason: 'off-contract' } },
      { extensions: { code: 'CITY_SOURCE_UNAVAILABLE', city: '510900' } },
      { extensions: { code: 'CITY_UNAVAILABLE', city: '999999' } },
      { extensions: { code: 'FORBIDDEN', city: '500153' } },
    ]);
    expect(Object.fromEntries(statuses)).toEqual({ 500000: 'UP', 500152: 'DOWN', 500153: 'UP', 510500: 'OFF_CONTRACT', 510900: 'DEGRADED' });
    expect(withBureauStatus(emptyLiveLayer(), '500152', 'DOWN').bureaus.get('500152')).toBe('DOWN');
  });
});

describe('the live operations', () => {
  it('validate against the gateway\'s public schema with its subscriptions', () => {
    const sdl = composeSupergraph({ typeDefs: loadRegion(), url: 'http://region.invalid/graphql' }, loadContract());
    const schema = extendSchema(Supergraph.build(sdl, { supportedFeatures: null }).apiSchema().toGraphQLJSSchema(), loadLiveSdl());
    for (const query of [ALARMS_SUBSCRIPTION, READINGS_SUBSCRIPTION, BUREAU_STATUS_SUBSCRIPTION, NOTICES_SUBSCRIPTION, INCIDENT_SUBSCRIPTION, INCIDENTS_QUERY, RESOURCES_NEAR_QUERY]) {
      expect(validate(schema, parse(query)).map((e) => e.message), query.split('\n')[0]).toEqual([]);
    }
  });
});
