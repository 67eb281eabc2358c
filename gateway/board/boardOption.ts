/**
 * Graph answers → the situation board's ECharts option: the bureaus' areas (a `map` series over the
 * registered geo), the cross-border sections coloured by last month's assessment (GB 3838-2002) with
 * an upstream → downstream line through each, and the stations coloured by their latest water class
 * or by the HJ 633 colour the graph gives with their AQI. Chinese first in every label.
 *
 * Pure (no DOM, no ECharts import): the browser app hands the result to `chart.setOption`, the unit
 * tests read it, and `optionSummary` is what the page exposes for the browser test.
 */
import type { BoardCity, BoardSection, BoardStation, WaterClass } from './boardQueries.ts';

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

export function boardOption(input: BoardInput): Record<string, unknown> {
  const citiesByName = new Map(input.cities.map((c) => [c.name, c]));
  return {
    backgroundColor: '#0b1a2a',
    tooltip: { trigger: 'item', confine: true },
    legend: {
      top: 8, left: 8, orient: 'vertical', textStyle: { color: '#e6edf3' },
      data: ['跨界断面', '上下游', '水质站', '空气站', '污染源'],
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
        id: 'bureaus', name: '生态环境局', type: 'scatter', coordinateSystem: 'geo', symbol: 'pin', symbolSize: 18, z: 3,
        itemStyle: { color: '#6fa8dc' },
        data: input.cities.map((c) => ({ name: c.name, value: [...point(c.location)], code: c.code, tooltip: { formatter: c.bureauName } })),
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
        data: input.stations.filter((s) => s.kind === kind).map((s) => {
          const status = stationStatus(s);
          return {
            name: s.name, id: s.id, value: [...point(s.location)], itemStyle: { color: status.color, borderColor: '#fff', borderWidth: 1 },
            tooltip: { formatter: `${s.name}（${KIND_LABEL[kind]}）<br/>${status.text}${s.latest ? `<br/>最新数据 ${formatChinaTime(s.latest.time)}` : ''}` },
          };
        }),
      })),
    ],
  };
}

/** An instant as China time, "2026-10-31 14:00" (the graph's DateTimes carry +08:00; any offset is converted). */
export function formatChinaTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** What the map shows, by name, read back from an option's series (the page exposes it for tests). */
export function optionSummary(option: { readonly series?: unknown }): { bureaus: string[]; sections: string[]; stations: number } {
  const series = (Array.isArray(option.series) ? option.series : []) as Array<{ id?: string; data?: Array<{ name: string }> }>;
  const names = (id: string) => (series.find((s) => s.id === id)?.data ?? []).map((d) => d.name);
  return {
    bureaus: names('bureaus'),
    sections: names('sections'),
    stations: series.filter((s) => s.id?.startsWith('stations-')).reduce((n, s) => n + (s.data?.length ?? 0), 0),
  };
}
