/**
 * The per-bureau counts panel in the page: one table, a row per bureau (../../boardPanelCounts.ts).
 * A count the caller may not read says "需令牌" or "无权限" in its cell. Sets data-counts (JSON:
 * bureau name → count kind → the number, or needs-token / no-access / unavailable).
 */
import { COUNT_KINDS, COUNT_LABEL, bureauCountsRequests, bureauCountsRows, countText, startOfTodayCst, type BureauCountsRow } from '../../boardPanelCounts.ts';
import type { PanelAnswer, PanelAsk } from './panelAsk.ts';
import type { BureausPanel, PanelFrame } from './panelFrame.ts';

export function createCountsPanel(frame: PanelFrame, ask: PanelAsk): BureausPanel {
  return {
    async show(cities) {
      const current = frame.begin();
      const since = startOfTodayCst(new Date());
      const answers = await Promise.all(bureauCountsRequests(cities.map((c) => c.code), since)
        .map(({ query, variables }) => ask(query, variables).catch((): PanelAnswer => ({}))));
      if (!current()) return;
      const rows = bureauCountsRows(cities, {
        data: Object.assign(Object.create(null), ...answers.map((a) => a.data ?? {})) as Record<string, unknown>,
        errors: answers.flatMap((a) => a.errors ?? []),
      });
      frame.body.replaceChildren(table(rows));
      frame.element.dataset['counts'] = JSON.stringify(Object.fromEntries(rows.map((r) => [
        r.name, Object.fromEntries(COUNT_KINDS.map((k) => [k, r.counts[k].kind === 'value' ? r.counts[k].value : r.counts[k].kind])),
      ])));
      const locked = rows.some((r) => COUNT_KINDS.some((k) => r.counts[k].kind === 'needs-token'));
      frame.setState('ready', `今日自 ${startOfTodayCst(new Date()).slice(0, 10)} 00:00（北京时间）${locked ? '；事件与通报需令牌 / incidents and notices need a token' : ''}`);
    },
  };
}

function table(rows: readonly BureauCountsRow[]): HTMLTableElement {
  const element = document.createElement('table');
  element.className = 'panel-table';
  const head = element.createTHead().insertRow();
  for (const text of ['生态环境局 Bureau', ...COUNT_KINDS.map((k) => COUNT_LABEL[k])]) {
    const th = document.createElement('th');
    th.textContent = text;
    head.append(th);
  }
  const body = element.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    tr.dataset['code'] = row.code;
    tr.insertCell().textContent = row.name;
    for (const kind of COUNT_KINDS) {
      const cell = tr.insertCell();
      cell.textContent = countText(row.counts[kind]);
      cell.dataset['kind'] = row.counts[kind].kind;
    }
  }
  return element;
}
