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
    expect(optionSummary(option)).toEqual({ bureaus: ['遂宁市', '潼南区'], sections: ['光辉', '玉溪'], stations: 3 });
    expect(byId('flows').data[0]!['coords']).toEqual([[105.59, 30.53], [105.7, 30.3], [105.84, 30.19]]);
    expect(byId('sections').data.map((d) => d['meetsTarget'])).toEqual([true, null]);
    expect(byId('sections').data[0]!['itemStyle']).toMatchObject({ color: WATER_CLASS_COLOR.II, borderColor: MEETS_TARGET_COLOR });
  });

  it('marks 潼南区 and 荣昌区 as districts drawn inside 重庆市', () => {
    const geo = option['geo'] as { map: string; regions: Array<{ name: string }> };
    expect(geo.regions.map((r) => r.name)).toEqual(['潼南区', '荣昌区']);
  });

  it('reads an empty option as showing nothing', () => {
    expect(optionSummary({})).toEqual({ bureaus: [], sections: [], stations: 0 });
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
