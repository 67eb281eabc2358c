/**
 * Graph answers → the situation board's ECharts option: the bureaus' areas (a `map` series over the
 * registered geo), the cross-border sections coloured by last month's assessment (GB 3838-2002) with
 * an upstream → downstream line through each, and the stations coloured by their latest water class
 * or by the HJ 633 colour the graph gives with their AQI. Chinese first in every label.
 *
 * Pure (no DOM, no ECharts import): the browser app hands the result to `chart.setOption`, the unit
 * tests read it, and `optionSummary` is what the page exposes for the browser test.
 */
import type { LiveLayer } from './boardLiveLayer.ts';
import { ALARM_COLOR, BUREAU_STATUS_STYLE, alarmText, incidentSeries, readingText, type SelectedIncident } from './boardLiveSeries.ts';
import type { BoardCity, BoardSection, BoardStation, WaterClass } from './boardQueries.ts';
import { formatChinaTime } from './formatChinaTime.ts';

export { formatChinaTime };

/** The map name the app registers the bureaus' areas under (echarts.registerMap). */
export const BOARD_MAP = 'chengyu-bureaus';

export const WATER_CLASS_LABEL: Readonly<Record<WaterClass, string>> = {
  I: 'Ⅰ类', II: 'Ⅱ类', III: 'Ⅲ类', IV: 'Ⅳ类', V: 'Ⅴ类', WORSE_THAN_V: '劣Ⅴ类',
};
/**
 * GB 3838 classes as Chinese water-quality maps commonly colour them (the standard itself names no
 * colours): blue for Ⅰ–Ⅱ, green Ⅲ, yellow Ⅳ, orange Ⅴ, red worse than Ⅴ.
 */
export const WATER_CLASS_COLOR: Readonly<Record<WaterClass, string>> = {
  I: '#1E90FF', II: '#00BFFF', III: '#2E8B57', IV: '#FFD700', V: '#FF8C00', WORSE_THAN_V: '#E60000',
};
export const NO_DATA_COLOR = '#9E9E9E';
export const MEETS_TARGET_COLOR = '#2E8B57';
export const MISSES_TARGET_COLOR = '#E60000';
/** A pollution source (its alarm state is a later layer). */
export const SOURCE_COLOR = '#7B61FF';

const KIND_LABEL = { WATER_QUALITY: '水质站', AIR_QUALITY: '空气站', POLLUTION_SOURCE: '污染源' } as const;

export interface BoardInput {
  readonly cities: readonly BoardCity[];
  readonly sections: readonly BoardSection[];
  readonly stations: readonly BoardStation[];
  /** The assessment period shown, e.g. 2026-10. */
  readonly period: string;
  /** What the subscriptions and the cooperation queries added since the load. */
  readonly live?: LiveLayer;
  /** The incident whose nearest emergency resources are shown. */
  readonly selected?: SelectedIncident | null;
}

const point = (p: { readonly longitude: number; readonly latitude: number }) => [p.longitude, p.latitude] as const;

/** A section's colour: its assessment against the target; grey without one. */
export function sectionColor(section: BoardSection): string {
  if (!section.assessment) return NO_DATA_COLOR;
  return section.assessment.meetsTarget ? MEETS_TARGET_COLOR : MISSES_TARGET_COLOR;
}

export function sectionTooltip(section: BoardSection): string {
  const route = `${section.upstreamCity?.name ?? '？'} → ${section.downstreamCity?.name ?? '？'}`;
  const target = `目标 ${WATER_CLASS_LABEL[section.targetClass]}`;
  const assessed = section.assessment
    ? `${section.assessment.period}：${WATER_CLASS_LABEL[section.assessment.waterClass]}（${section.assessment.descriptor}），${section.assessment.meetsTarget ? '达标' : '未达标'}`
    : '无评价数据 / no assessment';
  return `${section.name}（${section.river.name}）<br/>${route}<br/>${target}；${assessed}`;
}

/** A station's colour and what it says: water class, HJ 633 AQI colour, or the source colour. */
export function stationStatus(station: BoardStation): { readonly color: string; readonly text: string } {
  if (station.kind === 'AIR_QUALITY') {
    return station.aqi ? { color: station.aqi.result.color, text: `AQI ${station.aqi.result.aqi}（${station.aqi.result.category}）` } : { color: NO_DATA_COLOR, text: '无 AQI 数据' };
  }
  if (station.kind === 'WATER_QUALITY') {
    return station.waterQuality
      ? { color: WATER_CLASS_COLOR[station.waterQuality.waterClass], text: `近 30 天 ${WATER_CLASS_LABEL[station.waterQuality.waterClass]}` }
      : { color: NO_DATA_COLOR, text: '无水质评价' };
  }
  return { color: SOURCE_COLOR, text: '污染源监测点' };
}

/**
 * The stations to draw: the loaded ones, then those only events named (a device registered since the
 * load), each with its alarm and latest reading from the live layer.
 */
function drawnStations(input: BoardInput) {
  const loaded = new Set(input.stations.map((s) => s.id));
  const added: BoardStation[] = [...(input.live?.stations.values() ?? [])]
    .filter((s) => !loaded.has(s.id))
    .map((s) => ({ ...s, latest: null, waterQuality: null, aqi: null }));
  return [...input.stations, ...added].map((station) => ({
    station, alarm: input.live?.alarms.get(station.id) ?? null, reading: input.live?.readings.get(station.id) ?? null,
  }));
}

export function boardOption(input: BoardInput): Record<string, unknown> {
  const citiesByName = new Map(input.cities.map((c) => [c.name, c]));
  const cityNames = new Map(input.cities.map((c) => [c.code, c.name]));
  const stations = drawnStations(input);
  return {
    backgroundColor: '#0b1a2a',
    tooltip: { trigger: 'item', confine: true },
    legend: {
      top: 8, left: 8, orient: 'vertical', textStyle: { color: '#e6edf3' },
      data: ['跨界断面', '上下游', '水质站', '空气站', '污染源', '突发环境事件', '应急资源'],
    },
    geo: {
      map: BOARD_MAP, roam: true, layoutCenter: ['50%', '52%'], layoutSize: '95%',
      label: { show: true, color: '#e6edf3', fontSize: 13 },
      itemStyle: { areaColor: '#16324f', borderColor: '#6fa8dc', borderWidth: 1 },
      emphasis: { itemStyle: { areaColor: '#1f4e79' }, label: { color: '#fff' } },
      // 潼南区 and 荣昌区 lie inside 重庆市: drawn on top, in a lighter shade, with a bolder edge.
      regions: ['潼南区', '荣昌区'].map((name) => ({ name, itemStyle: { areaColor: '#24507a', borderColor: '#ffd27f', borderWidth: 2 } })),
      tooltip: { formatter: (p: { name: string }) => citiesByName.get(p.name)?.bureauName ?? p.name },
    },
    series: [
      {
        id: 'bureaus', name: '生态环境局', type: 'scatter', coordinateSystem: 'geo', symbol: 'pin', symbolSize: 22, z: 3,
        data: input.cities.map((c) => {
          const status = input.live?.bureaus.get(c.code) ?? 'UNKNOWN';
          const style = BUREAU_STATUS_STYLE[status];
          return { name: c.name, value: [...point(c.location)], code: c.code, status, itemStyle: { color: style.color }, tooltip: { formatter: `${c.bureauName}<br/>${style.label}` } };
        }),
      },
      {
        id: 'flows', name: '上下游', type: 'lines', coordinateSystem: 'geo', polyline: true, z: 4,
        symbol: ['none', 'arrow'], symbolSize: 8,
        lineStyle: { width: 2, opacity: 0.8, curveness: 0 },
        data: input.sections.filter((s) => s.upstreamCity && s.downstreamCity).map((s) => ({
          name: s.name,
          coords: [point(s.upstreamCity!.location), point(s.location), point(s.downstreamCity!.location)].map((p) => [...p]),
          lineStyle: { color: sectionColor(s) },
          tooltip: { formatter: `${s.upstreamCity!.name} → ${s.downstreamCity!.name}（${s.name}）` },
        })),
      },
      {
        id: 'sections', name: '跨界断面', type: 'scatter', coordinateSystem: 'geo', symbol: 'diamond', symbolSize: 16, z: 6,
        label: { show: true, position: 'right', formatter: '{b}', color: '#fff', fontSize: 11 },
        data: input.sections.map((s) => ({
          name: s.name, id: s.id, value: [...point(s.location)],
          itemStyle: { color: s.assessment ? WATER_CLASS_COLOR[s.assessment.waterClass] : NO_DATA_COLOR, borderColor: sectionColor(s), borderWidth: 3 },
          meetsTarget: s.assessment?.meetsTarget ?? null,
          tooltip: { formatter: sectionTooltip(s) },
        })),
      },
      ...(['WATER_QUALITY', 'AIR_QUALITY', 'POLLUTION_SOURCE'] as const).map((kind) => ({
        id: `stations-${kind}`, name: KIND_LABEL[kind], type: 'scatter', coordinateSystem: 'geo', z: 5,
        symbol: kind === 'POLLUTION_SOURCE' ? 'triangle' : 'circle', symbolSize: 9,
        data: stations.filter(({ station }) => station.kind === kind).map(({ station: s, alarm, reading }) => {
          const status = stationStatus(s);
          const lines = [`${s.name}（${KIND_LABEL[kind]}）`, status.text];
          if (alarm) lines.push(alarmText(alarm));
          if (reading) lines.push(readingText(reading));
          else if (s.latest) lines.push(`最新数据 ${formatChinaTime(s.latest.time)}`);
          return {
            name: s.name, id: s.id, value: [...point(s.location)], alarmed: alarm !== null,
            symbolSize: alarm ? 14 : 9,
            itemStyle: { color: alarm ? ALARM_COLOR : status.color, borderColor: '#fff', borderWidth: 1 },
            tooltip: { formatter: lines.join('<br/>') },
          };
        }),
      })),
      ...incidentSeries([...(input.live?.incidents.values() ?? [])], input.selected ?? null, cityNames),
    ],
  };
}

/** What the map shows, read back from an option's series (the page exposes it for tests). */
export interface OptionSummary {
  readonly bureaus: string[];
  readonly sections: string[];
  readonly stations: number;
  /** Ids of the stations drawn in the alarm colour. */
  readonly alarmed: string[];
  /** Each bureau's state as its pin shows it, by name. */
  readonly bureauStatus: Record<string, string>;
  /** The incidents drawn, with their notices' recipients and states. */
  readonly incidents: Array<{ id: string; title: string; notices: Array<{ recipientCityCode: string; state: string }> }>;
  /** The emergency resources drawn for the selected incident: name, bureau and distance. */
  readonly resources: Array<{ name: string; cityCode: string; distanceKm: number | null }>;
}

interface DrawnItem {
  readonly name: string;
  readonly id?: string;
  readonly status?: string;
  readonly itemStyle?: { readonly color?: string };
  readonly notices?: Array<{ recipientCityCode: string; state: string }>;
  readonly cityCode?: string;
  readonly distanceKm?: number | null;
}

export function optionSummary(option: { readonly series?: unknown }): OptionSummary {
  const series = (Array.isArray(option.series) ? option.series : []) as Array<{ id?: string; data?: DrawnItem[] }>;
  const items = (id: string) => series.find((s) => s.id === id)?.data ?? [];
  const stationItems = series.filter((s) => s.id?.startsWith('stations-')).flatMap((s) => s.data ?? []);
  return {
    bureaus: items('bureaus').map((d) => d.name),
    sections: items('sections').map((d) => d.name),
    stations: stationItems.length,
    alarmed: stationItems.filter((d) => d.itemStyle?.color === ALARM_COLOR).map((d) => d.id ?? d.name),
    bureauStatus: Object.fromEntries(items('bureaus').map((d) => [d.name, d.status ?? 'UNKNOWN'])),
    incidents: items('incidents').map((d) => ({ id: d.id ?? '', title: d.name, notices: d.notices ?? [] })),
    resources: items('resources').map((d) => ({ name: d.name, cityCode: d.cityCode ?? '', distanceKm: d.distanceKm ?? null })),
  };
}
