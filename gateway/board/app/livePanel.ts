/**
 * The board's side list of the live layers: the connection state, each bureau's state, the open
 * incidents with their notices' delivery states, and the resources near the selected incident.
 * Text only (textContent): titles and names come from other bureaus and are never parsed as HTML.
 */
import type { LiveLayer } from '../boardLiveLayer.ts';
import { BUREAU_STATUS_STYLE, NOTICE_STATE_LABEL, type SelectedIncident } from '../boardLiveSeries.ts';
import type { LiveConnectionState } from '../boardLiveStream.ts';
import type { BoardCity } from '../boardQueries.ts';
import { formatChinaTime } from '../formatChinaTime.ts';

const CONNECTION_TEXT: Readonly<Record<LiveConnectionState, string>> = {
  connecting: '实时连接中… Connecting',
  connected: '实时：已连接 Live',
  reconnecting: '连接中断，正在重连… Reconnecting',
  disconnected: '实时连接已断开 Disconnected（请刷新）',
};

function element(tag: string, text: string, className?: string): HTMLElement {
  const node = document.createElement(tag);
  node.textContent = text;
  if (className) node.className = className;
  return node;
}

export function showConnection(badge: HTMLElement, state: LiveConnectionState, note: string): void {
  badge.dataset['live'] = state;
  badge.textContent = CONNECTION_TEXT[state];
  badge.title = note;
}

export interface LivePanelInput {
  readonly cities: readonly BoardCity[];
  readonly layer: LiveLayer;
  readonly selected: SelectedIncident | null;
  readonly hasToken: boolean;
  onSelect(incidentId: string): void;
}

export function renderLivePanel(root: HTMLElement, input: LivePanelInput): void {
  const names = new Map(input.cities.map((c) => [c.code, c.name]));
  const bureaus = element('ul', '', 'bureau-list');
  for (const city of input.cities) {
    const status = input.layer.bureaus.get(city.code) ?? 'UNKNOWN';
    const item = element('li', '');
    item.dataset['status'] = status;
    const dot = element('span', '●', 'dot');
    dot.style.color = BUREAU_STATUS_STYLE[status].color;
    item.append(dot, ` ${city.name} · ${BUREAU_STATUS_STYLE[status].label}`);
    bureaus.append(item);
  }

  const incidents = element('ul', '', 'incident-list');
  for (const incident of input.layer.incidents.values()) {
    const item = element('li', '');
    item.dataset['incidentId'] = incident.id;
    if (input.selected?.incident.id === incident.id) item.classList.add('selected');
    const title = element('button', incident.title, 'incident-title');
    title.setAttribute('type', 'button');
    title.addEventListener('click', () => input.onSelect(incident.id));
    item.append(title, element('div', `${names.get(incident.cityCode) ?? incident.cityCode} · ${formatChinaTime(incident.occurredAt)}`, 'meta'));
    const notices = element('ul', '', 'notices');
    for (const notice of incident.notices) {
      const line = element('li', `通报 ${names.get(notice.recipientCityCode) ?? notice.recipientCityCode}：${NOTICE_STATE_LABEL[notice.state]}`);
      line.dataset['state'] = notice.state;
      notices.append(line);
    }
    item.append(notices);
    incidents.append(item);
  }
  const noIncidents = input.hasToken ? '无进行中的突发环境事件（或令牌无权查看）' : '突发环境事件需令牌 Incidents need a token';

  const resources = element('ol', '', 'resource-list');
  for (const resource of input.selected?.resources ?? []) {
    const distance = resource.distanceKm === null ? '' : ` · ${resource.distanceKm.toFixed(1)} 公里`;
    resources.append(element('li', `${resource.name}（${names.get(resource.cityCode) ?? resource.cityCode}）${resource.quantity} ${resource.unit}${distance}`));
  }

  root.replaceChildren(
    element('h2', '各局状态 Bureaus'), bureaus,
    element('h2', '突发环境事件 Incidents'), input.layer.incidents.size > 0 ? incidents : element('p', noIncidents, 'empty'),
    ...(input.selected
      ? [element('h2', `附近应急资源（${input.selected.incident.title}）`), input.selected.resources === null ? element('p', '查询中…', 'empty')
        : input.selected.resources.length > 0 ? resources : element('p', '无可见的应急资源（或令牌无 emergency:read）', 'empty')]
      : []),
  );
}
