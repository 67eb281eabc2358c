/**
 * The 24 h readings panel in the page: a factor select box over the selected station's last 24 h
 * (../../boardPanelReadings.ts), the factor's limits from the graph's over-limit alarms as markLines.
 * Sets data-station, data-factor, data-points and data-limits (JSON) from the option ECharts holds.
 */
import type * as echarts from 'echarts/core';
import {
  STATION_READINGS_QUERY, defaultFactor, readingFactors, readingsStation, readingsSummary, stationReadingsOption,
  type ReadingsAnswer, type ReadingsStation,
} from '../../boardPanelReadings.ts';
import type { PanelAsk } from './panelAsk.ts';
import type { PanelFrame } from './panelFrame.ts';

export interface ReadingsPanel {
  show(stationId: string): Promise<void>;
}

export function createReadingsPanel(frame: PanelFrame, chart: echarts.ECharts, ask: PanelAsk): ReadingsPanel {
  const label = document.createElement('label');
  label.textContent = '因子 Factor ';
  const select = document.createElement('select');
  select.id = 'panel-factor';
  label.append(select);
  frame.controls.append(label);
  let station: ReadingsStation | null = null;

  const draw = (code: string) => {
    if (!station) return;
    chart.setOption(stationReadingsOption(station, code), { notMerge: true });
    const shown = readingsSummary(chart.getOption() as Record<string, unknown>);
    frame.element.dataset['station'] = station.name;
    frame.element.dataset['factor'] = code;
    frame.element.dataset['points'] = String(shown.points);
    frame.element.dataset['limits'] = JSON.stringify(shown.limits);
    frame.setState(shown.points > 0 ? 'ready' : 'empty',
      `${station.name}：近 24 小时 ${shown.points} 个数据（北京时间）${shown.limits.length > 0 ? '' : '；该因子无超限告警，图中无限值'} / last 24 h`);
  };
  select.addEventListener('change', () => draw(select.value));

  return {
    async show(stationId) {
      const current = frame.begin();
      const answer = await ask(STATION_READINGS_QUERY, { id: stationId }).catch(() => null);
      if (!current()) return;
      const node = readingsStation(answer?.data as ReadingsAnswer | null | undefined);
      if (!node) {
        frame.setState('unavailable', '站点数据暂不可用 / station unavailable');
        return;
      }
      station = node;
      const factors = readingFactors(node);
      select.replaceChildren(...factors.map((f) => new Option(`${f.name}（${f.code}）`, f.code)));
      const first = defaultFactor(node);
      if (!first) {
        frame.element.dataset['points'] = '0';
        frame.setState('empty', `${node.name}：近 24 小时无数据 / no readings in 24 h`);
        chart.clear();
        return;
      }
      select.value = first;
      draw(first);
    },
  };
}
