/**
 * The exchanged-information panel in the page: a sender × recipient matrix of bulletins over the last
 * 12 months (../../boardPanelExchange.ts), the busiest pairs under it. Without a token it says the
 * statistic needs one. Sets data-total and data-pairs (JSON) from the matrix shown.
 */
import { BULLETIN_EXCHANGE_QUERY, exchangeMatrix, exchangeWindow, type ExchangeCount, type ExchangeMatrix } from '../../boardPanelExchange.ts';
import { needsToken, type PanelAsk } from './panelAsk.ts';
import type { BureausPanel, PanelFrame } from './panelFrame.ts';

export function createExchangePanel(frame: PanelFrame, ask: PanelAsk): BureausPanel {
  return {
    async show(cities) {
      const current = frame.begin();
      const span = exchangeWindow(new Date());
      const answer = await ask(BULLETIN_EXCHANGE_QUERY, span).catch(() => null);
      if (!current()) return;
      const counts = (answer?.data as { bulletinExchange?: ExchangeCount[] | null } | null | undefined)?.bulletinExchange;
      frame.body.replaceChildren();
      delete frame.element.dataset['total'];
      delete frame.element.dataset['pairs'];
      if (!counts) {
        if (answer && needsToken(answer, 'bulletinExchange')) frame.setState('needs-token', '应急信息交换统计需令牌 / needs a token');
        else frame.setState('unavailable', '应急信息交换统计暂不可用 / unavailable');
        return;
      }
      const matrix = exchangeMatrix(cities, counts);
      frame.body.replaceChildren(table(matrix));
      frame.element.dataset['total'] = String(matrix.total);
      frame.element.dataset['pairs'] = JSON.stringify(matrix.pairs);
      const period = `${span.from.slice(0, 10)} 至 ${span.to.slice(0, 10)}（不含，北京时间）`;
      frame.setState(matrix.total > 0 ? 'ready' : 'empty', matrix.total > 0
        ? `${period} 共 ${matrix.total} 条次；${matrix.pairs.slice(0, 3).map((p) => `${p.a}—${p.b} ${p.count}`).join('，')}`
        : `${period} 无应急信息交换记录 / none exchanged`);
    },
  };
}

function table(matrix: ExchangeMatrix): HTMLTableElement {
  const element = document.createElement('table');
  element.className = 'panel-table panel-matrix';
  const head = element.createTHead().insertRow();
  const corner = document.createElement('th');
  corner.textContent = '发送 ↓ 接收 →';
  head.append(corner);
  for (const b of matrix.bureaus) {
    const th = document.createElement('th');
    th.textContent = b.name;
    head.append(th);
  }
  const body = element.createTBody();
  matrix.bureaus.forEach((sender, i) => {
    const tr = body.insertRow();
    const th = document.createElement('th');
    th.textContent = sender.name;
    tr.append(th);
    matrix.bureaus.forEach((recipient, j) => {
      const cell = tr.insertCell();
      const count = matrix.cells[i]![j]!;
      cell.textContent = i === j ? '—' : String(count);
      if (count > 0) cell.className = 'hot';
      cell.title = `${sender.name} → ${recipient.name}：${count} 条次`;
    });
  });
  return element;
}
