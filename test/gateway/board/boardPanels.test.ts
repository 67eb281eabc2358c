import { Supergraph } from '@apollo/federation-internals';
import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { composeSupergraph } from '../../../gateway/composition/composeSupergraph.ts';
import { loadContract, loadRegion } from '../../../schema/loadContract.ts';
import { WATER_CLASS_COLOR } from '../../../gateway/board/boardOption.ts';
import {
  MAX_ROOT_FIELDS, bureauCountsRequests, bureauCountsRows, countText, startOfTodayCst,
} from '../../../gateway/board/boardPanelCounts.ts';
import { BULLETIN_EXCHANGE_QUERY, exchangeMatrix, exchangeWindow } from '../../../gateway/board/boardPanelExchange.ts';
import {
  STATION_READINGS_QUERY, defaultFactor, factorLimits, readingFactors, readingsStation, readingsSummary, stationReadingsOption,
  type ReadingsStation,
} from '../../../gateway/board/boardPanelReadings.ts';
import { PANEL_CONTEXT_QUERY, initialSelection, selectionFromClick } from '../../../gateway/board/boardPanelSelection.ts';
import {
  sectionTrendOption, sectionTrendQuery, sectionTrendVariables, trendMonths, trendSummary, type TrendSection,
} from '../../../gateway/board/boardPanelTrend.ts';

const CITIES = [
  { code: '500000', name: '重庆市' }, { code: '500152', name: '潼南区' }, { code: '510900', name: '遂宁市' },
];

describe('the section trend panel', () => {
  it('covers the 12 months ending with the last full month, across a year end', () => {
    expect(trendMonths('2026-02')).toEqual([
      '2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02',
    ]);
    expect(trendMonths('2026-12', 2)).toEqual(['2026-11', '2026-12']);
    expect(() => trendMonths('2026-1')).toThrow('not a month');
    expect(sectionTrendVariables('fujiang', ['2026-10', '2026-11'])).toEqual({ riverId: 'fujiang', p0: '2026-10', p1: '2026-11' });
  });

  const section: TrendSection = {
    id: 'fujiang-yuxi', name: '玉溪', targetClass: 'III', river: { name: '涪江' },
    upstreamCity: { name: '遂宁市' }, downstreamCity: { name: '潼南区' },
    m0: null,
    m1: { period: '2026-10', waterClass: 'II', meetsTarget: true },
    m2: { period: '2026-11', waterClass: 'IV', meetsTarget: false },
  };
  const months = ['2026-09', '2026-10', '2026-11'];
  const option = sectionTrendOption(section, months);
  const series = (option['series'] as Array<{ data: Array<Record<string, unknown>>; markLine: { data: Array<Record<string, unknown>> } }>)[0]!;

  it('plots each month\'s class (Ⅰ = 1 … 劣Ⅴ = 6, best on top), a gap where there is no assessment, and the target as a line', () => {
    expect(series.data.map((d) => d['value'])).toEqual([null, 2, 4]);
    expect(series.data[2]!['itemStyle']).toMatchObject({ color: WATER_CLASS_COLOR.IV, borderColor: '#E60000' });
    expect(series.markLine.data).toEqual([{ name: 'target', yAxis: 3, targetClass: 'III' }]);
    expect(option['yAxis']).toMatchObject({ min: 1, max: 6, inverse: true });
    const label = (option['yAxis'] as { axisLabel: { formatter: (rank: number) => string } }).axisLabel.formatter;
    expect([1, 3, 6].map(label)).toEqual(['Ⅰ类', 'Ⅲ类', '劣Ⅴ类']);
    expect((option['title'] as { subtext: string }).subtext).toBe('遂宁市 → 潼南区 · 目标 Ⅲ类 target');
  });

  it('reads back what it draws, from the option as given or as ECharts returns it', () => {
    const summary = { section: '玉溪', months, classes: [null, 'II', 'IV'], target: 'III' };
    expect(trendSummary(option)).toEqual(summary);
    const normalised = { ...option, title: [option['title']], xAxis: [option['xAxis']] };
    expect(trendSummary(normalised)).toEqual(summary);
    expect(trendSummary({})).toEqual({ section: '', months: [], classes: [], target: null });
  });
});

describe('the station readings panel', () => {
  const value = (code: string, v: number | null, flag = 'N') => ({ code, name: code === 'w21003' ? '氨氮' : 'pH值', value: v, unit: code === 'w21003' ? 'mg/L' : '无量纲', flag });
  const station: ReadingsStation = {
    id: 'U3Q', cityCode: '511600', name: '界牌水质自动监测站', kind: 'WATER_QUALITY',
    readings: [
      { time: '2026-12-06T20:00:00+08:00', values: [value('w01001', 7.9), value('w21003', 0.8)] },
      { time: '2026-12-07T00:00:00+08:00', values: [value('w01001', 7.8), value('w21003', 1.2)] },
      { time: '2026-12-07T04:00:00+08:00', values: [value('w01001', 7.7), value('w21003', null, 'D')] },
    ],
    alarms: [
      { kind: 'SPIKE', code: 'w21003', name: '氨氮', limit: null },
      { kind: 'OVER_LIMIT', code: 'w21003', name: '氨氮', limit: { min: null, max: 1, unit: 'mg/L', source: 'GB 3838-2002 class III' } },
      { kind: 'OVER_LIMIT', code: 'w21003', name: '氨氮', limit: { min: null, max: 1, unit: 'mg/L', source: 'GB 3838-2002 class III' } },
      { kind: 'OVER_LIMIT', code: 'w01001', name: 'pH值', limit: { min: 6, max: 9, unit: '无量纲', source: 'GB 3838-2002 class III' } },
    ],
  };

  it('offers the factors reported, opens on one over its limit, and takes its limits only from over-limit alarms', () => {
    expect(readingFactors(station).map((f) => f.code)).toEqual(['w01001', 'w21003']);
    expect(defaultFactor({ ...station, alarms: station.alarms.slice(0, 3) })).toBe('w21003');
    expect(defaultFactor({ ...station, alarms: [] })).toBe('w01001');
    expect(defaultFactor({ ...station, readings: [] })).toBeNull();
    expect(factorLimits(station, 'w21003')).toEqual([{ min: null, max: 1, unit: 'mg/L', source: 'GB 3838-2002 class III' }]);
    expect(factorLimits(station, 'w99999')).toEqual([]);
  });

  it('draws the factor\'s 24 h by China time, an invalid flag hollow and grey, and each bound as a markLine kept on the axis', () => {
    const option = stationReadingsOption(station, 'w21003');
    const series = (option['series'] as Array<{ data: Array<Record<string, unknown>> }>)[0]!;
    expect((option['xAxis'] as { data: string[] }).data).toEqual(['12-06 20:00', '12-07 00:00', '12-07 04:00']);
    expect(series.data.map((d) => d['value'])).toEqual([0.8, 1.2, null]);
    expect(series.data[2]).toMatchObject({ flag: 'D', symbol: 'emptyCircle' });
    expect(readingsSummary(option)).toEqual({ title: '氨氮（mg/L）', points: 3, limits: [{ bound: 'max', value: 1 }] });
    const yAxis = option['yAxis'] as { max: (e: { max: number }) => number; min: (e: { min: number }) => number };
    expect(yAxis.max({ max: 0.5 })).toBe(1);
    expect(yAxis.max({ max: 3 })).toBe(3);

    const ph = stationReadingsOption(station, 'w01001');
    expect(readingsSummary(ph).limits).toEqual([{ bound: 'max', value: 9 }, { bound: 'min', value: 6 }]);
    expect((ph['yAxis'] as { min: (e: { min: number }) => number }).min({ min: 7.7 })).toBe(6);
  });

  it('draws no limit line and says why when the graph gave none', () => {
    const option = stationReadingsOption({ ...station, alarms: [] }, 'w21003');
    expect(readingsSummary(option).limits).toEqual([]);
    expect((option['title'] as { subtext: string }).subtext).toContain('图中无此因子限值');
    expect(option['yAxis']).not.toHaveProperty('max');
  });

  it('takes only a station from the answer', () => {
    expect(readingsStation({ node: station })).toBe(station);
    expect(readingsStation({ node: {} })).toBeNull();
    expect(readingsStation({ node: null })).toBeNull();
    expect(readingsStation(null)).toBeNull();
  });
});

describe('the per-bureau counts panel', () => {
  it('asks one operation per count, never more root fields than the gateway allows', () => {
    const codes = Array.from({ length: 12 }, (_, i) => String(500000 + i));
    const requests = bureauCountsRequests(codes, '2026-12-07T00:00:00+08:00');
    expect(requests).toHaveLength(6);
    for (const { query } of requests) expect(parse(query).definitions.length).toBe(1);
    for (const { query } of requests) expect((query.match(/^\s+\w+_\d{6}:/gm) ?? []).length).toBeLessThanOrEqual(MAX_ROOT_FIELDS);
    expect(requests.filter((r) => r.query.includes('alarms(')).map((r) => r.variables)).toEqual([
      { since: '2026-12-07T00:00:00+08:00' }, { since: '2026-12-07T00:00:00+08:00' },
    ]);
    expect(() => bureauCountsRequests(['500000"]) { x }'], '')).toThrow('not a GB/T 2260 code');
  });

  it('shows public counts, and marks the ones that need a token or are out of reach instead of failing', () => {
    const rows = bureauCountsRows(CITIES, {
      data: {
        alarmsToday_500000: { totalCount: 5 }, alarmsToday_500152: { totalCount: 0 }, alarmsToday_510900: null,
        openIncidents_500000: null, openIncidents_500152: { totalCount: 2 }, openIncidents_510900: null,
        pendingNotices_500000: null, pendingNotices_500152: { totalCount: 1 }, pendingNotices_510900: null,
      },
      errors: [
        { message: 'x', path: ['openIncidents_500000'], extensions: { code: 'UNAUTHENTICATED' } },
        { message: 'x', path: ['pendingNotices_500000'], extensions: { code: 'UNAUTHENTICATED' } },
        { message: 'x', path: ['openIncidents_510900'], extensions: { code: 'FORBIDDEN' } },
        { message: 'x', path: ['alarmsToday_510900'], extensions: { code: 'CITY_UNAVAILABLE' } },
      ],
    });
    const shown = Object.fromEntries(rows.map((r) => [r.name, [r.counts.openIncidents, r.counts.pendingNotices, r.counts.alarmsToday].map(countText)]));
    expect(shown).toEqual({
      重庆市: ['需令牌 token', '需令牌 token', '5'],
      潼南区: ['2', '1', '0'],
      遂宁市: ['无权限 no access', '暂不可用 n/a', '暂不可用 n/a'],
    });
    expect(bureauCountsRows(CITIES.slice(0, 1), { data: null }).map((r) => r.counts.alarmsToday)).toEqual([{ kind: 'unavailable' }]);
  });

  it('counts alarms from 00:00 China time today', () => {
    expect(startOfTodayCst(new Date('2026-12-06T16:30:00Z'))).toBe('2026-12-07T00:00:00+08:00');
    expect(startOfTodayCst(new Date('2026-12-06T15:59:00Z'))).toBe('2026-12-06T00:00:00+08:00');
  });
});

describe('the bulletin exchange panel', () => {
  it('asks for the last 12 months up to the end of today, China time', () => {
    expect(exchangeWindow(new Date('2026-12-06T16:30:00Z'))).toEqual({ from: '2025-12-07T00:00:00+08:00', to: '2026-12-08T00:00:00+08:00' });
    expect(exchangeWindow(new Date('2026-12-31T17:00:00Z'))).toEqual({ from: '2026-01-01T00:00:00+08:00', to: '2027-01-02T00:00:00+08:00' });
  });

  it('makes a sender × recipient matrix, adds a pair\'s two directions for the agreement\'s statistic, and skips nonsense', () => {
    const matrix = exchangeMatrix(CITIES, [
      { senderCityCode: '510900', recipientCityCode: '500152', count: 3 },
      { senderCityCode: '500152', recipientCityCode: '510900', count: 2 },
      { senderCityCode: '510900', recipientCityCode: '500152', count: 1 },
      { senderCityCode: '510900', recipientCityCode: '500000', count: 1 },
      { senderCityCode: '500000', recipientCityCode: '511600', count: 4 },
      { senderCityCode: '500000', recipientCityCode: '500152', count: -1 },
      { senderCityCode: '500000', recipientCityCode: '500152', count: 0.5 },
    ]);
    expect(matrix.bureaus.map((b) => b.name)).toEqual(['重庆市', '潼南区', '遂宁市', '511600']);
    expect(matrix.cells).toEqual([[0, 0, 0, 4], [0, 0, 2, 0], [1, 4, 0, 0], [0, 0, 0, 0]]);
    expect(matrix.pairs).toEqual([{ a: '潼南区', b: '遂宁市', count: 6 }, { a: '重庆市', b: '511600', count: 4 }, { a: '重庆市', b: '遂宁市', count: 1 }]);
    expect(matrix.total).toBe(11);
    expect(exchangeMatrix(CITIES, [])).toMatchObject({ total: 0, pairs: [] });
  });
});

describe('selection', () => {
  it('selects a section or a station from a click on its map marker, nothing from anything else', () => {
    expect(selectionFromClick({ seriesId: 'sections', data: { id: 'fujiang-yuxi' } })).toEqual({ kind: 'section', id: 'fujiang-yuxi' });
    expect(selectionFromClick({ seriesId: 'stations-AIR_QUALITY', data: { id: 'U3Q' } })).toEqual({ kind: 'station', id: 'U3Q' });
    expect(selectionFromClick({ seriesId: 'bureaus', data: { id: 'x' } })).toBeNull();
    expect(selectionFromClick({ seriesId: 'sections', data: {} })).toBeNull();
    expect(selectionFromClick({})).toBeNull();
  });

  it('opens on the first section and the station of the latest over-limit alarm, else any alarm, else a water station', () => {
    const sections = [{ id: 's1', name: '光辉', river: { id: 'qiongjiang' } }];
    const stations = { edges: [{ node: { id: 'water' } }] };
    const alarm = (kind: string, id: string) => ({ node: { kind, station: { id } } });
    expect(initialSelection({ sections, stations, alarms: { edges: [alarm('SPIKE', 'a'), alarm('OVER_LIMIT', 'b')] } })).toEqual({ sectionId: 's1', stationId: 'b' });
    expect(initialSelection({ sections, stations, alarms: { edges: [alarm('SPIKE', 'a')] } })).toEqual({ sectionId: 's1', stationId: 'a' });
    expect(initialSelection({ stations, alarms: null })).toEqual({ sectionId: null, stationId: 'water' });
    expect(initialSelection({})).toEqual({ sectionId: null, stationId: null });
  });
});

describe('the panels\' operations', () => {
  it('validate against the gateway\'s public schema', () => {
    const sdl = composeSupergraph({ typeDefs: loadRegion(), url: 'http://region.invalid/graphql' }, loadContract());
    const schema = Supergraph.build(sdl, { supportedFeatures: null }).apiSchema().toGraphQLJSSchema();
    const operations = [
      sectionTrendQuery(), STATION_READINGS_QUERY, BULLETIN_EXCHANGE_QUERY, PANEL_CONTEXT_QUERY,
      ...bureauCountsRequests(CITIES.map((c) => c.code), '2026-12-07T00:00:00+08:00').map((r) => r.query),
    ];
    for (const query of operations) expect(validate(schema, parse(query)).map((e) => e.message)).toEqual([]);
  });
});
