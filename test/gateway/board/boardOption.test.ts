import { Supergraph } from '@apollo/federation-internals';
import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { composeSupergraph } from '../../../gateway/composition/composeSupergraph.ts';
import { loadContract, loadRegion } from '../../../schema/loadContract.ts';
import {
  MEETS_TARGET_COLOR, MISSES_TARGET_COLOR, NO_DATA_COLOR, SOURCE_COLOR, WATER_CLASS_COLOR,
  boardOption, formatChinaTime, optionSummary, sectionColor, sectionTooltip, stationStatus,
} from '../../../gateway/board/boardOption.ts';
import { REGION_QUERY, STATIONS_QUERY, type BoardCity, type BoardSection, type BoardStation } from '../../../gateway/board/boardQueries.ts';
import { emptyLiveLayer, withAlarm, withBureauStatus, withIncident, withReading } from '../../../gateway/board/boardLiveLayer.ts';
import { ALARM_COLOR, BUREAU_STATUS_STYLE } from '../../../gateway/board/boardLiveSeries.ts';
import type { BoardAlarm, BoardIncident, BoardResource } from '../../../gateway/board/boardLiveOperations.ts';

const at = (longitude: number, latitude: number) => ({ longitude, latitude });
const suining: BoardCity = { code: '510900', name: '遂宁市', bureauName: '遂宁市生态环境局', location: at(105.59, 30.53) };
const tongnan: BoardCity = { code: '500152', name: '潼南区', bureauName: '潼南区生态环境局', location: at(105.84, 30.19) };
const section = (name: string, assessment: BoardSection['assessment']): BoardSection => ({
  id: name, name, river: { name: '涪江' }, targetClass: 'III', location: at(105.7, 30.3),
  upstreamCity: suining, downstreamCity: tongnan, assessment,
});
const station = (kind: BoardStation['kind'], extra: Partial<BoardStation> = {}): BoardStation => ({
  id: `${kind}-1`, cityCode: '500152', name: `${kind} 站`, kind, location: at(105.8, 30.2),
  latest: { time: '2026-10-31T14:00:00+08:00' }, waterQuality: null, aqi: null, ...extra,
});

describe('sections', () => {
  it('are coloured by last month\'s assessment against the target, grey without one', () => {
    expect(sectionColor(section('光辉', { period: '2026-10', waterClass: 'II', descriptor: '优', meetsTarget: true }))).toBe(MEETS_TARGET_COLOR);
    expect(sectionColor(section('玉溪', { period: '2026-10', waterClass: 'IV', descriptor: '轻度污染', meetsTarget: false }))).toBe(MISSES_TARGET_COLOR);
    expect(sectionColor(section('无', null))).toBe(NO_DATA_COLOR);
  });

  it('say where they are, which way the river runs and what they were, Chinese first', () => {
    const text = sectionTooltip(section('玉溪', { period: '2026-10', waterClass: 'IV', descriptor: '轻度污染', meetsTarget: false }));
    expect(text).toBe('玉溪（涪江）<br/>遂宁市 → 潼南区<br/>目标 Ⅲ类；2026-10：Ⅳ类（轻度污染），未达标');
  });
});

describe('stations', () => {
  it('take the HJ 633 colour the graph gives with the AQI, the class colour for water, a fixed one for sources', () => {
    expect(stationStatus(station('AIR_QUALITY', { aqi: { result: { aqi: 72, category: '良', color: '#FFFF00' } } }))).toEqual({ color: '#FFFF00', text: 'AQI 72（良）' });
    expect(stationStatus(station('WATER_QUALITY', { waterQuality: { waterClass: 'WORSE_THAN_V' } }))).toEqual({ color: WATER_CLASS_COLOR.WORSE_THAN_V, text: '近 30 天 劣Ⅴ类' });
    expect(stationStatus(station('WATER_QUALITY')).color).toBe(NO_DATA_COLOR);
    expect(stationStatus(station('AIR_QUALITY')).color).toBe(NO_DATA_COLOR);
    expect(stationStatus(station('POLLUTION_SOURCE')).color).toBe(SOURCE_COLOR);
  });
});

describe('the option', () => {
  const option = boardOption({
    cities: [suining, tongnan],
    sections: [section('光辉', { period: '2026-10', waterClass: 'II', descriptor: '优', meetsTarget: true }), section('玉溪', null)],
    stations: [station('WATER_QUALITY'), station('AIR_QUALITY'), station('POLLUTION_SOURCE')],
    period: '2026-10',
  });
  const series = option['series'] as Array<{ id: string; data: Array<Record<string, unknown>> }>;
  const byId = (id: string) => series.find((s) => s.id === id)!;

  it('draws every bureau, every section (with its upstream → downstream line) and every station', () => {
    expect(optionSummary(option)).toMatchObject({ bureaus: ['遂宁市', '潼南区'], sections: ['光辉', '玉溪'], stations: 3, alarmed: [], incidents: [], resources: [] });
    expect(byId('flows').data[0]!['coords']).toEqual([[105.59, 30.53], [105.7, 30.3], [105.84, 30.19]]);
    expect(byId('sections').data.map((d) => d['meetsTarget'])).toEqual([true, null]);
    expect(byId('sections').data[0]!['itemStyle']).toMatchObject({ color: WATER_CLASS_COLOR.II, borderColor: MEETS_TARGET_COLOR });
  });

  it('marks 潼南区 and 荣昌区 as districts drawn inside 重庆市', () => {
    const geo = option['geo'] as { map: string; regions: Array<{ name: string }> };
    expect(geo.regions.map((r) => r.name)).toEqual(['潼南区', '荣昌区']);
  });

  it('reads an empty option as showing nothing', () => {
    expect(optionSummary({})).toEqual({ bureaus: [], sections: [], stations: 0, alarmed: [], bureauStatus: {}, incidents: [], resources: [] });
  });
});

describe('the option with the live layers', () => {
  const source = station('POLLUTION_SOURCE');
  const device = { id: 'device-1', cityCode: '500153', name: '新接入排口', kind: 'POLLUTION_SOURCE' as const, location: at(105.6, 29.4) };
  const raised = (on: typeof device | BoardStation): BoardAlarm => ({
    id: `${on.id}:OVER_LIMIT`, cityCode: on.cityCode, kind: 'OVER_LIMIT', severity: 'CRITICAL', code: 'a21026', name: '二氧化硫',
    from: '2026-12-07T02:00:00Z', to: '2026-12-07T02:00:00Z', reason: '超过限值 <550>', station: { id: on.id, cityCode: on.cityCode, name: on.name, kind: on.kind, location: on.location },
  });
  const incident: BoardIncident = {
    id: 'inc-1', cityCode: '510900', title: '琼江<b>柴油</b>泄漏', status: 'OPEN', occurredAt: '2026-12-07T08:30:00+08:00', location: at(105.56, 30.21),
    grade: { level: 'IV', name: '一般' }, pollutants: [], notices: [{ id: 'n-1', recipientCityCode: '500152', state: 'DELIVERED', deliveredAt: null, acknowledgedAt: null }],
  };
  const resource: BoardResource = {
    id: 'r-1', cityCode: '500152', name: '吸油拦截索', kind: 'MATERIAL', category: 'CONTAINMENT', quantity: 997, unit: '米', status: 'AVAILABLE', distanceKm: 28.2, location: at(105.8, 30.2),
  };
  let layer = withAlarm(withAlarm(emptyLiveLayer(), raised(source)), raised(device));
  layer = withReading(layer, source, { time: '2026-12-07T02:01:00Z', values: [{ code: 'a21026', name: '二氧化硫', value: 900, unit: 'mg/m³', flag: 'N' }] });
  layer = withIncident(withBureauStatus(withBureauStatus(layer, '510900', 'UP'), '500152', 'DOWN'), incident);
  const option = boardOption({
    cities: [suining, tongnan], sections: [], stations: [station('WATER_QUALITY'), source], period: '2026-10',
    live: layer, selected: { incident, resources: [resource] },
  });
  const series = option['series'] as Array<{ id: string; data: Array<Record<string, unknown>> }>;
  const byId = (id: string) => series.find((s) => s.id === id)!;

  it('draws stations with an alarm in the alarm colour, those only an event named included', () => {
    const summary = optionSummary(option);
    expect(summary.stations).toBe(3);
    expect(summary.alarmed).toEqual([source.id, device.id]);
    const drawn = byId('stations-POLLUTION_SOURCE').data.find((d) => d['id'] === source.id)!;
    expect(drawn['itemStyle']).toMatchObject({ color: ALARM_COLOR });
    // The tooltip has the alarm (China time, escaped) and the latest reading.
    expect((drawn['tooltip'] as { formatter: string }).formatter).toBe(
      'POLLUTION_SOURCE 站（污染源）<br/>污染源监测点<br/>告警（严重）二氧化硫 超过限值 &#60;550&#62;，自 2026-12-07 10:00<br/>最新 2026-12-07 10:01：二氧化硫 900 mg/m³');
    expect(byId('stations-WATER_QUALITY').data[0]!['itemStyle']).toMatchObject({ color: NO_DATA_COLOR });
  });

  it('colours each bureau by its state, unknown until told', () => {
    expect(optionSummary(option).bureauStatus).toEqual({ 遂宁市: 'UP', 潼南区: 'DOWN' });
    expect(byId('bureaus').data.map((d) => (d['itemStyle'] as { color: string }).color)).toEqual([BUREAU_STATUS_STYLE.UP.color, BUREAU_STATUS_STYLE.DOWN.color]);
    const plain = boardOption({ cities: [suining], sections: [], stations: [], period: '2026-10' });
    expect(optionSummary(plain).bureauStatus).toEqual({ 遂宁市: 'UNKNOWN' });
  });

  it('draws the open incidents with their notices and the selected one\'s resources with their distance', () => {
    const summary = optionSummary(option);
    expect(summary.incidents).toEqual([{ id: 'inc-1', title: '琼江<b>柴油</b>泄漏', notices: [{ recipientCityCode: '500152', state: 'DELIVERED' }] }]);
    expect(summary.resources).toEqual([{ name: '吸油拦截索', cityCode: '500152', distanceKm: 28.2 }]);
    expect((byId('incidents').data[0]!['tooltip'] as { formatter: string }).formatter).toBe(
      '琼江&#60;b&#62;柴油&#60;/b&#62;泄漏<br/>遂宁市报告 · 2026-12-07 08:30 · 一般（IV 级）<br/>通报：潼南区 已送达');
    expect(byId('resourceLinks').data).toEqual([{ coords: [[105.56, 30.21], [105.8, 30.2]] }]);
    const unselected = boardOption({ cities: [suining], sections: [], stations: [], period: '2026-10', live: layer });
    expect(optionSummary(unselected).resources).toEqual([]);
  });
});

describe('China time', () => {
  it('shows any instant as Beijing wall-clock time', () => {
    expect(formatChinaTime('2026-10-31T06:00:00Z')).toBe('2026-10-31 14:00');
    expect(formatChinaTime('2026-10-31T14:00:00+08:00')).toBe('2026-10-31 14:00');
    expect(formatChinaTime('not a time')).toBe('not a time');
  });
});

describe('the operations', () => {
  it('validate against the gateway\'s public schema', () => {
    const sdl = composeSupergraph({ typeDefs: loadRegion(), url: 'http://region.invalid/graphql' }, loadContract());
    const schema = Supergraph.build(sdl, { supportedFeatures: null }).apiSchema().toGraphQLJSSchema();
    for (const query of [REGION_QUERY, STATIONS_QUERY]) expect(validate(schema, parse(query)).map((e) => e.message)).toEqual([]);
  });
});
