/**
 * The trend panel in the page: asks for the selected section's river with 12 monthly assessments
 * (../../boardPanelTrend.ts) and draws the line. Sets data-section, data-months and data-classes
 * (JSON) from the option ECharts holds.
 */
import type * as echarts from 'echarts/core';
import { lastFullMonth } from '../../../ide/app/examples.ts';
import { sectionTrendOption, sectionTrendQuery, sectionTrendVariables, trendMonths, trendSummary, type TrendAnswer } from '../../boardPanelTrend.ts';
import type { PanelAsk } from './panelAsk.ts';
import type { PanelFrame } from './panelFrame.ts';

export interface TrendPanel {
  show(sectionId: string): Promise<void>;
}

export function createTrendPanel(frame: PanelFrame, chart: echarts.ECharts, ask: PanelAsk, riverOf: (sectionId: string) => string | undefined): TrendPanel {
  return {
    async show(sectionId) {
      const current = frame.begin();
      const riverId = riverOf(sectionId);
      if (!riverId) {
        frame.setState('empty', `无此跨界断面 / not a cross-border section: ${sectionId}`);
        return;
      }
      const months = trendMonths(lastFullMonth(new Date()));
      const answer = await ask(sectionTrendQuery(months.length), sectionTrendVariables(riverId, months)).catch(() => null);
      if (!current()) return; // a later selection took over
      const section = (answer?.data as TrendAnswer | null | undefined)?.sections?.find((s) => s.id === sectionId);
      if (!section) {
        frame.setState('unavailable', '断面数据暂不可用 / section unavailable');
        return;
      }
      chart.setOption(sectionTrendOption(section, months), { notMerge: true });
      const shown = trendSummary(chart.getOption() as Record<string, unknown>);
      frame.element.dataset['section'] = shown.section;
      frame.element.dataset['months'] = JSON.stringify(shown.months);
      frame.element.dataset['classes'] = JSON.stringify(shown.classes);
      const assessed = shown.classes.filter((c) => c !== null).length;
      frame.setState(assessed > 0 ? 'ready' : 'empty',
        `${months[0]} 至 ${months.at(-1)}（北京时间）：${assessed} 个月有评价，其余月份无有效数据 / ${assessed} of ${months.length} months assessed`);
    },
  };
}
