/**
 * The board's trend panel: a cross-border section's GB 3838-2002 class in each of the last 12 months
 * (China time), as an ECharts line, with the section's target class drawn as a line across it.
 *
 * The graph has no `section(id)` root field and no assessment series: the panel asks for the
 * sections of the section's river (`sections(riverId:, crossBorderOnly: true)`) with one aliased
 * `assessment(period:)` per month, and keeps the one selected. A month without valid data answers
 * null (with INSUFFICIENT_DATA at its path) and is drawn as a gap, never as a class.
 *
 * Pure (no DOM, no ECharts import).
 */
import { WATER_CLASS_COLOR, WATER_CLASS_LABEL } from './boardOption.ts';
import type { WaterClass } from './boardQueries.ts';

export const TREND_MONTHS = 12;

/** The classes from best to worst; a class's position + 1 is what the chart plots (Ⅰ = 1 … 劣Ⅴ = 6). */
export const WATER_CLASSES: readonly WaterClass[] = ['I', 'II', 'III', 'IV', 'V', 'WORSE_THAN_V'];

export interface TrendAssessment {
  readonly period: string;
  readonly waterClass: WaterClass;
  readonly meetsTarget: boolean;
}
export interface TrendSection {
  readonly id: string;
  readonly name: string;
  readonly targetClass: WaterClass;
  readonly river: { readonly name: string };
  readonly upstreamCity: { readonly name: string } | null;
  readonly downstreamCity: { readonly name: string } | null;
  /** `m0` … `m11`, one per month of `trendMonths`, oldest first. */
  readonly [month: `m${number}`]: TrendAssessment | null | undefined;
}
export interface TrendAnswer {
  readonly sections: readonly TrendSection[];
}

/** The `count` calendar months ending with `lastMonth` ("2026-10"), oldest first. */
export function trendMonths(lastMonth: string, count: number = TREND_MONTHS): string[] {
  const match = /^(\d{4})-(\d{2})$/.exec(lastMonth);
  if (!match) throw new RangeError(`not a month: ${lastMonth}`);
  const last = Number(match[1]) * 12 + Number(match[2]) - 1;
  return Array.from({ length: count }, (_, i) => {
    const m = last - (count - 1 - i);
    return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
  });
}

/** The operation: the river's cross-border sections with one assessment per month ($p0 … as `m0` …). */
export function sectionTrendQuery(monthCount: number = TREND_MONTHS): string {
  const indexes = Array.from({ length: monthCount }, (_, i) => i);
  return `query BoardSectionTrend($riverId: ID!, ${indexes.map((i) => `$p${i}: String!`).join(', ')}) {
  sections(riverId: $riverId, crossBorderOnly: true) {
    id name targetClass river { name } upstreamCity { name } downstreamCity { name }
    ${indexes.map((i) => `m${i}: assessment(period: $p${i}) { period waterClass meetsTarget }`).join('\n    ')}
  }
}`;
}

/** The variables for `sectionTrendQuery`: the river and `p0` … one month each. */
export function sectionTrendVariables(riverId: string, months: readonly string[]): Record<string, string> {
  return Object.fromEntries([['riverId', riverId], ...months.map((m, i) => [`p${i}`, m])]);
}

/** A component of an option as given (an object) or as `chart.getOption()` returns it (an array). */
export function firstOf(component: unknown): unknown {
  return Array.isArray(component) ? component[0] : component;
}

const classRank = (c: WaterClass): number => WATER_CLASSES.indexOf(c) + 1;

/** The line option: one point per month (null where there is no assessment), the target as a markLine. */
export function sectionTrendOption(section: TrendSection, months: readonly string[]): Record<string, unknown> {
  const assessed = months.map((_, i) => section[`m${i}`] ?? null);
  const target = WATER_CLASS_LABEL[section.targetClass];
  return {
    backgroundColor: 'transparent',
    animation: false,
    title: {
      text: `${section.name}（${section.river.name}）`,
      subtext: `${section.upstreamCity?.name ?? '？'} → ${section.downstreamCity?.name ?? '？'} · 目标 ${target} target`,
      left: 8, top: 0, textStyle: { color: '#e6edf3', fontSize: 13 }, subtextStyle: { color: '#9fb3c8', fontSize: 11 }, itemGap: 4,
    },
    grid: { left: 52, right: 16, top: 58, bottom: 24 },
    tooltip: { trigger: 'axis', confine: true },
    xAxis: { type: 'category', data: [...months], axisLabel: { color: '#9fb3c8', fontSize: 10 } },
    yAxis: {
      type: 'value', min: 1, max: WATER_CLASSES.length, interval: 1, inverse: true,
      axisLabel: { color: '#9fb3c8', fontSize: 10, formatter: (rank: number) => WATER_CLASS_LABEL[WATER_CLASSES[rank - 1] ?? 'WORSE_THAN_V'] },
      splitLine: { lineStyle: { color: '#1f3a57' } },
    },
    series: [{
      id: 'trend', name: '水质类别 class', type: 'line', connectNulls: false, symbolSize: 9,
      lineStyle: { color: '#6fa8dc' },
      data: assessed.map((a) => (a
        ? {
            value: classRank(a.waterClass), waterClass: a.waterClass, meetsTarget: a.meetsTarget,
            itemStyle: { color: WATER_CLASS_COLOR[a.waterClass], borderColor: a.meetsTarget ? '#2E8B57' : '#E60000', borderWidth: 2 },
          }
        : { value: null, waterClass: null, meetsTarget: null })),
      tooltip: {
        valueFormatter: (rank: number | null) => (rank === null ? '无评价 / no data' : WATER_CLASS_LABEL[WATER_CLASSES[rank - 1] ?? 'WORSE_THAN_V']),
      },
      markLine: {
        symbol: 'none', silent: true,
        lineStyle: { color: '#ffd27f', type: 'dashed', width: 2 },
        label: { formatter: `目标 ${target}`, color: '#ffd27f', position: 'insideEndTop' },
        data: [{ name: 'target', yAxis: classRank(section.targetClass), targetClass: section.targetClass }],
      },
    }],
  };
}

export interface TrendSummary {
  readonly section: string;
  readonly months: readonly string[];
  /** The class drawn for each month, null for a gap. */
  readonly classes: ReadonlyArray<WaterClass | null>;
  readonly target: WaterClass | null;
}

/** What the trend chart shows, read back from its option (the page sets it as data attributes for tests). */
export function trendSummary(option: Readonly<Record<string, unknown>>): TrendSummary {
  const title = (firstOf(option['title']) as { text?: string } | undefined)?.text ?? '';
  const months = ((firstOf(option['xAxis']) as { data?: string[] } | undefined)?.data ?? []).slice();
  const series = (firstOf(option['series']) ?? {}) as {
    data?: Array<{ value: number | null }>;
    markLine?: { data?: Array<{ yAxis?: number }> };
  };
  const fromRank = (rank: number | null | undefined): WaterClass | null => (rank ? WATER_CLASSES[rank - 1] ?? null : null);
  return {
    section: title.replace(/（.*$/, ''),
    months,
    classes: (series.data ?? []).map((d) => fromRank(d.value)),
    target: fromRank(series.markLine?.data?.[0]?.yAxis),
  };
}
