/**
 * The board's readings panel: a station's last 24 h of one factor (chosen in a select box) as an
 * ECharts line, with the factor's limit drawn as a markLine.
 *
 * The limit comes from the graph, never from a constant in the page: the graph publishes a limit only
 * on an over-limit alarm (`Alarm.limit`: GB 3838 class for water stations, GB 3095 grade II for air,
 * the discharge standard for sources), so the panel draws the limits of the station's OVER_LIMIT
 * alarms on that factor in the same 24 h, and says so when there is none. `readings` and `alarms`
 * with no arguments both cover the 24 h up to the station's latest reading.
 *
 * Pure (no DOM, no ECharts import).
 */
import { formatChinaTime } from './boardOption.ts';
import { firstOf } from './boardPanelTrend.ts';

export const STATION_READINGS_QUERY = `query BoardStationReadings($id: ID!) {
  node(id: $id) {
    ... on Station {
      id cityCode name kind
      readings { time values { code name value unit flag } }
      alarms { kind code name limit { min max unit source } }
    }
  }
}`;

export interface ReadingsStation {
  readonly id: string;
  readonly cityCode: string;
  readonly name: string;
  readonly kind: string;
  readonly readings: ReadonlyArray<{
    readonly time: string;
    readonly values: ReadonlyArray<{ readonly code: string; readonly name: string; readonly value: number | null; readonly unit: string; readonly flag: string }>;
  }>;
  readonly alarms: ReadonlyArray<{
    readonly kind: string;
    readonly code: string | null;
    readonly name: string | null;
    readonly limit: { readonly min: number | null; readonly max: number | null; readonly unit: string; readonly source: string } | null;
  }>;
}
export interface ReadingsAnswer {
  /** Null, or without the station's fields, when the id names no station the caller may read. */
  readonly node: Partial<ReadingsStation> | null;
}

/** The station of an answer, or null when the id named no station (another kind of node, or none). */
export function readingsStation(answer: ReadingsAnswer | null | undefined): ReadingsStation | null {
  const node = answer?.node;
  return node && Array.isArray(node.readings) && Array.isArray(node.alarms) ? (node as ReadingsStation) : null;
}

export interface Factor {
  readonly code: string;
  readonly name: string;
  readonly unit: string;
}
export interface FactorLimit {
  readonly min: number | null;
  readonly max: number | null;
  readonly unit: string;
  readonly source: string;
}

/** The factors the station reported in the window, in the order it first reported them. */
export function readingFactors(station: ReadingsStation): Factor[] {
  const seen = new Map<string, Factor>();
  for (const reading of station.readings) {
    for (const v of reading.values) if (!seen.has(v.code)) seen.set(v.code, { code: v.code, name: v.name, unit: v.unit });
  }
  return [...seen.values()];
}

/** The distinct limits the graph gave for the factor, from the station's over-limit alarms. */
export function factorLimits(station: ReadingsStation, code: string): FactorLimit[] {
  const limits = new Map<string, FactorLimit>();
  for (const alarm of station.alarms) {
    if (alarm.kind !== 'OVER_LIMIT' || alarm.code !== code || !alarm.limit) continue;
    const { min, max, unit, source } = alarm.limit;
    limits.set(JSON.stringify([min, max, unit, source]), { min, max, unit, source });
  }
  return [...limits.values()];
}

/** The factor to open with: the first one over a limit, else the first reported. */
export function defaultFactor(station: ReadingsStation): string | null {
  const factors = readingFactors(station);
  return factors.find((f) => factorLimits(station, f.code).length > 0)?.code ?? factors[0]?.code ?? null;
}

/** Flag N is a valid value (HJ 212-2017 §6.6.4); others are drawn hollow and grey. */
const VALID_FLAG = 'N';

/** The line option: the factor's values by China time, non-N flags marked, each limit as a markLine. */
export function stationReadingsOption(station: ReadingsStation, code: string): Record<string, unknown> {
  const factor = readingFactors(station).find((f) => f.code === code);
  const points = station.readings.flatMap((r) => {
    const v = r.values.find((x) => x.code === code);
    return v ? [{ time: r.time, value: v.value, flag: v.flag }] : [];
  });
  const limits = factorLimits(station, code);
  const bounds = limits.flatMap((l) => [l.min, l.max]).filter((b): b is number => b !== null);
  const limitLines = limits.flatMap((l) => [
    ...(l.max === null ? [] : [{ name: `上限 ${l.max} ${l.unit}`, yAxis: l.max, bound: 'max' }]),
    ...(l.min === null ? [] : [{ name: `下限 ${l.min} ${l.unit}`, yAxis: l.min, bound: 'min' }]),
  ]);
  return {
    backgroundColor: 'transparent',
    animation: false,
    title: {
      text: `${factor?.name ?? code}${factor?.unit ? `（${factor.unit}）` : ''}`,
      subtext: `${station.name} · ${limits.length > 0 ? `限值 limit：${limits.map((l) => l.source).join('；')}` : '近 24 小时未超限，图中无此因子限值 / no limit in the graph'}`,
      left: 8, top: 0, itemGap: 4, textStyle: { color: '#e6edf3', fontSize: 13 },
      subtextStyle: { color: '#9fb3c8', fontSize: 11, width: 330, overflow: 'truncate' },
    },
    grid: { left: 52, right: 16, top: 58, bottom: 24 },
    tooltip: { trigger: 'axis', confine: true },
    xAxis: { type: 'category', data: points.map((p) => formatChinaTime(p.time).slice(5)), axisLabel: { color: '#9fb3c8', fontSize: 10 } },
    yAxis: {
      type: 'value', scale: true, axisLabel: { color: '#9fb3c8', fontSize: 10 }, splitLine: { lineStyle: { color: '#1f3a57' } },
      // Keep every limit inside the axis, so the line is drawn even when all values are far below it.
      ...(bounds.length > 0 && {
        max: (extent: { max: number }) => Math.max(extent.max, ...bounds),
        min: (extent: { min: number }) => Math.min(extent.min, ...bounds),
      }),
    },
    series: [{
      id: 'readings', name: `${factor?.name ?? code}（${factor?.unit ?? ''}）`, type: 'line', connectNulls: false, symbolSize: 6,
      lineStyle: { color: '#6fa8dc' }, itemStyle: { color: '#6fa8dc' },
      data: points.map((p) => ({
        value: p.value, flag: p.flag, time: p.time,
        ...(p.flag !== VALID_FLAG && { itemStyle: { color: '#9E9E9E' }, symbol: 'emptyCircle' }),
      })),
      markLine: {
        symbol: 'none', silent: true,
        lineStyle: { color: '#E60000', type: 'dashed', width: 2 },
        label: { formatter: '{b}', color: '#ff8080', position: 'insideEndTop', fontSize: 10 },
        data: limitLines,
      },
    }],
  };
}

export interface ReadingsSummary {
  readonly title: string;
  readonly points: number;
  /** The limit lines drawn, e.g. { bound: 'max', value: 1 }. */
  readonly limits: ReadonlyArray<{ readonly bound: string; readonly value: number }>;
}

/** What the readings chart shows, read back from its option (the page sets it as data attributes for tests). */
export function readingsSummary(option: Readonly<Record<string, unknown>>): ReadingsSummary {
  const series = (firstOf(option['series']) ?? {}) as {
    data?: unknown[];
    markLine?: { data?: Array<{ bound?: string; yAxis?: number }> };
  };
  return {
    title: (firstOf(option['title']) as { text?: string } | undefined)?.text ?? '',
    points: series.data?.length ?? 0,
    limits: (series.markLine?.data ?? []).map((d) => ({ bound: d.bound ?? '', value: d.yAxis ?? Number.NaN })),
  };
}
