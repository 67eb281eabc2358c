/**
 * The board's panel strip (issue 16, deliverable 4): a section's 12-month class trend, a station's
 * last 24 h of one factor with its limit, per-bureau counts, and the bulletins exchanged per pair of
 * bureaus. main.ts mounts it once with its map chart and its `ask`; a click on a section or station
 * of the map selects it here (`selectOnBoard` does the same from code), and the header's Reload
 * button asks everything again (with the token typed there, if any).
 */
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { PANEL_CONTEXT_QUERY, initialSelection, selectionFromClick, type PanelContextAnswer, type PanelSelection } from '../../boardPanelSelection.ts';
import { createCountsPanel } from './countsPanel.ts';
import { createExchangePanel } from './exchangePanel.ts';
import type { PanelAsk } from './panelAsk.ts';
import { createPanelFrame } from './panelFrame.ts';
import { createReadingsPanel } from './readingsPanel.ts';
import { createTrendPanel } from './trendPanel.ts';
import './panels.css';

echarts.use([LineChart, GridComponent, MarkLineComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

export interface BoardPanelsOptions {
  /** The element the panels go in (index.html's #panels). */
  readonly root: HTMLElement;
  /** The map: clicks on its section and station markers select them. */
  readonly map: echarts.ECharts;
  readonly ask: PanelAsk;
}

let select: (selection: PanelSelection) => void = () => undefined;

/** Shows a section's trend or a station's readings, as a click on its map marker does. */
export function selectOnBoard(selection: PanelSelection): void {
  select(selection);
}

export function mountBoardPanels({ root, map, ask }: BoardPanelsOptions): void {
  const chartIn = (frame: { body: HTMLElement }) => {
    const chart = echarts.init(frame.body, undefined, { renderer: 'canvas' });
    new ResizeObserver(() => chart.resize()).observe(frame.body);
    return chart;
  };
  const trendFrame = createPanelFrame(root, 'panel-trend', '断面近 12 个月水质类别 Section class, 12 months');
  const readingsFrame = createPanelFrame(root, 'panel-readings', '站点近 24 小时数据 Station, last 24 h');
  const countsFrame = createPanelFrame(root, 'panel-counts', '各局统计 Per-bureau counts');
  const exchangeFrame = createPanelFrame(root, 'panel-exchange', '应急信息交换 Bulletins exchanged');
  const rivers = new Map<string, string>();
  const trend = createTrendPanel(trendFrame, chartIn(trendFrame), ask, (id) => rivers.get(id));
  const readings = createReadingsPanel(readingsFrame, chartIn(readingsFrame), ask);
  const counts = createCountsPanel(countsFrame, ask);
  const exchange = createExchangePanel(exchangeFrame, ask);

  let selected: { sectionId: string | null; stationId: string | null } = { sectionId: null, stationId: null };
  select = (selection) => {
    if (selection.kind === 'section') {
      selected = { ...selected, sectionId: selection.id };
      void trend.show(selection.id);
    } else {
      selected = { ...selected, stationId: selection.id };
      void readings.show(selection.id);
    }
  };
  map.on('click', (params) => {
    const selection = selectionFromClick(params as { seriesId?: string; data?: unknown });
    if (selection) select(selection);
  });

  const load = async () => {
    for (const frame of [trendFrame, readingsFrame, countsFrame, exchangeFrame]) frame.setState('loading', '加载中… Loading');
    const answer = await ask(PANEL_CONTEXT_QUERY, {}).catch(() => null);
    const context = (answer?.data ?? {}) as PanelContextAnswer;
    rivers.clear();
    for (const s of context.sections ?? []) rivers.set(s.id, s.river.id);
    const cities = context.cities ?? [];
    const first = initialSelection(context);
    const sectionId = selected.sectionId ?? first.sectionId;
    const stationId = selected.stationId ?? first.stationId;
    await Promise.all([
      sectionId ? trend.show(sectionId) : trendFrame.setState('empty', '无跨界断面 / no cross-border section'),
      stationId ? readings.show(stationId) : readingsFrame.setState('empty', '无站点 / no station'),
      cities.length > 0 ? counts.show(cities) : countsFrame.setState('unavailable', '各局列表暂不可用 / bureaus unavailable'),
      cities.length > 0 ? exchange.show(cities) : exchangeFrame.setState('unavailable', '各局列表暂不可用 / bureaus unavailable'),
    ]);
  };
  document.getElementById('reload')?.addEventListener('click', () => void load());
  void load();
}
